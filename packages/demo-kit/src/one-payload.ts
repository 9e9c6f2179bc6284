/** What socket.io passes to a socket middleware: `[eventName, ...args]`, the ack last. */
type Packet = [string, ...unknown[]];

/**
 * A socket.io per-socket middleware that gives every event handler the same
 * two arguments, `(payload, ack)`, whatever the client sent. socket.io hands a
 * handler the arguments in the order the client emitted them, so without it:
 *
 * - `socket.emit('clear_canvas', ack)` (an acknowledgement and no payload)
 *   arrives as `(ack)`: the handler takes the ack for the payload and never
 *   answers;
 * - `socket.emit('send_message', payload, 'extra', ack)` arrives as
 *   `(payload, 'extra', ack)`: the handler takes `'extra'` for the ack.
 *
 * With it, an ack sent alone moves to the second place, and an event with more
 * arguments than a payload and an ack is refused:
 * `{ ok: false, error: { code: 'invalid_payload', … } }` through its ack, if
 * the last argument is one. (A payload followed by something that is not a
 * function goes through: the handler's `reply` sees no function and answers
 * nobody, as it does for an event without an ack.)
 *
 * @example
 * io.on('connection', (socket) => {
 *   socket.use(onePayloadAndAck());
 *   socket.on('clear_canvas', (_payload: unknown, ack?: unknown) => { … });
 * });
 */
export function onePayloadAndAck(): (packet: Packet, next: (error?: Error) => void) => void {
  return (packet, next) => {
    const args = packet.length - 1;
    const last = packet.at(-1);
    const ack = args > 0 && typeof last === 'function' ? last : undefined;
    if (args > 2) {
      ack?.({
        ok: false,
        error: {
          code: 'invalid_payload',
          message: `'${String(packet[0]).slice(0, 40)}' takes one payload and, last, an acknowledgement; received ${args} arguments. Send one object.`,
        },
      });
      return;
    }
    // socket.io passes this same array on to the handler, so the change reaches it.
    if (ack && args === 1) packet.splice(1, 0, undefined);
    next();
  };
}
