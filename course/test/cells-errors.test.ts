import { describe, expect, it } from 'vitest';
import { errorOf } from '../src/components/cells/page-token.ts';

// What a cell shows when the course server says no: its typed error, the
// classroom gate's sentence, or a sentence about the status, never a bare code.

describe('errorOf', () => {
  it("reads the server's typed error", async () => {
    const body = JSON.stringify({
      ok: false,
      error: { code: 'busy', message: 'A check is running.' },
    });
    const error = await errorOf(new Response(body, { status: 409 }));
    expect([error.code, error.message]).toEqual(['busy', 'A check is running.']);
  });

  it('shows the sentence a plain-text refusal carries, as the classroom gate sends to students', async () => {
    const sentence =
      'This part of the course is for the instructor only (it runs on their computer). Ask them if you need it.';
    const error = await errorOf(
      new Response(`${sentence}\n`, { status: 403, headers: { 'content-type': 'text/plain' } }),
    );
    expect([error.code, error.message]).toEqual(['http_403', sentence]);
  });

  it('says the course server is needed on a 404, and names the status of an HTML error page', async () => {
    expect((await errorOf(new Response('Not found', { status: 404 }))).code).toBe('no_server');
    const page = await errorOf(new Response('<!doctype html><h1>Oops</h1>', { status: 502 }));
    expect(page.message).toBe('The course server answered 502.');
  });
});
