import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connect,
  connectAndReceive,
  connectMany,
  disconnectAll,
  disconnectAndWait,
  expectNoEvent,
  nextEvent,
  type RunningApp,
  roundTrip,
  startApp,
} from '../src/index.ts';

// A tiny app in the demo-kit shape: an HTTP handler and an unattached socket.io server.
function createApp() {
  const io = new Server({ serveClient: false });
  io.on('connection', (socket) => {
    socket.on('shout', (text: string) => io.emit('heard', text));
    socket.on('mumble', (_text: string, ack?: (reply: string) => void) => ack?.('ok'));
    socket.on('whisper', (text: string, ack?: (reply: string) => void) => {
      io.to(socket.id).emit('heard', text);
      ack?.('ok');
    });
    socket.on('disconnect', () => io.emit('left', socket.id));
    socket.on('noise', () => {
      socket.emit('tick', 1);
      socket.emit('tock', { n: 2 });
    });
  });
  return {
    app: (_request: unknown, response: { end(text: string): void }) => response.end('ok'),
    io,
  };
}

let running: RunningApp<ReturnType<typeof createApp>> | undefined;
afterEach(async () => {
  disconnectAll();
  await running?.close();
  running = undefined;
});

describe('startApp', () => {
  it('serves the app on a loopback port and stops it on close', async () => {
    running = await startApp(createApp);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(running.url)).text()).toBe('ok');
    const { url } = running;
    await running.close();
    running = undefined;
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('nextEvent', () => {
  it('resolves with the payload of the awaited event', async () => {
    running = await startApp(createApp);
    const [alice, bob] = await connectMany(running.url, 2);
    const heard = nextEvent<string>(bob!, 'heard');
    alice!.emit('shout', 'hi');
    expect(await heard).toBe('hi');
  });

  it('lists what arrived instead when it times out', async () => {
    running = await startApp(createApp);
    const alice = await connect(running.url);
    const waiting = nextEvent(alice, 'new_message', { timeoutMs: 300 });
    alice.emit('noise');
    await expect(waiting).rejects.toThrow(
      "Expected the event 'new_message' within 300 ms, but it did not arrive. Arrived meanwhile: tick, tock.",
    );
  });

  it('fails as soon as the server has answered without sending the event', async () => {
    running = await startApp(createApp);
    const [alice, bob] = await connectMany(running.url, 2);
    const ack = alice!.emitWithAck('mumble', 'hi');
    const started = Date.now();
    await expect(nextEvent(bob!, 'heard', { after: ack, timeoutMs: 10_000 })).rejects.toThrow(
      "Expected the event 'heard', but the server sent none: it had finished with the request (a round trip on this connection came back first). Arrived meanwhile: nothing.",
    );
    // Long before the 10 s timeout: the round trip, not the clock, decided.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('still resolves with an event that comes with the answer', async () => {
    running = await startApp(createApp);
    const alice = await connect(running.url);
    const ack = alice.emitWithAck('whisper', 'psst');
    expect(await nextEvent<string>(alice, 'heard', { after: ack })).toBe('psst');
  });

  it('says which payloads did not match the filter', async () => {
    running = await startApp(createApp);
    const alice = await connect(running.url);
    const waiting = nextEvent(alice, 'heard', { timeoutMs: 300, where: (text) => text === 'bye' });
    alice.emit('shout', 'hi');
    await expect(waiting).rejects.toThrow('Arrived meanwhile: heard (not matching: "hi").');
  });
});

describe('roundTrip', () => {
  it('resolves after the server has handled what the socket sent before it', async () => {
    running = await startApp(createApp);
    const alice = await connect(running.url);
    const heard: string[] = [];
    alice.on('heard', (text: string) => heard.push(text));
    alice.emit('shout', 'one');
    alice.emit('shout', 'two');
    await roundTrip(alice);
    expect(heard).toEqual(['one', 'two']);
  });

  it('refuses a socket that is not connected', async () => {
    running = await startApp(createApp);
    const alice = await connect(running.url);
    alice.disconnect();
    await expect(roundTrip(alice)).rejects.toThrow('roundTrip needs a connected socket');
  });

  it('leaves the connection usable afterwards', async () => {
    running = await startApp(createApp);
    const [alice, bob] = await connectMany(running.url, 2);
    await Promise.all([roundTrip(bob!), roundTrip(bob!)]);
    const heard = nextEvent<string>(bob!, 'heard');
    alice!.emit('shout', 'still there?');
    expect(await heard).toBe('still there?');
  });
});

describe('expectNoEvent', () => {
  it('resolves once a round trip after the request shows nothing came', async () => {
    running = await startApp(createApp);
    const [alice, carol] = await connectMany(running.url, 2);
    const ack = alice!.emitWithAck('whisper', 'just for me');
    await expect(expectNoEvent(carol!, 'heard', { after: ack })).resolves.toBeUndefined();
  });

  it('fails with the payload when the event arrives before the answer', async () => {
    running = await startApp(createApp);
    const alice = await connect(running.url);
    const ack = alice.emitWithAck('whisper', 'oops');
    await expect(expectNoEvent(alice, 'heard', { after: ack })).rejects.toThrow(
      `Expected no 'heard' event, but one arrived with "oops".`,
    );
  });

  it('resolves when the event stays away for the window (the older form)', async () => {
    running = await startApp(createApp);
    const alice = await connect(running.url);
    await expect(expectNoEvent(alice, 'heard', { withinMs: 100 })).resolves.toBeUndefined();
  });

  it('fails with the payload when the event arrives', async () => {
    running = await startApp(createApp);
    const [alice, carol] = await connectMany(running.url, 2);
    const silence = expectNoEvent(carol!, 'heard', { withinMs: 1000 });
    alice!.emit('shout', 'secret');
    await expect(silence).rejects.toThrow(
      `Expected no 'heard' event, but one arrived with "secret".`,
    );
  });
});

describe('disconnectAndWait', () => {
  it('resolves once the server has handled the departure', async () => {
    running = await startApp(createApp);
    const [alice, bob] = await connectMany(running.url, 2);
    const bobsId = bob!.id;
    const left = nextEvent<string>(alice!, 'left', {
      after: disconnectAndWait(bob!, running.app.io),
      timeoutMs: 10_000,
    });
    expect(await left).toBe(bobsId);
    expect(bob!.connected).toBe(false);
  });
});

describe('connect', () => {
  it('names the URL when the connection is refused', async () => {
    running = await startApp(createApp);
    running.app.io.use((_socket, next) => next(new Error('go away')));
    await expect(connect(running.url)).rejects.toThrow(
      `Could not connect to ${running.url}: go away`,
    );
  });
});

describe('connectAndReceive', () => {
  it('fails at once when the server sends nothing on connecting', async () => {
    running = await startApp(createApp);
    await expect(
      connectAndReceive(running.url, 'welcome', {}, { timeoutMs: 10_000 }),
    ).rejects.toThrow("Expected the event 'welcome', but the server sent none");
  });

  it('catches an event the server sends the moment a client connects', async () => {
    running = await startApp(() => {
      const app = createApp();
      app.io.on('connection', (socket) => socket.emit('welcome', { text: 'hi' }));
      return app;
    });
    const [socket, welcome] = await connectAndReceive<{ text: string }>(running.url, 'welcome');
    expect(socket.connected).toBe(true);
    expect(welcome).toEqual({ text: 'hi' });
  });
});
