import { createServer } from 'node:http';
import { listen } from '@funws/testkit';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/index.ts';

describe('securityHeaders', () => {
  it('sends a CSP that runs only scripts of this server, and leaves out HSTS on plain HTTP', async () => {
    const app = express();
    app.use(securityHeaders({ connectSources: () => ['ws://127.0.0.1:8765'] }));
    app.get('/', (_request, response) => {
      response.send('ok');
    });
    const listening = await listen(createServer(app));
    const response = await fetch(listening.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:8765");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    await listening.close();
  });
});
