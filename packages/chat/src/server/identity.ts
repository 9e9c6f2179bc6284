import { createHash, randomBytes } from 'node:crypto';
import type { ExtendedError } from 'socket.io';
import * as z from 'zod/mini';
import {
  ChatError,
  handshakeAuthSchema,
  isChatError,
  nicknameSchema,
  parsePayload,
  readableIssues,
  type Session,
  type UserId,
} from '../protocol/index.ts';
import type { ChatContext } from './context.ts';
import { newId } from './new-id.ts';
import type { ChatIdentity } from './options.ts';
import type { ChatSocket } from './types.ts';

// Identity is the server's: it assigns user ids, issues session tokens, and
// keeps nicknames unique among connected users. A token (256 random bits) is
// the only way to be the same user again; the stores keep its SHA-256 only.

/** The token each accepted socket is told in its `session` event. */
const tokens = new WeakMap<ChatSocket, string>();
/** Sockets that reached the `connection` handler, whose disconnect releases their claim. */
const connected = new WeakSet<ChatSocket>();
/**
 * Until a socket is connected, its connection's `close` releases its claim;
 * this removes that listener, which a connected socket no longer needs (its
 * `disconnect` does the job), so it does not live as long as the connection.
 */
const stopWatchingAbandon = new WeakMap<ChatSocket, () => void>();

/**
 * The connection middleware: validates `auth`, runs `authenticate`, finds or
 * creates the user, and claims the nickname. Refusals reach the client as a
 * `connect_error` whose `data` is `{ code, message }`.
 */
export function identityMiddleware(ctx: ChatContext) {
  return (socket: ChatSocket, next: (error?: ExtendedError) => void): void => {
    // A recovered socket already carries its identity (socket.data); see reclaimIdentity.
    if (socket.recovered) {
      next();
      return;
    }
    // socket.io drops a socket whose connection closes before it is connected without any
    // `disconnect` event (the client vanished mid-handshake, or a later middleware refused it);
    // release its claim then, or the nickname would stay taken.
    let claimed = false;
    const releaseIfAbandoned = () => {
      if (!claimed || connected.has(socket)) return;
      claimed = false;
      releaseIdentity(ctx, socket).catch((error: unknown) =>
        ctx.options.logger.error('releasing an abandoned connection failed', error),
      );
    };
    socket.conn.once('close', releaseIfAbandoned);
    stopWatchingAbandon.set(socket, () => socket.conn.off('close', releaseIfAbandoned));
    establish(ctx, socket).then(
      () => {
        claimed = true;
        if (socket.conn.readyState !== 'open') releaseIfAbandoned();
        next();
      },
      (error: unknown) => next(toConnectError(ctx, error)),
    );
  };
}

/** Marks a socket as connected, so that its disconnect (not the middleware) releases its claim. */
export function markConnected(socket: ChatSocket): void {
  connected.add(socket);
  stopWatchingAbandon.get(socket)?.();
  stopWatchingAbandon.delete(socket);
}

/**
 * Re-claims the identity of a socket restored by connection state recovery:
 * its `socket.data` came back with it, but its disconnect had released the
 * nickname. Answers false when somebody else took the nickname meanwhile.
 */
export async function reclaimIdentity(ctx: ChatContext, socket: ChatSocket): Promise<boolean> {
  const claim = await ctx.stores.online.connect(socket.data);
  if (!claim.ok) return false;
  socket.data = { ...claim.user };
  const presented = parseToken(socket.handshake.auth);
  const known = presented ? await ctx.stores.sessions.get(hashToken(presented)) : undefined;
  tokens.set(
    socket,
    presented && known?.userId === claim.user.userId ? presented : await issueToken(ctx, socket),
  );
  return true;
}

/** Counts one socket of the user out; the user's last socket frees the nickname. */
export async function releaseIdentity(ctx: ChatContext, socket: ChatSocket): Promise<void> {
  await ctx.stores.online.disconnect(socket.data.userId);
}

/** The `session` event for this socket. */
export function sessionOf(socket: ChatSocket): Session {
  return { ...socket.data, token: tokens.get(socket) ?? '' };
}

