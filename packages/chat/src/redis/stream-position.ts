import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { guard } from './run-script.ts';

// The streams adapter delivers an emit to this node's own sockets as soon as
// Redis has it, and another node's emits when this node's reader gets to
// them in the stream. So two emits about one poll, from two nodes, can reach
// this node's sockets in the wrong order: ours (later) at once, theirs
// (earlier) after. Before an emit that must keep its order (see
// order-lock.ts), a node waits until its reader has delivered everything
// already in the stream.

type AdapterFactory = NonNullable<ServerOptions['adapter']>;
type RawMessageHandler = (rawMessage: unknown, offset: string) => void;

/** Where this node's reader is in the stream, and a way to wait for it to reach the end. */
export interface StreamPosition {
  /** The adapter factory to give socket.io: the streams adapter, watched. */
  adapter: AdapterFactory;
  /** Resolves once every entry in the stream now has been delivered here (at most `maxWaitMs`). */
  caughtUp(): Promise<void>;
}

/** Watches the adapters `factory` makes; `stream` is their stream's key. */
export function watchStreamPosition(
  factory: AdapterFactory,
  client: Redis,
  stream: string,
  maxWaitMs = 1000,
): StreamPosition {
  let delivered = '0-0';
  // socket.io calls the factory with `new`: a plain function (not an arrow) that returns the adapter.
  const adapter = function watchedAdapter(nsp: unknown) {
    const made = (factory as unknown as (nsp: unknown) => { onRawMessage: RawMessageHandler })(nsp);
    const onRawMessage = made.onRawMessage.bind(made);
    made.onRawMessage = (rawMessage, offset) => {
      onRawMessage(rawMessage, offset);
      if (isAfter(offset, delivered)) delivered = offset;
    };
    return made;
  } as unknown as AdapterFactory;
  return {
    adapter,
    async caughtUp() {
      const [last] = await guard(client, () => client.xrevrange(stream, '+', '-', 'COUNT', 1));
      const end = last?.[0];
      if (end === undefined) return;
      const deadline = Date.now() + maxWaitMs;
      while (isAfter(end, delivered) && Date.now() < deadline) await sleep(2);
    },
  };
}

/** True when stream entry id `a` (`<ms>-<seq>`) comes after `b`. */
function isAfter(a: string, b: string): boolean {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs > bMs || (aMs === bMs && aSeq > bSeq);
}
