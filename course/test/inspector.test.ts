import { describe, expect, it } from 'vitest';
import {
  describePacket,
  inspectorIdOf,
  maxDataLength,
  paneOf,
  redactSecrets,
} from '../server/inspector.ts';

const meta = { dir: 'in' as const, sid: 'abcdefghijkl', transport: 'websocket', t: 1 };

describe('the inspector', () => {
  it('decodes a Socket.IO event inside an Engine.IO message', () => {
    const entry = describePacket(
      { type: 'message', data: '2["send_message",{"text":"hi"}]' },
      meta,
    );
    expect(entry).toMatchObject({
      eio: 'message',
      sio: 'EVENT',
      event: 'send_message',
      sid: 'abcdef',
    });
    expect(entry.bytes).toBe(31);
  });

  it('decodes an event with an acknowledgement id', () => {
    const entry = describePacket(
      { type: 'message', data: '212["join_chat",{"nickname":"ada"}]' },
      meta,
    );
    expect(entry.event).toBe('join_chat');
  });

  it('keeps heartbeats and shortens long packets', () => {
    expect(describePacket({ type: 'ping' }, meta)).toMatchObject({ eio: 'ping', data: '' });
    const long = describePacket({ type: 'message', data: `2["x","${'a'.repeat(1000)}"]` }, meta);
    expect(long.data.length).toBe(maxDataLength + 1);
  });

  it("labels a pane from the page's ?pane= in the Referer", () => {
    const request = { headers: { referer: 'http://127.0.0.1:4321/demos/04/?pane=alice' } };
    expect(paneOf(request as never)).toBe('alice');
    expect(paneOf({ headers: { referer: 'http://x/?pane=<script>' } } as never)).toBeUndefined();
    expect(paneOf({ headers: {} } as never)).toBeUndefined();
  });

  it('redacts session tokens and socket.io private ids, before shortening', () => {
    expect(redactSecrets('42["session",{"userId":"u1","nickname":"ada","token":"s3cr3t"}]')).toBe(
      '42["session",{"userId":"u1","nickname":"ada","token":"[redacted]"}]',
    );
    expect(redactSecrets('40{"sid":"abc","pid":"private"}')).toBe(
      '40{"sid":"abc","pid":"[redacted]"}',
    );
    const long = describePacket(
      { type: 'message', data: `40{"nickname":"${'n'.repeat(395)}","token":"s3cr3t-token"}` },
      meta,
    );
    expect(long.data).not.toContain('s3cr3t');
    // Text a user typed that only mentions a token stays as it was.
    const typed = '42["send_message",{"text":"my \\"token\\": \\"x\\""}]';
    expect(redactSecrets(typed)).toBe(typed);
  });

  it("reads the inspector id from the connection's own URL or from its page's address", () => {
    const id = 'AbCdEfGhIjKlMnOpQrSt-_';
    expect(inspectorIdOf({ url: `/x/?inspect=${id}&EIO=4`, headers: {} } as never)).toBe(id);
    expect(
      inspectorIdOf({
        url: '/socket.io/?EIO=4',
        headers: { referer: `http://127.0.0.1:4321/demos/04/?pane=bob&inspect=${id}` },
      } as never),
    ).toBe(id);
    expect(inspectorIdOf({ url: '/?inspect=short', headers: {} } as never)).toBeUndefined();
    expect(inspectorIdOf({ url: '/', headers: {} } as never)).toBeUndefined();
  });
});
