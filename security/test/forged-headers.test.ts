// Forged Origin and Host headers against every server we ship: the library,
// each demo as `npm run demo` starts it, the sidebar's raw WebSocket port, and
// the course. The attack is DNS rebinding: a page on evil.example whose name
// resolves to 127.0.0.1 sends `Host: evil.example:<port>` and an Origin that
// matches it. Every such request, page or socket or upgrade, is refused; so is
// a page of another site sent to an allowed name.
import { createServer } from 'node:http';
import { createChatServer } from '@funws/chat/server';
import { type RunningCourse, startCourse } from '@funws/course/server';
import { type CreateDemo, type RunningDemo, startDemo } from '@funws/demo-kit';
import { createApp as demo1 } from '@funws/solution-01-basic-server';
import { createApp as demo2 } from '@funws/solution-02-forms';
import { createApp as demo3 } from '@funws/solution-03-first-socket';
import { createApp as demo4 } from '@funws/solution-04-broadcast-chat';
import { createApp as demo5 } from '@funws/solution-05-nicknames-presence';
import { createApp as demo6 } from '@funws/solution-06-typing-whispers-rooms';
import { createApp as demo7 } from '@funws/solution-07-polls-reactions-canvas';
import { type SidebarApp, createApp as sidebar } from '@funws/solution-sidebar-raw-vs-socketio';
import { serveRawEcho } from '@funws/solution-sidebar-raw-vs-socketio/raw-server';
import { listen, rawRequest } from '@funws/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const counts = { servers: 0, refused: 0, allowed: 0 };
const stops: (() => Promise<void>)[] = [];

afterAll(async () => {
  console.log(
    `[security] forged headers: ${counts.servers} servers, ${counts.refused} forged requests refused, ` +
      `${counts.allowed} control requests by an allowed name served.`,
  );
  for (const stop of stops.reverse()) await stop();
});

