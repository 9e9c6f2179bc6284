import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { limits, type RoomSummary } from '../protocol/index.ts';
import type { ChatClusterNode } from './cluster.ts';
import { handleConnection } from './connection.ts';
import type { ChatContext } from './context.ts';
import { removeIfEmpty } from './empty-rooms.ts';
import { features } from './features.ts';
import { identityMiddleware } from './identity.ts';
import { type ChatServerOptions, resolveOptions } from './options.ts';
import { createOriginCheck } from './origin.ts';
import { createRoomCountsNotifier, roomSummaries } from './room-counts.ts';
import { startUntilReady } from './start-until-ready.ts';
import { createMemoryStores } from './stores/memory-stores.ts';
import type { ChatIo, ChatSocket } from './types.ts';
import { createTypingTracker } from './typing.ts';

/**
 * A running chat server.
 *
 * @example
 * const chat = createChatServer(httpServer);
 * console.log(await chat.rooms()); // [{ name: 'general', members: 0 }]
 * await chat.close();
 */
export interface ChatServer {
  /** The socket.io server, with the chat's event maps. */
  readonly io: ChatIo;
  /** Every room and its member count. */
  rooms(): Promise<RoomSummary[]>;
  /**
   * Stops the chat: clears every timer, closes every connection and, when
   * `createChatServer` created the socket.io server, closes it (which, as
   * socket.io does, also closes the http server it is attached to). Given an
   * existing socket.io server, leaves it open, and it refuses chat
   * connections from then on (`unavailable`). Connections are dropped, not
   * sent away: clients keep retrying, so a server that restarts gets them
   * back. Resolves once every socket's clean-up has run, so stores can be
   * closed after it. Calling it again is harmless.
   */
  close(): Promise<void>;
}

/**
 * Starts a chat server: rooms, presence, messages with history, typing,
 * whispers, polls, reactions and a shared canvas, over socket.io.
 *
 * Given an http server, it creates the socket.io server: same-origin only
 * (see `allowedOrigins`), loopback host names only (see `allowedHosts`),
 * packets up to `limits.maxPacketBytes`, and connection state recovery on
 * (for `recoveryWindowMs`), so a client that drops for a moment comes back in
 * its rooms with the events it missed. Given a socket.io server, it uses it as
 * it is: its options are yours, so enable `connectionStateRecovery` there
 * yourself if you want recovery. Either way, a client the server cannot
 * recover (it restarted, or the client was away longer than the window) joins
 * its rooms again and catches up from the history (`room:join { since }`).
 *
 * @throws Error when an option cannot work, e.g. an invalid room name.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createChatServer } from '@funws/chat/server';
 *
 * const httpServer = createServer();
 * const chat = createChatServer(httpServer, { rooms: ['general', 'random'] });
 * httpServer.listen(3000, '127.0.0.1');
 */
