import { connect, disconnectAll, rawRequest } from '@funws/testkit';
import express from 'express';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import {
  allowedHostsFromEnv,
  networkHostNames,
  type RunningDemo,
  sameOriginOnly,
  startDemo,
} from '../src/index.ts';

const running: RunningDemo[] = [];
afterEach(async () => {
  disconnectAll();
  await Promise.all(running.splice(0).map((demo) => demo.close()));
});

/** A demo with a page and a socket, the shape of demos 3–7. */
const socketDemo = () => {
  const app = express();
  app.get('/', (_request, response) => {
    response.send('the page');
  });
  const io = new Server({ allowRequest: sameOriginOnly, serveClient: false });
  io.on('connection', (socket) => socket.on('hello', (ack: (text: string) => void) => ack('hi')));
  return { app, io };
};

async function start(env: NodeJS.ProcessEnv = {}): Promise<RunningDemo> {
  const demo = await startDemo({
    title: 'Test demo',
    port: 0,
    create: socketDemo,
    env: { PORT: '0', ...env },
    exitOnFailure: false,
  });
  running.push(demo);
  return demo;
}

/** A forged Host and an Origin that matches it: what a DNS-rebinding page sends. */
function rebound(url: string, name: string): Record<string, string> {
  const { port } = new URL(url);
  return { host: `${name}:${port}`, origin: `http://${name}:${port}` };
}

describe('allowed hosts', () => {
  it('answers to the loopback names by default, and adds HOST and ALLOWED_HOSTS', () => {
    expect(allowedHostsFromEnv({}).names()).toEqual(['localhost', '127.0.0.1', '[::1]']);
    const hosts = allowedHostsFromEnv({ HOST: '192.168.1.20', ALLOWED_HOSTS: 'a.example, .lan' });
    for (const host of ['192.168.1.20:5004', 'a.example', 'pc.lan:80', 'localhost:1']) {
      expect(hosts.allows(host), host).toBe(true);
    }
    expect(hosts.allows('b.example')).toBe(false);
  });

  it("adds this computer's network names and addresses when HOST is every interface", () => {
    const hosts = allowedHostsFromEnv({ HOST: '0.0.0.0' });
    for (const name of networkHostNames()) expect(hosts.allows(name), name).toBe(true);
  });

  it('refuses a page, a socket.io handshake and an upgrade sent to a foreign Host with 421, even with a matching Origin', async () => {
    const demo = await start();
    const headers = rebound(demo.url, 'evil.example');
    const page = await rawRequest(demo.url, { headers });
    expect(page.status).toBe(421);
    expect(page.body).toContain('"evil.example:');
    expect(page.body).toContain('localhost, 127.0.0.1, [::1]');
    expect(page.body).toContain('ALLOWED_HOSTS=evil.example');
    const polling = await rawRequest(demo.url, {
      path: '/socket.io/?EIO=4&transport=polling',
      headers,
    });
    expect(polling.status).toBe(421);
    const upgrade = await rawRequest(demo.url, {
      path: '/socket.io/?EIO=4&transport=websocket',
      headers,
      upgrade: true,
    });
    expect(upgrade.status).toBe(421);
    expect(upgrade.body).toContain('evil.example');
  });

  it('serves the same requests sent to localhost, and a name added while it runs', async () => {
    const demo = await start();
    expect((await rawRequest(demo.url, { headers: rebound(demo.url, 'localhost') })).status).toBe(
      200,
    );
    const upgrade = await rawRequest(demo.url, {
      path: '/socket.io/?EIO=4&transport=websocket',
      headers: rebound(demo.url, 'localhost'),
      upgrade: true,
    });
    expect(upgrade.status).toBe(101);
    const classroom = rebound(demo.url, '192.168.1.20');
    expect((await rawRequest(demo.url, { headers: classroom })).status).toBe(421);
    demo.allowedHosts.add('192.168.1.20');
    expect((await rawRequest(demo.url, { headers: classroom })).status).toBe(200);
    const socket = await connect(demo.url);
    expect(await socket.emitWithAck('hello')).toBe('hi');
  });

  it('answers to the names in ALLOWED_HOSTS', async () => {
    const demo = await start({ ALLOWED_HOSTS: 'chat.example' });
    expect(
      (await rawRequest(demo.url, { headers: rebound(demo.url, 'chat.example') })).status,
    ).toBe(200);
  });

  it('still refuses a page of another origin sent to an allowed Host, with 403', async () => {
    const demo = await start();
    const { port } = new URL(demo.url);
    const foreign = await rawRequest(demo.url, {
      path: '/socket.io/?EIO=4&transport=polling',
      headers: { host: `127.0.0.1:${port}`, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('evil.example');
  });
});
