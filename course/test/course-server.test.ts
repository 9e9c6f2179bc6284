import { rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { lessonRedirects } from '@funws/catalogue';
import { ChatClient } from '@funws/chat/client';
import type { ChatMessage } from '@funws/chat/protocol';
import { rawRequest } from '@funws/testkit';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFolders, playgroundPath } from '../server/mount-all.ts';
import { type RunningCourse, startCourse } from '../server/start.ts';
import { apiPage, builtSiteFixture, fixturePage, hashedAsset } from './built-site-fixture.ts';

let running: RunningCourse;
const siteDir = builtSiteFixture();
const sockets: Socket[] = [];
const clients: ChatClient[] = [];

beforeAll(async () => {
  running = await startCourse({
    port: 0,
    build: false,
    strayUpgradeMs: 300,
    siteDir,
  });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const client of clients) client.close();
  await running?.close();
  rmSync(siteDir, { recursive: true, force: true });
});

function chatClient(nickname: string, inspect?: string, token?: string): ChatClient {
  const client = new ChatClient({
    url: running.url,
    path: playgroundPath,
    nickname,
    storage: null,
    ...(token === undefined ? {} : { token }),
    ...(inspect === undefined ? {} : { socketOptions: { query: { inspect } } }),
  });
  clients.push(client);
  return client;
}

let ids = 0;
/** A fresh inspector id, as a lesson page makes one. */
function inspectorId(): string {
  ids += 1;
  return `test-inspector-${ids}-${Math.random().toString(36).slice(2, 10)}`;
}

