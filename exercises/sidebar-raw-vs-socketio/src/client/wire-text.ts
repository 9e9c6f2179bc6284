/**
 * Socket.IO packets as the text that goes over the wire.
 *
 * Socket.IO sits on top of Engine.IO, and each adds one digit in front:
 *
 * - **Engine.IO** (the connection): `0` open (the handshake), `1` close,
 *   `2` ping, `3` pong, `4` message (carries a Socket.IO packet), `5` upgrade
 *   (switch from HTTP long-polling to WebSocket), `6` noop.
 * - **Socket.IO** (inside an Engine.IO message): `0` CONNECT, `1` DISCONNECT,
 *   `2` EVENT, `3` ACK, `4` CONNECT_ERROR, `5` BINARY_EVENT, `6` BINARY_ACK.
 *
 * So `42["echo_message",{…}]` is Engine.IO MESSAGE (4) + Socket.IO EVENT (2),
 * and `420[…]` is the same with acknowledgement id 0; the server's `430[…]` is
 * the ACK answering id 0. The browser's socket.io client tells us each
 * Engine.IO packet as an object (`{ type: 'message', data: '2["echo_message",…]' }`);
 * we put the digit back in front to show the real wire text.
 */

/** An Engine.IO packet as the socket.io client's engine reports it. */
export interface EnginePacket {
  type: string;
  data?: unknown;
}

/** Engine.IO packet type names and their digit on the wire. */
export const ENGINE_DIGITS: Readonly<Record<string, string>> = {
  open: '0',
  close: '1',
  ping: '2',
  pong: '3',
  message: '4',
  upgrade: '5',
  noop: '6',
};

const engineNames = ['OPEN', 'CLOSE', 'PING', 'PONG', 'MESSAGE', 'UPGRADE', 'NOOP'];
const socketNames = [
  'CONNECT',
  'DISCONNECT',
  'EVENT',
  'ACK',
  'CONNECT_ERROR',
  'BINARY_EVENT',
  'BINARY_ACK',
];

/** The wire text of one Engine.IO packet, e.g. `2` for a ping or `42["echo_message",…]`. */
export function wireText(packet: EnginePacket): string {
  const digit = ENGINE_DIGITS[packet.type] ?? '?';
  if (packet.data === undefined) return digit;
  if (typeof packet.data === 'string') return `${digit}${packet.data}`;
  // Binary attachments travel as separate binary frames; show their size only.
  const size = packet.data instanceof ArrayBuffer ? packet.data.byteLength : undefined;
  return `${digit}<binary${size === undefined ? '' : `, ${size} bytes`}>`;
}

/**
 * A short explanation of a wire text, e.g. `42[…]` →
 * "Engine.IO MESSAGE + Socket.IO EVENT".
 */
export function explainWire(text: string): string {
  const engine = engineNames[Number(text[0])];
  if (engine === undefined) return 'unknown packet';
  switch (engine) {
    case 'OPEN':
      return 'Engine.IO OPEN: the handshake (session id, ping interval)';
    case 'PING':
      return text === '2probe'
        ? 'Engine.IO PING probe (testing a WebSocket)'
        : 'Engine.IO PING: are you there?';
    case 'PONG':
      return text === '3probe' ? 'Engine.IO PONG probe' : 'Engine.IO PONG: yes, still here';
    case 'MESSAGE':
      break;
    default:
      return `Engine.IO ${engine}`;
  }
  const socket = socketNames[Number(text[1])];
  if (socket === undefined) return 'Engine.IO MESSAGE';
  const ackId = /^4[2356](\d+)/.exec(text)?.[1];
  const ack =
    ackId === undefined
      ? ''
      : socket === 'ACK' || socket === 'BINARY_ACK'
        ? `, answering ack id ${ackId}`
        : `, ack id ${ackId}`;
  return `Engine.IO MESSAGE + Socket.IO ${socket}${ack}`;
}
