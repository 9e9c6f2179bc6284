// Where the page finds the raw endpoint, the Content Security Policy that lets
// it connect there, and mounting under a prefix (one port for everything).
import { createServer } from 'node:http';
import { mountDemo } from '@funws/demo-kit';
import {
  connect,
  disconnectAll,
  type Listening,
  listen,
  nextEvent,
  type RunningApp,
  startApp,
} from '@funws/testkit';
import express from 'express';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type SidebarApp } from '../src/app.ts';
import type { ClientToServerEvents, EchoResponse, ServerToClientEvents } from '../src/protocol.ts';
import { closeAllRaw, nextReply, openRaw, rawUrlOf } from './helpers.ts';

let running: RunningApp<SidebarApp> | undefined;
let mounted: { listening: Listening; demo: SidebarApp } | undefined;
afterEach(async () => {
  disconnectAll();
  closeAllRaw();
  await running?.close();
  if (mounted) {
    await mounted.demo.close?.();
    mounted.demo.io?.close();
    await mounted.listening.close();
  }
  running = undefined;
  mounted = undefined;
});

describe('config.json', () => {
  it('points at the raw endpoint on the same server when no raw port is given', async () => {
    running = await startApp(createApp);
    const config = await (await fetch(`${running.url}/config.json`)).json();
    expect(config).toEqual({ rawUrl: rawUrlOf(running.url) });
  });

  it('points at ws://<the host the browser used>:<rawPort>/ and allows it in the CSP', async () => {
    running = await startApp((options) => createApp({ ...options, rawPort: 8765 }));
    const response = await fetch(`${running.url.replace('127.0.0.1', 'localhost')}/config.json`);
    expect(await response.json()).toEqual({ rawUrl: 'ws://localhost:8765/' });
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' ws://localhost:8765;",
    );
  });

  it('serves the page with only relative URLs', async () => {
    running = await startApp(createApp);
    const html = await (await fetch(`${running.url}/`)).text();
    expect(html).toContain('src="js/main.js"');
    expect(html).not.toMatch(/(href|src|action)="\//);
    expect((await fetch(`${running.url}/js/main.js`)).headers.get('content-type')).toMatch(
      /javascript/,
    );
  });
});

describe('mounted under /demos/x (the course: one port)', () => {
  it('serves both echoes and the config under the prefix', async () => {
    const host = express();
    const server = createServer(host);
    const demo = mountDemo(host, server, '/demos/x', createApp) as SidebarApp;
    const listening = await listen(server);
    mounted = { listening, demo };

    const config = await (await fetch(`${listening.url}/demos/x/config.json`)).json();
    expect(config).toEqual({ rawUrl: rawUrlOf(listening.url, '/demos/x') });

    const raw = await openRaw(rawUrlOf(listening.url, '/demos/x'), { Origin: listening.url });
    raw.send(JSON.stringify({ message: 'raw under a prefix' }));
    expect(await nextReply(raw)).toMatchObject({
      type: 'echo',
      original_message: 'raw under a prefix',
    });

    const socket = await connect<Socket<ServerToClientEvents, ClientToServerEvents>>(
      listening.url,
      {
        path: '/demos/x/socket.io',
      },
    );
    const echoed = nextEvent<EchoResponse>(socket, 'echo_response');
    socket.emit('echo_message', { message: 'io under a prefix' }, () => {});
    expect(await echoed).toMatchObject({ message: 'io under a prefix' });
  });
});
