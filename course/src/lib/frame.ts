/**
 * The bytes of a WebSocket frame as a browser sends it (RFC 6455, section 5.2):
 * a client's frames are always masked. Pure functions, so the FrameAnatomy
 * cell and its tests share them.
 */

/** The parts of a frame, in wire order, each with its bytes. */
export type FrameFieldKind = 'header' | 'length' | 'extended-length' | 'mask-key' | 'payload';

export interface FrameField {
  kind: FrameFieldKind;
  /** A short name shown above the bytes. */
  label: string;
  /** What the bytes mean, in a sentence. */
  detail: string;
  bytes: number[];
}

export interface ClientFrame {
  /** Every byte of the frame. */
  bytes: Uint8Array;
  fields: FrameField[];
  /** The payload before masking (UTF-8). */
  payload: Uint8Array;
}

/** The text opcode; a frame of `opcode = 0x1` carries UTF-8 text. */
export const textOpcode = 0x1;

/**
 * Builds a masked, final, text frame for `text` with the 4-byte `maskKey`.
 * Payload length uses the 7-bit form up to 125 bytes, the 16-bit form (126)
 * up to 65 535, and the 64-bit form (127) beyond.
 *
 * @example
 * buildClientTextFrame('Hi', [1, 2, 3, 4]).bytes; // 81 82 01 02 03 04 49 6b
 */
export function buildClientTextFrame(text: string, maskKey: ArrayLike<number>): ClientFrame {
  if (maskKey.length !== 4) throw new Error(`A masking key is 4 bytes; got ${maskKey.length}.`);
  const key = Array.from(maskKey, (byte) => byte & 0xff);
  const payload = new TextEncoder().encode(text);
  const length = payload.length;
  const fields: FrameField[] = [
    {
      kind: 'header',
      label: 'FIN · RSV1-3 · opcode',
      detail: `FIN=1 (last fragment), RSV=000 (no extension), opcode=0x${textOpcode.toString(16)} (text): 0x81`,
      bytes: [0x80 | textOpcode],
    },
  ];
  let lengthCode: number;
  let extended: number[] = [];
  if (length <= 125) {
    lengthCode = length;
  } else if (length <= 0xffff) {
    lengthCode = 126;
    extended = [(length >> 8) & 0xff, length & 0xff];
  } else {
    lengthCode = 127;
    extended = bigEndian64(length);
  }
  fields.push({
    kind: 'length',
    label: 'MASK · payload length',
    detail:
      lengthCode < 126
        ? `MASK=1 (a client always masks), length=${length} in 7 bits`
        : `MASK=1, length code ${lengthCode}: the real length follows in ${lengthCode === 126 ? 16 : 64} bits`,
    bytes: [0x80 | lengthCode],
  });
  if (extended.length > 0) {
    fields.push({
      kind: 'extended-length',
      label: `extended length (${extended.length * 8}-bit)`,
      detail: `${length} bytes, big-endian`,
      bytes: extended,
    });
  }
  fields.push({
    kind: 'mask-key',
    label: 'masking key',
    detail: 'four random bytes, new for every frame',
    bytes: key,
  });
  const masked = Array.from(payload, (byte, index) => byte ^ key[index % 4]!);
  fields.push({
    kind: 'payload',
    label: 'masked payload',
    detail: `${length} byte${length === 1 ? '' : 's'} of UTF-8, each XOR-ed with key[i mod 4]`,
    bytes: masked,
  });
  return { bytes: Uint8Array.from(fields.flatMap((field) => field.bytes)), fields, payload };
}

/** Undoes the masking: the same XOR again. */
export function unmask(masked: ArrayLike<number>, maskKey: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(masked, (byte, index) => byte ^ (maskKey[index % 4]! & 0xff));
}

/** A byte as two hex digits. */
export function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function bigEndian64(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < 8; i++) {
    bytes.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return bytes;
}
