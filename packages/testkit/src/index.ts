/**
 * Helpers for tests that use real sockets on loopback: start an app on port 0,
 * connect real socket.io clients, wait for events with readable failures, and
 * prove that an event does not arrive (with a round trip, not a fixed wait).
 *
 * @module
 */
export { connect, connectAndReceive, connectMany, disconnectAll } from './sockets/connect.ts';
export type { ServerSockets } from './sockets/disconnect.ts';
export { disconnectAndWait } from './sockets/disconnect.ts';
export type { WaitOptions } from './sockets/events.ts';
export { DEFAULT_EVENT_TIMEOUT_MS, expectNoEvent, nextEvent } from './sockets/events.ts';
export type { Listening } from './sockets/listen.ts';
export { listen } from './sockets/listen.ts';
export type { RawRequestOptions, RawResponse } from './sockets/raw-request.ts';
export { rawRequest } from './sockets/raw-request.ts';
export { roundTrip } from './sockets/round-trip.ts';
export type { AppLike, RunningApp } from './sockets/start-app.ts';
export { startApp } from './sockets/start-app.ts';
