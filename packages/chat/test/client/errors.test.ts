import { createServer } from 'node:http';
import { ChatClient } from '@funws/chat/client';
import {
  type ChatError,
  type ClientToServerEvents,
  isChatError,
  type ServerToClientEvents,
} from '@funws/chat/protocol';
import { listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startChat, waitForState } from './harness.ts';

function nextError(client: {
  on(event: 'error', listener: (error: ChatError) => void): () => void;
}) {
  return new Promise<ChatError>((resolve) => {
    const off = client.on('error', (error) => {
      off();
      resolve(error);
    });
  });
}

describe('ChatClient error events', () => {
  it('reports an error the server pushes with chat:error as a typed ChatError', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const error = nextError(ada);
    // Bypasses the client's own checks, as a stale UI or a console user might.
    ada.socket.emit('typing:start', { room: 'random' });
    expect(await error).toMatchObject({ name: 'ChatError', code: 'not_in_room' });
    expect((await error).message).toContain('typing:start');
  });

  it('reports the server closing the connection and ends disconnected', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const error = nextError(ada);
    chat.server.io.disconnectSockets(true);
    expect(await error).toMatchObject({ code: 'connection_failed' });
    expect((await error).message).toContain(chat.url);
    await waitForState(ada, 'disconnected', (state) => state.connection === 'disconnected');
  });

  it('rejects a request the server never answers once timeoutMs has passed', async () => {
    // A server that greets like the chat server but answers nothing.
    const httpServer = createServer();
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer);
    io.on('connection', (socket) =>
      socket.emit('session', { userId: 'u1', nickname: 'ada', token: 't' }),
    );
    const listening = await listen(httpServer);
    const client = new ChatClient({
      url: listening.url,
      nickname: 'ada',
      storage: null,
      timeoutMs: 100,
    });
    onTestFinished(async () => {
      client.close();
      await io.close();
      await listening.close();
    });
    await client.connect();
    const error = await client.join('general').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('timeout');
    expect((error as Error).message).toContain('within 100 ms');
  });

  it('rejects connect() with connection_failed naming the URL when nothing listens there', async () => {
    const listening = await listen(createServer());
    const url = listening.url;
    await listening.close();
    const client = new ChatClient({
      url,
      nickname: 'ada',
      storage: null,
      socketOptions: { reconnection: false },
    });
    onTestFinished(() => client.close());
    const error = await client.connect().catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('connection_failed');
    expect((error as Error).message).toContain(url);
  });

  it('rejects a request made before connect() with not_connected', async () => {
    const client = new ChatClient({ url: 'http://127.0.0.1:9', nickname: 'ada', storage: null });
    const error = await client.send('general', 'hi').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('not_connected');
  });
});
