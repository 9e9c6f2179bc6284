// The packet-to-wire-text formatter of the Socket.IO panel.
import { describe, expect, it } from 'vitest';
import { explainWire, wireText } from '../src/client/wire-text.ts';

describe('wireText', () => {
  it.each([
    [
      { type: 'open', data: '{"sid":"abc","pingInterval":25000}' },
      '0{"sid":"abc","pingInterval":25000}',
    ],
    [{ type: 'close' }, '1'],
    [{ type: 'ping' }, '2'],
    [{ type: 'pong' }, '3'],
    [{ type: 'ping', data: 'probe' }, '2probe'],
    [{ type: 'message', data: '0' }, '40'],
    [{ type: 'message', data: '0{"sid":"xyz"}' }, '40{"sid":"xyz"}'],
    [
      { type: 'message', data: '20["echo_message",{"message":"hi"}]' },
      '420["echo_message",{"message":"hi"}]',
    ],
    [{ type: 'upgrade' }, '5'],
    [{ type: 'noop' }, '6'],
  ])('turns %j into %s', (packet, expected) => {
    expect(wireText(packet)).toBe(expected);
  });

  it('shows binary data by its size', () => {
    expect(wireText({ type: 'message', data: new ArrayBuffer(3) })).toBe('4<binary, 3 bytes>');
  });

  it('marks an unknown packet type with ?', () => {
    expect(wireText({ type: 'mystery', data: 'x' })).toBe('?x');
  });
});

describe('explainWire', () => {
  it.each([
    ['0{"sid":"abc"}', 'Engine.IO OPEN: the handshake (session id, ping interval)'],
    ['2', 'Engine.IO PING: are you there?'],
    ['3', 'Engine.IO PONG: yes, still here'],
    ['1', 'Engine.IO CLOSE'],
    ['40{"sid":"x"}', 'Engine.IO MESSAGE + Socket.IO CONNECT'],
    ['42["status",{"msg":"hi"}]', 'Engine.IO MESSAGE + Socket.IO EVENT'],
    ['420["echo_message",{}]', 'Engine.IO MESSAGE + Socket.IO EVENT, ack id 0'],
    ['4312[{"ok":true}]', 'Engine.IO MESSAGE + Socket.IO ACK, answering ack id 12'],
    ['41', 'Engine.IO MESSAGE + Socket.IO DISCONNECT'],
    ['x', 'unknown packet'],
  ])('explains %s', (text, expected) => {
    expect(explainWire(text)).toBe(expected);
  });
});
