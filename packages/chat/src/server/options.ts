import type { ServerOptions } from 'socket.io';
import {
  limits,
  type RoomName,
  readableIssues,
  roomNameSchema,
  type UserId,
} from '../protocol/index.ts';
import type { ChatCluster } from './cluster.ts';
import type { HostAllowlist } from './origin.ts';
import type { ChatStores } from './stores/memory-stores.ts';
import type { ChatHandshake, MaybePromise } from './types.ts';

/**
 * Who a connecting client is, as an `authenticate` hook decides.
 *
 * @example
 * const identity: ChatIdentity = { userId: account.id, nickname: account.name };
 */
export interface ChatIdentity {
  /** Overrides the nickname the client asked for (it is still checked and must be free). */
  nickname?: string;
  /** Makes the client this user, e.g. the id of your own account system. */
  userId?: UserId;
}

/**
 * Decides whether a client may connect, and may say who it is. Throwing (or
 * rejecting) refuses the connection: a thrown `ChatError` keeps its code,
 * anything else becomes `unauthorized`. Returning nothing accepts the client
 * with the nickname it asked for.
 *
 * @example
 * const authenticate: AuthenticateHook = async (handshake) => {
 *   const account = await accounts.byCookie(handshake.headers.cookie);
 *   if (!account) throw new ChatError('unauthorized', 'Sign in first.');
 *   return { userId: account.id, nickname: account.displayName };
 * };
 */
// biome-ignore lint/suspicious/noConfusingVoidType: void lets `async () => {}` accept a client
export type AuthenticateHook = (handshake: ChatHandshake) => MaybePromise<ChatIdentity | void>;

/**
 * A message about to be sent, as a `beforeMessage` hook sees it.
 *
 * @example
 * const beforeMessage = (draft: MessageDraft) => ({ text: `${draft.user.nickname}: ${draft.text}` });
 */
export interface MessageDraft {
  /** The room it is being sent to (the sender is a member). */
  room: RoomName;
  /** Already validated and trimmed. */
  text: string;
  /** Who is sending it. */
  user: {
    /** The sender's user id. */
    userId: UserId;
    /** The sender's nickname. */
    nickname: string;
  };
}

/**
 * Moderates a message before anybody sees it: return `{ text }` to send it
 * (possibly rewritten) or `{ reject: reason }` to refuse it with a `rejected`
 * error; the reason is shown to the sender only.
 *
 * @example
 * const beforeMessage: BeforeMessageHook = ({ text }) =>
 *   /spam/i.test(text) ? { reject: 'No spam, please.' } : { text: text.replaceAll('darn', 'd**n') };
 */
export type BeforeMessageHook = (draft: MessageDraft) => MaybePromise<
  | {
      /** The text to send, the draft's or a rewritten one; it must still pass `textSchema`, or the sender gets `internal` and the logger hears why. */
      text: string;
    }
  | {
      /** Why the message is refused, shown to the sender only. */
      reject: string;
    }
>;

/**
 * Hooks into what members do.
 *
 * @example
 * createChatServer(httpServer, { hooks: { beforeMessage: ({ text }) => ({ text: text.trim() }) } });
 */
export interface ChatHooks {
  /** Sees every message before anybody else does, and may rewrite or refuse it. Default none. */
  beforeMessage?: BeforeMessageHook;
}

/**
 * Limits that differ from the protocol's defaults (`limits` in `@funws/chat/protocol`).
 *
 * @example
 * createChatServer(httpServer, { limits: { historyPerRoom: 20, typingTimeoutMs: 3000 } });
 */
