import type fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { expect } from 'vitest';
import {
  type AckMode,
  argumentsOf,
  type Emission,
  hasAck,
  runsPerEvent,
  sampleEmissions,
  seed,
} from './malformed.ts';

/** One client→server event to fuzz, and which client sends it. */
export interface EventSpec {
  event: string;
  payloads: fc.Arbitrary<unknown>;
  /** `member`: a client that has joined; `stranger`: one that has not (for the join events). */
  from?: 'member' | 'stranger';
}

/** The clients of one server under test. */
export interface FuzzClients {
  member: Socket;
  stranger: Socket;
  /** Joined like the member, in the same room: it must receive nothing. */
  observer: Socket;
  /** An event and payload this server answers with an error and broadcasts nothing for. */
  probe: [string, unknown];
}

/** What one event's run counted. */
export interface EventCount {
  event: string;
  payloads: number;
  byMode: Record<AckMode, number>;
  /** Typed error acks received. */
  errorAcks: number;
}

const chunk = 50;

/**
 * Sends `runsPerEvent` malformed payloads of `spec.event` and checks, for each
 * one with an ack, that the answer is a typed error; then proves that the
 * observer received nothing: the sender's own round trip shows the server has
 * handled every payload, the observer's round trip shows that anything sent to
 * it before has arrived. A server that crashed or hung fails the round trips.
 */
export async function fuzzEvent(
  target: string,
  clients: FuzzClients,
  spec: EventSpec,
): Promise<EventCount> {
  const socket = spec.from === 'stranger' ? clients.stranger : clients.member;
  const received: string[] = [];
  const listen = (event: string) => received.push(event);
  clients.observer.onAny(listen);
  const byMode: Record<AckMode, number> = {
    ack: 0,
    'no ack': 0,
    'non-function ack': 0,
    'extra arguments and an ack': 0,
  };
  let errorAcks = 0;
  const emissions = sampleEmissions(spec.payloads);
  let closed = '';
  const onDisconnect = (reason: string) => {
    closed = reason;
  };
  socket.once('disconnect', onDisconnect);
  try {
    for (let start = 0; start < emissions.length; start += chunk) {
      await Promise.all(
        emissions.slice(start, start + chunk).map(async (emission, offset) => {
          byMode[emission.mode] += 1;
          const args = argumentsOf(emission);
          if (!hasAck(emission)) {
            socket.emit(spec.event, ...args);
            return;
          }
          const answer: unknown = await socket.timeout(20_000).emitWithAck(spec.event, ...args);
          expect(answer, describe(target, spec.event, start + offset, emission)).toMatchObject({
            ok: false,
            error: { code: expect.any(String), message: expect.any(String) },
          });
          errorAcks += 1;
        }),
      ).catch((error: unknown) => {
        if (!closed) throw error;
        throw new Error(
          `${target}: the server closed the connection (${closed}) during ${spec.event} payloads #${start}–${start + chunk - 1} (FUZZ_SEED=${seed}).`,
        );
      });
    }
    // The sender's round trip: socket.io hands one socket's packets over in order,
    // so the probe's answer comes after every payload above was handled.
    const [probeEvent, probePayload] = clients.probe;
    const last: unknown = await socket.timeout(20_000).emitWithAck(probeEvent, probePayload);
    expect(last, `${target}: the server still answers after ${spec.event}`).toMatchObject({
      ok: false,
    });
    // The observer's round trip: whatever was sent to it before its answer has arrived.
    await clients.observer.timeout(20_000).emitWithAck(probeEvent, probePayload);
    expect(received, `${target}: an observer received events during ${spec.event}`).toEqual([]);
  } finally {
    clients.observer.offAny(listen);
    socket.off('disconnect', onDisconnect);
  }
  return { event: spec.event, payloads: emissions.length, byMode, errorAcks };
}

function describe(target: string, event: string, index: number, emission: Emission): string {
  const shown = JSON.stringify(argumentsOf(emission), (_key, value: unknown) =>
    typeof value === 'string' && value.length > 80
      ? `${value.slice(0, 80)}… (${value.length})`
      : value,
  );
  return `${target} ${event} #${index} (${emission.mode}, FUZZ_SEED=${seed}): ${shown?.slice(0, 300)}`;
}

/** Prints the counts of a target's run, and checks each event got its share. */
export function report(target: string, counts: EventCount[]): void {
  const lines = counts.map(
    (count) =>
      `  ${count.event.padEnd(16)} ${String(count.payloads).padStart(5)} payloads ` +
      `(${Object.entries(count.byMode)
        .map(([mode, n]) => `${mode}: ${n}`)
        .join(', ')}; typed error acks: ${count.errorAcks})`,
  );
  const total = counts.reduce((sum, count) => sum + count.payloads, 0);
  console.log(
    `[security] ${target}: ${total} malformed payloads over ${counts.length} events (FUZZ_SEED=${seed})\n${lines.join('\n')}`,
  );
  for (const count of counts) expect(count.payloads).toBeGreaterThanOrEqual(runsPerEvent);
}
