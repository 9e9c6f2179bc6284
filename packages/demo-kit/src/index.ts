/**
 * What every demo shares, so each demo's own code can stay about its lesson:
 * TypeScript served to the browser without a build step, start-up on the
 * demo's port with clear errors, mounting under a path prefix, and the
 * same-origin, Host and header defaults that keep a demo safe on a laptop.
 *
 * The rules that must be the same everywhere (the origin and Host check, the
 * token bucket, what makes a nickname or a text acceptable) are the library's,
 * `@funws/chat`; demo-kit passes them on, so a demo imports only demo-kit and
 * still shows every `emit` and `on` of plain socket.io.
 *
 * @module
 */

export {
  nicknameKey,
  nicknameProblem,
  normalizeNickname,
  textProblem,
} from '@funws/chat/protocol';
export type { HostAllowlist } from '@funws/chat/server';
export { allowedHostsFromEnv, networkHostNames, refuseUnknownHosts } from './allowed-hosts.ts';
export { browserCode } from './browser-code.ts';
export type { CreateDemo, DemoApp, DemoOptions } from './demo-app.ts';
export { type GuardedReply, guardServer, type ServerGuard } from './guard-server.ts';
export { mountDemo } from './mount-demo.ts';
export { onePayloadAndAck } from './one-payload.ts';
export type { RateLimitOptions } from './rate-limit.ts';
export { limitRate } from './rate-limit.ts';
export { isSameOrigin, sameOriginOnly } from './same-origin.ts';
export type { SecurityHeaderOptions } from './security-headers.ts';
export { securityHeaders } from './security-headers.ts';
export type { ListenAdvice, RunningDemo, StartDemoOptions } from './start-demo.ts';
export { explainListenError, parsePort, startDemo } from './start-demo.ts';