/** What a DNS-rebinding page sends: the attacker's name as Host, and a matching Origin. */
function rebound(url: string): Record<string, string> {
  const { port } = new URL(url);
  return { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
}

/** The same request by a name the server answers to, from its own page. */
function honest(url: string, name = 'localhost'): Record<string, string> {
  const { port } = new URL(url);
  return { host: `${name}:${port}`, origin: `http://${name}:${port}` };
}

const polling = (base: string) => `${base}/socket.io/?EIO=4&transport=polling`;
const websocket = (base: string) => `${base}/socket.io/?EIO=4&transport=websocket`;

/** Sends the forged request and expects `status`; then the honest one, expecting `served`. */
async function refuses(
  url: string,
  request: { path: string; method?: string; upgrade?: boolean },
  status: number,
  served?: number,
): Promise<void> {
  const forged = await rawRequest(url, { ...request, headers: rebound(url) });
  expect(forged.status, `${request.method ?? 'GET'} ${request.path} by evil.example`).toBe(status);
  expect(forged.body, `${request.path}: the refusal says which name it answers to`).toMatch(
    /localhost/,
  );
  counts.refused += 1;
  if (served === undefined) return;
  const allowed = await rawRequest(url, { ...request, headers: honest(url) });
  expect(allowed.status, `${request.method ?? 'GET'} ${request.path} by localhost`).toBe(served);
  counts.allowed += 1;
}

async function runDemo(title: string, create: CreateDemo): Promise<RunningDemo> {
  const demo = await startDemo({
    title,
    port: 0,
    create,
    env: { HOST: '127.0.0.1', PORT: '0' },
    exitOnFailure: false,
  });
  stops.push(() => demo.close());
  counts.servers += 1;
  return demo;
}

describe('forged Host and Origin headers', () => {
  it('the library refuses a rebinding handshake by polling and by upgrade, and a foreign page', async () => {
    const httpServer = createServer();
    const chat = createChatServer(httpServer);
    const listening = await listen(httpServer);
    stops.push(async () => {
      await chat.close();
      await listening.close();
    });
    counts.servers += 1;
    const url = listening.url;
    // socket.io's allowRequest answers a refused handshake with 403, a refused upgrade with 400.
    await refuses(url, { path: polling('') }, 403, 200);
    await refuses(url, { path: websocket(''), upgrade: true }, 400, 101);
    const foreign = await rawRequest(url, {
      path: polling(''),
      headers: { host: new URL(url).host, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    counts.refused += 1;
  });

  it.each([
    ['demo 1', demo1, false],
    ['demo 2', demo2, false],
    ['demo 3', demo3, true],
    ['demo 4', demo4, true],
    ['demo 5', demo5, true],
    ['demo 6', demo6, true],
    ['demo 7', demo7, true],
  ] as const)(
    '%s, as npm run demo starts it, refuses pages, handshakes and upgrades with 421',
    async (title, create, socket) => {
      const { url } = await runDemo(title, create as CreateDemo);
      await refuses(url, { path: '/' }, 421, 200);
      if (socket) {
        await refuses(url, { path: polling('') }, 421, 200);
        await refuses(url, { path: websocket(''), upgrade: true }, 421, 101);
        const foreign = await rawRequest(url, {
          path: polling(''),
          headers: { host: new URL(url).host, origin: 'http://evil.example' },
        });
        expect(foreign.status, 'a page of another site, sent to an allowed name').toBe(403);
        counts.refused += 1;
      }
      if (title === 'demo 2') {
        await refuses(url, { path: '/messages', method: 'POST' }, 421);
      }
    },
  );

  it('the sidebar refuses them on its page port and on its raw WebSocket port', async () => {
    let app: SidebarApp | undefined;
    const page = await runDemo('sidebar', (options) => {
      app = sidebar({ ...options, rawPort: 0 });
      return app;
    });
    await refuses(page.url, { path: '/' }, 421, 200);
    await refuses(page.url, { path: polling(''), upgrade: false }, 421, 200);
    await refuses(page.url, { path: '/raw', upgrade: true }, 421, 101);
    if (!app) throw new Error('the sidebar app was not built');
    const raw = await serveRawEcho(app.raw, {
      host: '127.0.0.1',
      port: 0,
      allowedHosts: page.allowedHosts,
      title: 'sidebar',
    });
    const address = raw.address();
    const rawUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          raw.closeAllConnections();
          raw.close(() => resolve());
        }),
    );
    counts.servers += 1;
    await refuses(rawUrl, { path: '/', upgrade: true }, 421);
    // By an allowed name, from the sidebar page on its own port: accepted.
    const fromPage = await rawRequest(rawUrl, {
      path: '/',
      upgrade: true,
      headers: { host: new URL(rawUrl).host, origin: page.url },
    });
    expect(fromPage.status).toBe(101);
    counts.allowed += 1;
    // By an allowed name, from another site's page: 403.
    const foreign = await rawRequest(rawUrl, {
      path: '/',
      upgrade: true,
      headers: { host: new URL(rawUrl).host, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    counts.refused += 1;
  });

  it('the course refuses them on its pages, every mounted demo, the playground, the inspector and the lab', async () => {
    const course: RunningCourse = await startCourse({ port: 0, quiet: true });
    stops.push(() => course.close());
    counts.servers += 1;
    const url = course.url;
    await refuses(url, { path: '/' }, 421, 200);
    await refuses(url, { path: '/playground/' }, 421);
    for (const folder of course.mounted.demos.keys()) {
      await refuses(url, { path: `/demos/${folder}/` }, 421, 200);
    }
    await refuses(url, { path: polling('/demos/04-broadcast-chat') }, 421, 200);
    await refuses(
      url,
      { path: websocket('/demos/07-polls-reactions-canvas'), upgrade: true },
      421,
      101,
    );
    await refuses(url, { path: '/demos/sidebar-raw-vs-socketio/raw', upgrade: true }, 421, 101);
    await refuses(url, { path: '/playground/socket.io/?EIO=4&transport=polling' }, 421, 200);
    await refuses(
      url,
      { path: '/playground/socket.io/?EIO=4&transport=websocket', upgrade: true },
      421,
      101,
    );
    await refuses(
      url,
      { path: '/inspector/events?demo=04-broadcast-chat&inspect=aaaaaaaaaaaaaaaaaaaaaa' },
      421,
    );
    await refuses(url, { path: '/lab/ticks' }, 421, 200);
    await refuses(
      url,
      { path: '/lab/socket.io/?EIO=4&transport=websocket', upgrade: true },
      421,
      101,
    );
  });
});
