import { rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { demos, lessonPath } from '@funws/catalogue';
import { ChatClient } from '@funws/chat/client';
import type { ChatMessage } from '@funws/chat/protocol';
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

function chatClient(nickname: string): ChatClient {
  const client = new ChatClient({
    url: running.url,
    path: playgroundPath,
    nickname,
    storage: null,
  });
  clients.push(client);
  return client;
}

describe('the course server', () => {
  it.each(demoFolders)('serves the page of demo %s under /demos/', async (folder) => {
    const response = await fetch(`${running.url}/demos/${folder}/`);
    expect(running.mounted.failed.get(folder), `demo ${folder} failed to load`).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('redirects every exercise folder name to its lesson', async () => {
    for (const { folder: exercise, lesson } of demos) {
      const response = await fetch(`${running.url}/lessons/${exercise}/`, { redirect: 'manual' });
      expect(response.status).toBe(308);
      expect(response.headers.get('location')).toBe(lessonPath(lesson));
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
    const controller = new AbortController();
    const response = await fetch(`${running.url}/inspector/events?demo=04-broadcast-chat`, {
      signal: controller.signal,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    // Compressed, an event stream would sit in the compressor's buffer.
    expect(response.headers.get('content-encoding')).toBeNull();
    const reader = response.body!.getReader();
    const socket = connectSocket(running.url, { path: '/demos/04-broadcast-chat/socket.io' });
    sockets.push(socket);
    socket.on('connect', () => socket.emit('send_message', { text: 'seen by the inspector' }));
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('seen by the inspector')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    const entry = text
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)) as { event?: string; dir: string })
      .find((item) => item.event === 'send_message');
    expect(entry).toMatchObject({ event: 'send_message', dir: 'in' });
  });

  it('answers 404 to an inspector stream for a demo nobody watches', async () => {
    const response = await fetch(`${running.url}/inspector/events?demo=no-such-demo`);
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
      'GET /nobody-here HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
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
    const controller = new AbortController();
    const response = await fetch(`${running.url}/inspector/events?demo=01-basic-server`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await fetch(`${running.url}/demos/01-basic-server/?pane=alice`);
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('"eio":"response"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain('"data":"GET /demos/01-basic-server/?pane=alice"');
    expect(text).toContain('"pane":"alice"');
    expect(text).toMatch(/"data":"200 text\/html/);
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