async function establish(ctx: ChatContext, socket: ChatSocket): Promise<void> {
  await ctx.ready;
  if (ctx.isClosed()) {
    throw new ChatError('unavailable', 'The chat server is shutting down; try again in a moment.');
  }
  const identity = await authenticate(ctx, socket);
  const auth = parseAuth(socket.handshake.auth, {
    nicknameFromServer: identity.nickname !== undefined,
    // Other auth fields (a ticket, a signed cookie) belong to the authenticate hook, not to us.
    extraFieldsAllowed: ctx.options.authenticate !== undefined,
  });
  const nickname =
    identity.nickname !== undefined ? parseNickname(identity.nickname) : auth.nickname;
  const presented = auth.token;
  const known = presented ? await ctx.stores.sessions.get(hashToken(presented)) : undefined;
  const userId: UserId = identity.userId ?? known?.userId ?? newId();

  const claim = await ctx.stores.online.connect({ userId, nickname });
  if (!claim.ok) {
    throw new ChatError(
      'nickname_taken',
      `The nickname '${nickname}' is taken by someone connected right now; choose another.`,
    );
  }
  socket.data = { ...claim.user };
  try {
    tokens.set(
      socket,
      presented && known?.userId === userId ? presented : await issueToken(ctx, socket),
    );
    if (presented && known?.userId === userId) {
      await ctx.stores.sessions.set(hashToken(presented), claim.user);
    }
  } catch (error) {
    await releaseIdentity(ctx, socket);
    throw error;
  }
}

async function issueToken(ctx: ChatContext, socket: ChatSocket): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ctx.stores.sessions.set(hashToken(token), { ...socket.data });
  return token;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function authenticate(ctx: ChatContext, socket: ChatSocket): Promise<ChatIdentity> {
  const hook = ctx.options.authenticate;
  if (!hook) return {};
  try {
    return (await hook(socket.handshake)) ?? {};
  } catch (error) {
    if (isChatError(error)) throw error;
    throw new ChatError('unauthorized', 'The server refused this connection.');
  }
}

function parseAuth(
  auth: unknown,
  {
    nicknameFromServer,
    extraFieldsAllowed,
  }: { nicknameFromServer: boolean; extraFieldsAllowed: boolean },
) {
  const strict = nicknameFromServer
    ? z.partial(handshakeAuthSchema, { nickname: true })
    : handshakeAuthSchema;
  // `z.object` (not strict) drops the keys an `authenticate` hook reads for itself.
  const schema = extraFieldsAllowed ? z.object(strict.shape) : strict;
  const parsed = schema.safeParse(auth, readableIssues);
  if (parsed.success) return parsed.data as { nickname: string; token?: string };
  const issues = parsed.error.issues;
  if (issues.every((issue) => issue.path[0] === 'nickname')) {
    const reason = issues.map((issue) => issue.message).join('; ');
    const received = (auth as { nickname?: unknown } | null)?.nickname;
    throw new ChatError(
      'nickname_invalid',
      `The nickname ${preview(received)} is not allowed: ${reason}.`,
    );
  }
  return parsePayload(schema, auth, 'handshake auth') as { nickname: string; token?: string };
}

function parseNickname(nickname: string): string {
  const parsed = nicknameSchema.safeParse(nickname, readableIssues);
  if (parsed.success) return parsed.data;
  throw new ChatError(
    'nickname_invalid',
    `The nickname ${preview(nickname)} is not allowed: ${parsed.error.issues[0]?.message}.`,
  );
}

function parseToken(auth: unknown): string | undefined {
  const token = (auth as { token?: unknown } | null)?.token;
  return typeof token === 'string' && token.length <= 128 ? token : undefined;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function toConnectError(ctx: ChatContext, error: unknown): ExtendedError {
  const payload = isChatError(error)
    ? { code: error.code, message: String(error.message) }
    : { code: 'internal' as const, message: 'The server failed to accept this connection.' };
  if (!isChatError(error)) ctx.options.logger.error('accepting a connection failed', error);
  const connectError: ExtendedError = new Error(payload.message);
  connectError.data = payload;
  return connectError;
}