export interface ChatLimitsOptions {
  /** Messages kept per room and sent to joiners. Default `limits.historyPerRoom` (100). */
  historyPerRoom?: number;
  /** A typist is forgotten after this long without a new `typing:start`. Default 5000 ms. */
  typingTimeoutMs?: number;
  /** Per-socket token bucket. Default `limits.rateLimit` (burst 60, 30 per second). */
  rateLimit?: {
    /** Events a socket may send at once, from a full bucket. */
    burst: number;
    /** Events per second once the burst is spent. */
    perSecond: number;
  };
  /** Canvas segments kept per room. Default `limits.canvasSegmentsPerRoom` (5000). */
  canvasSegmentsPerRoom?: number;
  /** Polls kept per room. Default `limits.pollsPerRoom` (20). */
  pollsPerRoom?: number;
  /**
   * `room:counts` reaches each watching socket at most this often, however
   * many joins and leaves happen. Default `limits.roomCountsIntervalMs` (250 ms).
   */
  roomCountsIntervalMs?: number;
}

/**
 * Where the server reports its own failures (never a client's bad input).
 *
 * @example
 * createChatServer(httpServer, { logger: { error: (message, error) => pino.error({ error }, message) } });
 */
export interface ChatLogger {
  /**
   * Called with a sentence saying what failed and the error that was thrown.
   * Default: `console.error`.
   */
  error(message: string, error: unknown): void;
}

/**
 * Options of `createChatServer`. All optional.
 *
 * @example
 * createChatServer(httpServer, {
 *   rooms: ['general', 'random'],
 *   allowRoomCreation: true,
 *   limits: { historyPerRoom: 50 },
 * });
 */
export interface ChatServerOptions {
  /** The rooms that exist from the start. Default `['general']`. */
  rooms?: string[];
  /**
   * When true, joining a room that does not exist creates it (up to
   * `limits.rooms` rooms, then `room_limit`). A created room is removed, with
   * its history, polls and canvas, when its last member leaves; the `rooms`
   * above always stay. Default false: `unknown_room`.
   */
  allowRoomCreation?: boolean;
  /**
   * Browser origins allowed besides the server's own, e.g.
   * `['http://localhost:4321']`. Default none: same-origin only.
   * Only used when `createChatServer` creates the socket.io server.
   */
  allowedOrigins?: string[];
  /**
   * The host names this server answers to, on any port: a socket.io handshake
   * whose `Host` header names another is refused (403, with a sentence saying
   * why), which stops DNS rebinding. Default `defaultAllowedHosts`: localhost,
   * 127.0.0.1 and [::1]. Serving under a real name, or to a LAN, list it here,
   * or pass a `HostAllowlist` (from `createHostAllowlist`) to add names later.
   * Only used when `createChatServer` creates the socket.io server.
   */
  allowedHosts?: string[] | HostAllowlist;
  /**
   * socket.io options, applied last (they win over ours, `allowRequest` and
   * `cors` included). Only used when `createChatServer` creates the server.
   */
  serverOptions?: Partial<ServerOptions>;
  /** Decides who may connect and who they are. Default: anyone, by the nickname they ask for. */
  authenticate?: AuthenticateHook;
  /** Hooks into what members do (moderation). Default none. */
  hooks?: ChatHooks;
  /** Limits that differ from the protocol's `limits`. Default: those. */
  limits?: ChatLimitsOptions;
  /**
   * How long socket.io keeps a dropped connection's state (its rooms, the
   * packets it missed) so that the client comes back as if it never left.
   * Past it, or after a restart, the client reconnects afresh and catches up
   * from the history. Memory: socket.io keeps every packet the server sends
   * for this long (see the README), so a busy server wants it short. 0 turns
   * recovery off. Default 2 minutes. Only used when `createChatServer`
   * creates the socket.io server.
   */
  recoveryWindowMs?: number;
  /** State stores to use instead of the in-memory ones, one by one. */
  stores?: Partial<ChatStores>;
  /**
   * Makes this server one node of several that share their stores: set by
   * `redisCluster(…)` from `@funws/chat/redis`, with the stores and the
   * socket.io adapter it needs.
   */
  cluster?: ChatCluster;
  /** Where internal errors are reported. Default `console.warn`. */
  logger?: ChatLogger;
  /** The clock, in milliseconds; a test may pass its own. Default `Date.now`. */
  clock?: () => number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  rooms: RoomName[];
  allowRoomCreation: boolean;
  authenticate: AuthenticateHook | undefined;
  hooks: ChatHooks;
  limits: Required<ChatLimitsOptions>;
  recoveryWindowMs: number;
  cluster: ChatCluster | undefined;
  logger: ChatLogger;
  clock: () => number;
}

