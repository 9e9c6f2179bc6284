import { describe, expect, it } from 'vitest';
import {
  acceptFor,
  isValidKey,
  randomKey,
  rfcExampleAccept,
  rfcExampleKey,
} from '../src/lib/handshake.ts';

describe('the opening handshake', () => {
  it("computes RFC 6455's example Sec-WebSocket-Accept", async () => {
    expect(rfcExampleKey).toBe('dGhlIHNhbXBsZSBub25jZQ==');
    expect(await acceptFor(rfcExampleKey)).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect(rfcExampleAccept).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('ignores spaces around the key, as servers trim header values', async () => {
    expect(await acceptFor(`  ${rfcExampleKey} `)).toBe(rfcExampleAccept);
  });

  it('generates valid random keys of 16 bytes', () => {
    const key = randomKey();
    expect(isValidKey(key)).toBe(true);
    expect(Buffer.from(key, 'base64')).toHaveLength(16);
    expect(randomKey()).not.toBe(key);
  });

  it('tells a browser-like key from anything else', () => {
    expect(isValidKey(rfcExampleKey)).toBe(true);
    expect(isValidKey('hello')).toBe(false);
  });
});