/** An inspector subscription: every `data:` entry it has received so far, and a way to wait for one. */
async function subscribe(demo: string, inspect: string) {
  const controller = new AbortController();
  const response = await fetch(`${running.url}/inspector/events?demo=${demo}&inspect=${inspect}`, {
    signal: controller.signal,
    headers: { 'accept-encoding': 'br, gzip' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  // Compressed, an event stream would sit in the compressor's buffer.
  expect(response.headers.get('content-encoding')).toBeNull();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    /** Reads until the stream holds `needle`, then returns everything read. */
    async until(needle: string): Promise<string> {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text;
    },
    close: () => controller.abort(),
  };
}

/** A socket of demo 4, tagged with an inspector id as a pane of a lesson page is. */
function demo4Socket(inspect: string): Socket {
  const socket = connectSocket(running.url, {
    path: '/demos/04-broadcast-chat/socket.io',
    query: { inspect },
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

describe('the course server', () => {
  it.each(demoFolders)('serves the page of demo %s under /demos/', async (folder) => {
    const response = await fetch(`${running.url}/demos/${folder}/`);
    expect(running.mounted.failed.get(folder), `demo ${folder} failed to load`).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it("redirects every former lesson address to today's lesson, with or without the slash", async () => {
    const redirects = lessonRedirects();
    expect(redirects).toContainEqual({
      from: '/lessons/06-broadcast-chat',
      to: '/lessons/04-broadcast-chat/',
    });
    for (const { from, to } of redirects) {
      for (const path of [from, `${from}/`]) {
        const response = await fetch(`${running.url}${path}`, { redirect: 'manual' });
        expect(response.status, path).toBe(308);
        expect(response.headers.get('location'), path).toBe(to);
      }
    }
  });

  it('answers an unknown page with 404', async () => {
    const response = await fetch(`${running.url}/no-such-page/`);
    expect(response.status).toBe(404);
  });

  it('runs the playground chat at /playground/socket.io: one member hears another', async () => {
    const alice = chatClient('alice');
    const bob = chatClient('bob');
    await alice.connect();
    await alice.join('general');
    await bob.connect();
    await bob.join('general');
    const heard = new Promise<ChatMessage>((resolve) => {
      bob.on('change', (_state, change) => {
        if (change.type === 'message' && change.message.nickname === 'alice')
          resolve(change.message);
      });
    });
    await alice.send('general', 'hello from the test');
    expect((await heard).text).toBe('hello from the test');
  });

  it('streams the packets of a demo to the inspector', async () => {
    const id = inspectorId();
    const stream = await subscribe('04-broadcast-chat', id);
    const socket = demo4Socket(id);
    socket.on('connect', () => socket.emit('send_message', { text: 'seen by the inspector' }));
    const text = await stream.until('seen by the inspector');
    stream.close();
    const entry = text
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)) as { event?: string; dir: string })
      .find((item) => item.event === 'send_message');
    expect(entry).toMatchObject({ event: 'send_message', dir: 'in' });
  });

  it('answers 404 to an inspector stream for a demo nobody watches', async () => {
    const response = await fetch(
      `${running.url}/inspector/events?demo=no-such-demo&inspect=${inspectorId()}`,
    );
    expect(response.status).toBe(404);
  });

  it('serves lab ticks by polling and by socket', async () => {
    const socket = connectSocket(running.url, {
      path: '/lab/socket.io',
      transports: ['websocket'],
    });
    sockets.push(socket);
    const tick = await new Promise<{ seq: number; at: number }>((resolve) =>
      socket.once('tick', resolve),
    );
    expect(tick.seq).toBeGreaterThan(0);
    const polled = (await (await fetch(`${running.url}/lab/ticks?after=0`)).json()) as {
      ticks: unknown[];
    };
    expect(polled.ticks.length).toBeGreaterThan(0);
  });

  it('closes a WebSocket upgrade that nobody answers', async () => {
    const socket = connectTcp(running.port, '127.0.0.1');
    socket.write(
      `GET /nobody-here HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString();
    });
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
  });
});

describe('the inspector of a demo without a socket', () => {
  it('shows its plain HTTP requests and responses', async () => {
    const id = inspectorId();
    const stream = await subscribe('01-basic-server', id);
    await fetch(`${running.url}/demos/01-basic-server/?pane=alice&inspect=${id}`);
    const text = await stream.until('"eio":"response"');
    stream.close();
    expect(text).toContain(`"data":"GET /demos/01-basic-server/?pane=alice&inspect=${id}"`);
    expect(text).toContain('"pane":"alice"');
    expect(text).toMatch(/"data":"200 text\/html/);
  });
});

describe('the inspector is private', () => {
  it("shows a page only its own connections' packets: another inspector id sees none of them", async () => {
    const mine = inspectorId();
    const theirs = inspectorId();
    const myStream = await subscribe('04-broadcast-chat', mine);
    const theirStream = await subscribe('04-broadcast-chat', theirs);
    const me = demo4Socket(mine);
    await new Promise<void>((resolve) => me.once('connect', () => resolve()));
    expect(await me.emitWithAck('send_message', { text: 'a secret of mine' })).toEqual({
      ok: true,
    });
    await myStream.until('a secret of mine');
    // The round trip on the other page's own connection: once its own message
    // has come through its stream, anything of mine sent before would have too.
    const them = demo4Socket(theirs);
    await new Promise<void>((resolve) => them.once('connect', () => resolve()));
    await them.emitWithAck('send_message', { text: 'their own message' });
    const seen = await theirStream.until('"event":"send_message"');
    myStream.close();
    theirStream.close();
    // Their socket may well receive my message (demo 4 broadcasts, and sends the
    // history on connect): what matters is that every packet shown is of their
    // own connection, and my socket's packets are not among them.
    const entries = seen
      .split('\n')
      .filter((line) => line.startsWith('data: {"t"'))
      .map((line) => JSON.parse(line.slice(6)) as { sid: string; event?: string; data: string });
    expect(entries.length).toBeGreaterThan(0);
    const theirSid = them.io.engine.id.slice(0, 6);
    expect(new Set(entries.map((entry) => entry.sid))).toEqual(new Set([theirSid]));
    const sent = entries.filter((entry) => entry.event === 'send_message');
    expect(sent.map((entry) => entry.data)).toEqual([expect.stringContaining('their own message')]);
  });

  it('shows a connection opened without an inspector id to nobody', async () => {
    const id = inspectorId();
    const stream = await subscribe('04-broadcast-chat', id);
    const untagged = connectSocket(running.url, {
      path: '/demos/04-broadcast-chat/socket.io',
      forceNew: true,
    });
    sockets.push(untagged);
    await new Promise<void>((resolve) => untagged.once('connect', () => resolve()));
    await untagged.emitWithAck('send_message', { text: 'untagged and unseen' });
    const tagged = demo4Socket(id);
    await new Promise<void>((resolve) => tagged.once('connect', () => resolve()));
    await tagged.emitWithAck('send_message', { text: 'tagged and seen' });
    const seen = await stream.until('tagged and seen');
    stream.close();
    expect(seen).not.toContain('untagged and unseen');
  });

  it('redacts the session token in the playground packets it shows', async () => {
    const id = inspectorId();
    const stream = await subscribe('playground', id);
    const first = chatClient('redact-me', id);
    const session = await first.connect();
    const seen = await stream.until('"event":"session"');
    expect(session.token.length).toBeGreaterThan(20);
    expect(seen).not.toContain(session.token);
    expect(seen).toContain('"token\\":\\"[redacted]\\"');
    first.close();
    // Coming back with the token: the handshake's auth carries it, redacted too.
    const again = chatClient('redact-me', id, session.token);
    await again.connect();
    const all = await stream.until('"nickname\\":\\"redact-me\\",\\"token\\":\\"[redacted]\\"');
    stream.close();
    expect(all).not.toContain(session.token);
  });

  it('refuses a subscription from another site, by a foreign Host, or without an id', async () => {
    const path = `/inspector/events?demo=04-broadcast-chat&inspect=${inspectorId()}`;
    const foreign = await rawRequest(running.url, {
      path,
      headers: { host: `127.0.0.1:${running.port}`, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const crossSite = await rawRequest(running.url, {
      path,
      headers: { host: `127.0.0.1:${running.port}`, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toContain('Sec-Fetch-Site: cross-site');
    const rebound = await rawRequest(running.url, {
      path,
      headers: {
        host: `evil.example:${running.port}`,
        origin: `http://evil.example:${running.port}`,
      },
    });
    expect(rebound.status).toBe(421);
    const anonymous = await fetch(`${running.url}/inspector/events?demo=04-broadcast-chat`);
    expect(anonymous.status).toBe(400);
    expect(await anonymous.text()).toContain('?inspect=');
  });
});

describe('allowed hosts', () => {
  const rebound = () => ({
    host: `evil.example:${running.port}`,
    origin: `http://evil.example:${running.port}`,
  });

  it('refuses pages, demos, sockets and upgrades sent to a foreign Host with 421, even with a matching Origin', async () => {
    for (const path of ['/', '/lessons/06-broadcast-chat/', '/demos/04-broadcast-chat/']) {
      const answer = await rawRequest(running.url, { path, headers: rebound() });
      expect(answer.status, path).toBe(421);
      expect(answer.body).toContain('ALLOWED_HOSTS=evil.example');
    }
    for (const path of [
      '/demos/04-broadcast-chat/socket.io/?EIO=4&transport=polling',
      `${playgroundPath}/?EIO=4&transport=polling`,
      '/lab/ticks',
    ]) {
      expect((await rawRequest(running.url, { path, headers: rebound() })).status, path).toBe(421);
    }
    for (const path of [
      '/demos/04-broadcast-chat/socket.io/?EIO=4&transport=websocket',
      `${playgroundPath}/?EIO=4&transport=websocket`,
      '/demos/sidebar-raw-vs-socketio/raw',
    ]) {
      const upgrade = await rawRequest(running.url, { path, headers: rebound(), upgrade: true });
      expect(upgrade.status, path).toBe(421);
    }
  });

  it('answers the same requests by localhost, and by a name added while it runs', async () => {
    const byName = (name: string) => ({
      host: `${name}:${running.port}`,
      origin: `http://${name}:${running.port}`,
    });
    const upgrade = await rawRequest(running.url, {
      path: '/demos/04-broadcast-chat/socket.io/?EIO=4&transport=websocket',
      headers: byName('localhost'),
      upgrade: true,
    });
    expect(upgrade.status).toBe(101);
    const lan = byName('192.168.7.7');
    const path = `${playgroundPath}/?EIO=4&transport=polling`;
    expect((await rawRequest(running.url, { path, headers: lan })).status).toBe(421);
    running.allowedHosts.add('192.168.7.7');
    expect((await rawRequest(running.url, { path, headers: lan })).status).toBe(200);
  });
});

describe('serving the built site', () => {
  it.each(['br', 'gzip'])(
    'compresses a page with %s when the browser asks for it',
    async (encoding) => {
      const response = await fetch(`${running.url}/`, {
        headers: { 'accept-encoding': encoding },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(await response.text()).toBe(fixturePage);
    },
  );

  it('has pages revalidated, so a new build shows at once', async () => {
    const response = await fetch(`${running.url}/`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('caches a hashed asset for a year as immutable', async () => {
    const response = await fetch(`${running.url}${hashedAsset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends /favicon.ico to the SVG icon instead of a 404', async () => {
    const response = await fetch(`${running.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${running.url}/favicon.svg`);
    expect(response.headers.get('content-type')).toMatch(/image\/svg\+xml/);
  });

  it('sends the old typedoc addresses to the API pages in the course', async () => {
    const moved = await fetch(`${running.url}/api/functions/server.createChatServer.html`, {
      redirect: 'manual',
    });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(apiPage);
    const gone = await fetch(`${running.url}/api/functions/server.noSuchFunction.html`, {
      redirect: 'manual',
    });
    expect(gone.headers.get('location')).toBe('/api/');
  });
});