/** socket.io's own default, and ours: a dropped connection is recovered within 2 minutes. */
const defaultRecoveryWindowMs = 2 * 60_000;

const consoleLogger: ChatLogger = {
  error: (message, error) => console.warn(`[@funws/chat] ${message}`, error),
};

/** Fills in defaults and refuses options that cannot work, saying which and why. */
export function resolveOptions(options: ChatServerOptions): ResolvedOptions {
  const rooms = [...new Set(options.rooms ?? ['general'])];
  for (const room of rooms) checkRoomName(room);
  const resolvedLimits: Required<ChatLimitsOptions> = {
    historyPerRoom: options.limits?.historyPerRoom ?? limits.historyPerRoom,
    typingTimeoutMs: options.limits?.typingTimeoutMs ?? limits.typingTimeoutMs,
    rateLimit: options.limits?.rateLimit ?? { ...limits.rateLimit },
    canvasSegmentsPerRoom: options.limits?.canvasSegmentsPerRoom ?? limits.canvasSegmentsPerRoom,
    pollsPerRoom: options.limits?.pollsPerRoom ?? limits.pollsPerRoom,
    roomCountsIntervalMs: options.limits?.roomCountsIntervalMs ?? limits.roomCountsIntervalMs,
  };
  checkPositive('limits.historyPerRoom', resolvedLimits.historyPerRoom, true);
  checkPositive('limits.typingTimeoutMs', resolvedLimits.typingTimeoutMs, false);
  checkPositive('limits.rateLimit.burst', resolvedLimits.rateLimit.burst, false);
  checkPositive('limits.rateLimit.perSecond', resolvedLimits.rateLimit.perSecond, false);
  checkPositive('limits.canvasSegmentsPerRoom', resolvedLimits.canvasSegmentsPerRoom, true);
  checkPositive('limits.pollsPerRoom', resolvedLimits.pollsPerRoom, true);
  checkPositive('limits.roomCountsIntervalMs', resolvedLimits.roomCountsIntervalMs, false);
  const recoveryWindowMs = options.recoveryWindowMs ?? defaultRecoveryWindowMs;
  if (!(Number.isFinite(recoveryWindowMs) && recoveryWindowMs >= 0)) {
    throw new Error(
      `createChatServer: options.recoveryWindowMs is ${String(recoveryWindowMs)}; ` +
        'expected a number of milliseconds, 0 or more (0 turns recovery off).',
    );
  }
  return {
    rooms,
    allowRoomCreation: options.allowRoomCreation ?? false,
    authenticate: options.authenticate,
    hooks: options.hooks ?? {},
    limits: resolvedLimits,
    recoveryWindowMs,
    cluster: options.cluster,
    logger: options.logger ?? consoleLogger,
    clock: options.clock ?? Date.now,
  };
}

function checkRoomName(room: string): void {
  const parsed = roomNameSchema.safeParse(room, readableIssues);
  if (parsed.success && parsed.data === room) return;
  const expected =
    'lower-case letters, digits and dashes, starting with a letter or digit, 1–32 characters';
  const hint = parsed.success ? ` (did you mean '${parsed.data}'?)` : '';
  throw new Error(
    `createChatServer: the room name ${JSON.stringify(room)} in options.rooms is invalid; ` +
      `expected ${expected}${hint}.`,
  );
}

function checkPositive(name: string, value: number, integer: boolean): void {
  if (Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value))) return;
  throw new Error(
    `createChatServer: options.${name} is ${String(value)}; expected a positive ${integer ? 'integer' : 'number'}.`,
  );
}
