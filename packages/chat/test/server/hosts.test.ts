import { rawRequest } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostAllowlist, defaultAllowedHosts } from '../../src/server/index.ts';
import { cleanUp, connectUser, startChat } from './helpers.ts';

afterEach(cleanUp);

const handshake = '/socket.io/?EIO=4&transport=polling';

/** What a page on a rebound name sends: a forged Host, and an Origin that matches it. */
function rebound(url: string, name: string): Record<string, string> {
  const { port } = new URL(url);
  return { host: `${name}:${port}`, origin: `http://${name}:${port}` };
}

describe('allowed hosts', () => {
  it('refuses a DNS-rebinding handshake: a foreign Host with a matching Origin, by polling and by upgrade', async () => {
    const { url } = await startChat();
    const headers = rebound(url, 'evil.example');
    const polling = await rawRequest(url, { path: handshake, headers });
    expect(polling.status).toBe(403);
    expect(polling.body).toContain('evil.example');
    expect(polling.body).toContain('localhost, 127.0.0.1, [::1]');
    const upgrade = await rawRequest(url, {
      path: '/socket.io/?EIO=4&transport=websocket',
      headers,
      upgrade: true,
    });
    // socket.io refuses every upgrade it does not allow with 400, whatever the reason.
    expect(upgrade.status).toBe(400);
    expect(upgrade.body).toContain('evil.example');
  });

  it('answers to the loopback names on any port by default', async () => {
    const { url } = await startChat();
    expect(defaultAllowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    for (const name of ['localhost', '127.0.0.1', 'LOCALHOST']) {
      const answer = await rawRequest(url, { path: handshake, headers: rebound(url, name) });
      expect(answer.status, name).toBe(200);
    }
  });

  it('answers to the names listed in allowedHosts, and to names added to an allowlist later', async () => {
    const listed = await startChat({ allowedHosts: [...defaultAllowedHosts, 'chat.example'] });
    const ok = await rawRequest(listed.url, {
      path: handshake,
      headers: rebound(listed.url, 'chat.example'),
    });
    expect(ok.status).toBe(200);

    const hosts = createHostAllowlist();
    const growing = await startChat({ allowedHosts: hosts });
    const headers = rebound(growing.url, '192.168.1.20');
    expect((await rawRequest(growing.url, { path: handshake, headers })).status).toBe(403);
    hosts.add('192.168.1.20');
    expect((await rawRequest(growing.url, { path: handshake, headers })).status).toBe(200);
    // A Node client (no Origin) by an allowed name connects as usual.
    expect((await connectUser(growing.url, 'ada')).session.nickname).toBe('ada');
  });
});