export function createChatServer(
  target: HttpServer | ChatIo,
  options: ChatServerOptions = {},
): ChatServer {
  const resolved = resolveOptions(options);
  const owned = !isSocketIoServer(target);
  const io: ChatIo = isSocketIoServer(target)
    ? target
    : new Server(target, serverOptions(options, resolved.recoveryWindowMs));
  const stores = { ...createMemoryStores(), ...options.stores };
  const typing = createTypingTracker(io, {
    store: stores.typing,
    timeoutMs: resolved.limits.typingTimeoutMs,
    cluster: resolved.cluster,
    onError: (error) => resolved.logger.error('ending a typist failed', error),
  });
  const roomCounts = createRoomCountsNotifier(
    io,
    { stores, options: resolved },
    resolved.limits.roomCountsIntervalMs,
  );
  let closing: Promise<void> | undefined;

  const createStartRooms = () =>
    Promise.all(
      resolved.rooms.map((room) => stores.rooms.create(room, Number.POSITIVE_INFINITY)),
    ).then(() => undefined);

  const ctx: ChatContext = {
    io,
    stores,
    options: resolved,
    typing,
    roomCounts,
    ready: Promise.resolve(),
    isClosed: () => closing !== undefined,
    cleanups: new Set(),
  };
  ctx.ready = startUntilReady(
    async () => {
      await createStartRooms();
      await resolved.cluster?.start(clusterNode(ctx, createStartRooms));
    },
    { logger: resolved.logger, isClosed: ctx.isClosed },
  );
  // Only a chat closed before it could start gives up; its waiting connections are refused.
  ctx.ready.catch(() => {});
  const onConnection = (socket: ChatSocket) => handleConnection(ctx, socket, features);
  io.use(identityMiddleware(ctx));
  io.on('connection', onConnection);

  return {
    io,
    rooms: () => roomSummaries(ctx),
    close() {
      closing ??= (async () => {
        io.off('connection', onConnection);
        if (owned) await io.close();
        else await dropConnections(io);
        // Each disconnect queued a clean-up that still uses the stores; the caller may close them next.
        await Promise.all(ctx.cleanups);
        // After the sockets: their clean-up stops typists and changes counts, and a
        // disposed tracker or notifier starts no timer.
        typing.dispose();
        roomCounts.dispose();
        await resolved.cluster?.stop();
      })();
      return closing;
    },
  };
}

function serverOptions(
  options: ChatServerOptions,
  recoveryWindowMs: number,
): Partial<ServerOptions> {
  const allowedOrigins = options.allowedOrigins ?? [];
  return {
    ...(recoveryWindowMs > 0
      ? {
          connectionStateRecovery: {
            maxDisconnectionDuration: recoveryWindowMs,
            skipMiddlewares: true,
          },
        }
      : {}),
    maxHttpBufferSize: limits.maxPacketBytes,
    allowRequest: createOriginCheck({
      allowedOrigins,
      ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
    }),
    // Cross-origin browsers need CORS for the long-polling transport; only for origins you listed.
    ...(allowedOrigins.length > 0 ? { cors: { origin: allowedOrigins } } : {}),
    ...options.serverOptions,
  };
}

/** How a cluster reaches this server: see {@link ChatClusterNode}. */
function clusterNode(ctx: ChatContext, createStartRooms: () => Promise<void>): ChatClusterNode {
  return {
    async membersLeft(departures) {
      for (const { room, userId } of departures) {
        await ctx.typing.stop(room, userId);
        ctx.io.to(room).emit('presence:diff', { room, joined: [], left: [userId] });
        await removeIfEmpty(ctx, room);
      }
      if (departures.length > 0) ctx.roomCounts.changed();
    },
    async resync(reset) {
      const resynced = (async () => {
        await dropConnections(ctx.io);
        await Promise.all(ctx.cleanups);
        // The rooms before `reset` registers the node: if Redis fails in between, the
        // node is still unregistered, and its next heartbeat starts a resync again.
        await createStartRooms();
        await reset();
      })();
      // New connections (and recovered ones) wait until this node is registered again.
      ctx.ready = resynced;
      await resynced;
    },
  };
}

// A socket.io `disconnect` would tell each client it was sent away for good,
// and socket.io-client does not retry after that. Dropping the connection
// instead reads as a network loss, after which clients retry with backoff:
// what a restarting server wants. (An owned server's `io.close()` does the same.)
async function dropConnections(io: ChatIo): Promise<void> {
  const sockets = [...io.of('/').sockets.values()];
  const gone = sockets.map(
    (socket) => new Promise<void>((resolve) => socket.once('disconnect', () => resolve())),
  );
  // `true` discards what is still queued for the client: nobody waits for a drain.
  for (const socket of sockets) socket.conn.close(true);
  await Promise.all(gone);
}

// Duck-typed rather than `instanceof`, so a socket.io server from another copy of the package works too.
function isSocketIoServer(target: HttpServer | ChatIo): target is ChatIo {
  return typeof (target as Partial<ChatIo>).of === 'function' && 'sockets' in target;
}
