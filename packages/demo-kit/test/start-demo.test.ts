import { createServer } from 'node:http';
import { listen } from '@funws/testkit';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { explainListenError, parsePort, startDemo } from '../src/index.ts';

const helloDemo = () => {
  const app = express();
  app.get('/', (_request, response) => {
    response.send('hello');
  });
  return { app };
};

describe('startDemo', () => {
  it('serves the demo on 127.0.0.1 and the port from PORT', async () => {
    const demo = await startDemo({
      title: 'Hello',
      port: 1,
      create: helloDemo,
      env: { PORT: '0' },
    });
    const address = demo.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('hello');
    await demo.close();
  });

  it('names the taken port and how to pick another', async () => {
    const blocker = await listen(createServer());
    const starting = startDemo({
      title: 'Demo 4',
      port: blocker.port,
      create: helloDemo,
      env: { HOST: '127.0.0.1' },
      exitOnFailure: false,
    });
    await expect(starting).rejects.toThrow(
      new RegExp(
        `port ${blocker.port} is already in use[\\s\\S]*PORT=${blocker.port + 100} npm start`,
      ),
    );
    await blocker.close();
  });

  it('names the variable and command to use when told them', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    const explained = explainListenError(taken, '127.0.0.1', 8765, 'The raw echo', {
      variable: 'WS_PORT',
      command: 'npm run demo sidebar',
      nextPort: 8766,
    });
    expect(explained.message).toContain('port 8765 is already in use on 127.0.0.1');
    expect(explained.message).toContain('WS_PORT=8766 npm run demo sidebar');
  });

  it('refuses a PORT that is not a port number, saying what it got', () => {
    expect(() => parsePort('abc', 5004)).toThrow(
      'PORT must be a whole number from 0 to 65535, but it is "abc".',
    );
    expect(parsePort(undefined, 5004)).toBe(5004);
  });
});
