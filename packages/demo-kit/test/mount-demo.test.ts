import { createServer } from 'node:http';
import { connect, disconnectAll, listen } from '@funws/testkit';
import express from 'express';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { type DemoOptions, mountDemo, sameOriginOnly } from '../src/index.ts';

function pingDemo(name: string) {
  return ({ basePath = '' }: DemoOptions) => {
    const app = express();
    app.get('/', (_request, response) => {
      response.send(`page of ${name}`);
    });
    const io = new Server({ path: `${basePath}/socket.io`, allowRequest: sameOriginOnly });
    io.on('connection', (socket) => {
      socket.on('whoami', (ack: (name: string) => void) => ack(name));
    });
    return { app, io };
  };
}

describe('mountDemo', () => {
  afterEach(() => disconnectAll());

  it('serves two demos under their prefixes on one port, each with its own socket.io', async () => {
    const host = express();
    const server = createServer(host);
    const demos = [
      mountDemo(host, server, '/demos/a', pingDemo('a')),
      mountDemo(host, server, '/demos/b', pingDemo('b')),
    ];
    const { url, close } = await listen(server);

    expect(await (await fetch(`${url}/demos/b/`)).text()).toBe('page of b');
    const redirect = await fetch(`${url}/demos/a`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/demos/a/');

    const a = await connect(url, { path: '/demos/a/socket.io' });
    const b = await connect(url, { path: '/demos/b/socket.io' });
    expect(await a.emitWithAck('whoami')).toBe('a');
    expect(await b.emitWithAck('whoami')).toBe('b');

    for (const demo of demos) demo.io?.close();
    await close();
  });

  it('refuses a socket.io handshake from another origin', async () => {
    const host = express();
    const server = createServer(host);
    const demo = mountDemo(host, server, '/demos/a', pingDemo('a'));
    const { url, close } = await listen(server);
    const foreign = connect(url, {
      path: '/demos/a/socket.io',
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
    });
    await expect(foreign).rejects.toThrow(/Could not connect/);
    const same = await connect(url, {
      path: '/demos/a/socket.io',
      transports: ['polling'],
      extraHeaders: { origin: url },
    });
    expect(same.connected).toBe(true);
    demo.io?.close();
    await close();
  });

  it('rejects a prefix that is not a plain path', () => {
    expect(() => mountDemo(express(), createServer(), 'demos/', pingDemo('x'))).toThrow(
      'A mount prefix looks like "/demos/04"; got "demos/".',
    );
  });
});
