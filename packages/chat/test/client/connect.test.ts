import { ChatClient, type ConnectionStatus, type TokenStorage } from '@funws/chat/client';
import { isChatError } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { startChat } from './harness.ts';

function memoryStorage(): TokenStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('ChatClient connection', () => {
  it('connects and resolves with the session the server assigned', async () => {
    const chat = await startChat();
    const ada = chat.client('ada');
    const statuses: ConnectionStatus[] = [];
    ada.on('change', (_state, change) => {
      if (change.type === 'connection') statuses.push(change.connection);
    });
    const session = await ada.connect();
    expect(session).toMatchObject({
      nickname: 'ada',
      userId: expect.any(String),
      token: expect.any(String),
    });
    expect(ada.state.session).toEqual(session);
    expect(ada.state.connection).toBe('connected');
    expect(statuses).toEqual(['connecting', 'connected']);
    ada.close();
    expect(ada.state.connection).toBe('disconnected');
  });

  it('keeps the room counts the server sends on connect', async () => {
    const chat = await startChat();
    const ada = chat.client('ada');
    await ada.connect();
    const names = (await ada.listRooms()).map((room) => room.name);
    expect(names).toEqual(['general', 'random']);
    expect(ada.state.roomCounts.map((room) => room.name)).toEqual(names);
  });

  it('rejects a duplicate nickname with a nickname_taken ChatError', async () => {
    const chat = await startChat();
    await chat.client('ada').connect();
    const error = await chat
      .client('ADA')
      .connect()
      .catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('nickname_taken');
  });

  it('rejects an empty nickname locally with nickname_invalid', async () => {
    const chat = await startChat();
    const client = chat.client('   ');
    const error = await client.connect().catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('nickname_invalid');
    expect(client.socket.active).toBe(false);
  });

  it('names the URL when the server cannot be reached', async () => {
    const chat = await startChat();
    await chat.server.close();
    const client = new ChatClient({
      url: chat.url,
      nickname: 'ada',
      storage: null,
      socketOptions: { transports: ['websocket'] },
    });
    const error = await client.connect().catch((caught: unknown) => caught);
    expect(isChatError(error)).toBe(true);
    expect((error as Error).message).toContain(chat.url);
    expect(client.state.connection).toBe('disconnected');
  });

  it('refuses requests before connect() with a ChatError', async () => {
    const chat = await startChat();
    const error = await chat
      .client('ada')
      .join('general')
      .catch((caught: unknown) => caught);
    expect(isChatError(error) && error.message).toMatch(/connect\(\)/);
  });

  it('requires a url outside a browser', () => {
    expect(() => new ChatClient({ nickname: 'ada' })).toThrow(/url/);
  });

  it('stores the session token and presents it again, so two clients sharing it are one member', async () => {
    const chat = await startChat();
    const storage = memoryStorage();
    const tab1 = await chat.member('ada', ['general'], { storage });
    expect(storage.values.get('funws:chat:token')).toBe(tab1.state.session?.token);
    const tab2 = await chat.member('ada', ['general'], { storage });
    expect(tab2.state.session?.userId).toBe(tab1.state.session?.userId);
    const bob = await chat.member('bob');
    expect(bob.state.rooms.general?.members.map((member) => member.nickname)).toEqual([
      'ada',
      'bob',
    ]);
    expect(tab2.state.rooms.general?.members).toHaveLength(2);
  });

  it('connects to a server mounted under a path prefix', async () => {
    const chat = await startChat({ serverOptions: { path: '/chat/socket.io' } });
    const ada = chat.client('ada', { path: '/chat/socket.io' });
    await expect(ada.connect()).resolves.toMatchObject({ nickname: 'ada' });
  });
});
