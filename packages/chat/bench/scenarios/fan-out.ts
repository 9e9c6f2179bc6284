import { performance } from 'node:perf_hooks';
import { type BenchClient, connectClients, disconnectAll, joinAll } from '../clients.ts';
import type { ServerHandle } from '../server-handle.ts';

export interface FanOutResult {
  clients: number;
  senders: number;
  messages: number;
  deliveries: number;
  seconds: number;
  deliveriesPerSecond: number;
}

/**
 * Fan-out: `clients` members of one room, `senders` of them sending
 * `messages` messages in all (pipelined, not one at a time), and the time
 * until every member has received every message.
 */
export async function fanOut(
  server: ServerHandle,
  { clients: count = 100, senders = 1, messages = 400 } = {},
): Promise<FanOutResult> {
  const clients = await connectClients(server.url, `fan-${senders}`, count);
  try {
    await joinAll(clients);
    await fanOutRound(clients, senders, Math.min(40, messages), 'warm-up');
    const started = performance.now();
    await fanOutRound(clients, senders, messages, 'measured');
    const seconds = (performance.now() - started) / 1000;
    const deliveries = messages * count;
    return {
      clients: count,
      senders,
      messages,
      deliveries,
      seconds,
      deliveriesPerSecond: deliveries / seconds,
    };
  } finally {
    await disconnectAll(clients);
    await server.drained();
  }
}

/** One round: every member hears every one of `messages` messages, sent by `senders` of them at once. */
export async function fanOutRound(
  clients: BenchClient[],
  senders: number,
  messages: number,
  label: string,
): Promise<void> {
  const prefix = `${label}-${Math.random().toString(36).slice(2)}-`;
  const everyoneHasAll = Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve) => {
          let heard = 0;
          const onMessage = (message: { text: string }) => {
            if (!message.text.startsWith(prefix)) return;
            heard += 1;
            if (heard === messages) {
              client.off('message:new', onMessage);
              resolve();
            }
          };
          client.on('message:new', onMessage);
        }),
    ),
  );
  const sent: Promise<unknown>[] = [];
  for (let n = 0; n < messages; n++) {
    const sender = clients[n % senders] as BenchClient;
    sent.push(
      sender
        .timeout(60_000)
        .emitWithAck('message:send', { room: 'general', text: `${prefix}${n}` })
        .then((result) => {
          if (!result.ok) throw new Error(`send failed: ${result.error.message}`);
        }),
    );
  }
  await Promise.all([...sent, everyoneHasAll]);
}
