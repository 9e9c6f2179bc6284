import { describe, expect, it } from 'vitest';
import { buildClientTextFrame, hex, unmask } from '../src/lib/frame.ts';

const hexOf = (bytes: ArrayLike<number>) => Array.from(bytes, hex).join(' ');

describe('buildClientTextFrame', () => {
  it("builds RFC 6455's masked 'Hello' example byte for byte", () => {
    // RFC 6455, section 5.7: a single-frame masked text message containing "Hello".
    const frame = buildClientTextFrame('Hello', [0x37, 0xfa, 0x21, 0x3d]);
    expect(hexOf(frame.bytes)).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    expect(frame.fields.map((field) => field.kind)).toEqual([
      'header',
      'length',
      'mask-key',
      'payload',
    ]);
  });

  it('uses the 16-bit length form from 126 bytes', () => {
    const frame = buildClientTextFrame('x'.repeat(200), [0, 0, 0, 0]);
    expect(hexOf(frame.bytes.slice(0, 4))).toBe('81 fe 00 c8');
    expect(frame.fields[2]?.kind).toBe('extended-length');
    expect(frame.bytes.length).toBe(2 + 2 + 4 + 200);
  });

  it('uses the 64-bit length form beyond 65 535 bytes', () => {
    const frame = buildClientTextFrame('y'.repeat(70_000), [1, 2, 3, 4]);
    expect(hexOf(frame.bytes.slice(0, 10))).toBe('81 ff 00 00 00 00 00 01 11 70');
    expect(frame.bytes.length).toBe(2 + 8 + 4 + 70_000);
  });

  it('counts UTF-8 bytes, not characters, and unmasks back to the text', () => {
    const key = [9, 8, 7, 6];
    const frame = buildClientTextFrame('héllo 👋', key);
    expect(frame.payload.length).toBe(11);
    const payload = frame.fields.find((field) => field.kind === 'payload')!;
    expect(new TextDecoder().decode(unmask(payload.bytes, key))).toBe('héllo 👋');
  });

  it('refuses a masking key that is not 4 bytes', () => {
    expect(() => buildClientTextFrame('x', [1, 2, 3])).toThrow(/4 bytes/);
  });
});
