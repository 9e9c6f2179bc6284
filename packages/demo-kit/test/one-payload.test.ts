import { createServer } from 'node:http';
import { connect, disconnectAll, type Listening, listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { onePayloadAndAck } from '../src/index.ts';

let listening: Listening | undefined;
afterEach(async () => {
  disconnectAll();
  await listening?.close();
});

/** A server whose `echo` handler answers with the payload it was given. */
async function start(): Promise<string> {
  const httpServer = createServer();
  const io = new Server(httpServer);
  io.on('connection', (socket) => {
    socket.use(onePayloadAndAck());
    socket.on('echo', (payload: unknown, ack?: unknown) => {
      if (typeof ack === 'function') ack({ ok: true, payload: payload ?? null });
    });
  });
  listening = await listen(httpServer);
  return listening.url;
}

describe('onePayloadAndAck', () => {
  it('hands the handler (payload, ack) whether or not a payload was sent', async () => {
    const socket = await connect(await start());
    expect(await socket.emitWithAck('echo')).toEqual({ ok: true, payload: null });
    expect(await socket.emitWithAck('echo', { a: 1 })).toEqual({ ok: true, payload: { a: 1 } });
  });

  it('refuses extra arguments with invalid_payload through the ack', async () => {
    const socket = await connect(await start());
    const answer = await socket.emitWithAck('echo', { a: 1 }, 'extra', 3);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(answer.error.message).toContain('received 4 arguments');
  });
});
