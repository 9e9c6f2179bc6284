import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { limits, type RoomSummary } from '../protocol/index.ts';
import { handleConnection } from './connection.ts';
import type { ChatContext } from './context.ts';
import { features } from './features.ts';
import { identityMiddleware } from './identity.ts';
import { type ChatServerOptions, resolveOptions } from './options.ts';
import { createOriginCheck } from './origin.ts';
import { roomSummaries } from './presence.ts';
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
   * Stops the chat: clears every timer, disconnects every socket and, when
   * `createChatServer` created the socket.io server, closes it (which, as
   * socket.io does, also closes the http server it is attached to). Given an
   * existing socket.io server, leaves it open. Resolves once every socket's
   * clean-up has run, so stores can be closed after it. Calling it again is harmless.
   */
  close(): Promise<void>;
}

/**
 * Starts a chat server: rooms, presence, messages with history, typing,
 * whispers, polls, reactions and a shared canvas, over socket.io.
 *
 * Given an http server, it creates the socket.io server: same-origin only
 * (see `allowedOrigins`), loopback host names only (see `allowedHosts`), packets up to `limits.maxPacketBytes`, and
 * connection state recovery on, so a client that drops for a moment comes
 * back in its rooms with the events it missed. Given a socket.io server, it
 * uses it as it is: its options are yours, so enable `connectionStateRecovery`
 * there yourself if you want recovery.
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
  const io: ChatIo = isSocketIoServer(target) ? target : new Server(target, serverOptions(options));
  const stores = { ...createMemoryStores(), ...options.stores };
  const typing = createTypingTracker(io, resolved.limits.typingTimeoutMs);
  let closing: Promise<void> | undefined;

  const ready = Promise.all(
    resolved.rooms.map((room) => stores.rooms.create(room, Number.POSITIVE_INFINITY)),
  ).then(() => undefined);
  ready.catch((error: unknown) =>
    resolved.logger.error('creating the start-up rooms failed', error),
  );

  const ctx: ChatContext = {
    io,
    stores,
    options: resolved,
    typing,
    ready,
    isClosed: () => closing !== undefined,
    cleanups: new Set(),
  };
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
        else io.disconnectSockets(true);
        // Each disconnect queued a clean-up that still uses the stores; the caller may close them next.
        await Promise.all(ctx.cleanups);
        // After the sockets: their clean-up stops typists, and a disposed tracker starts no timer.
        typing.dispose();
      })();
      return closing;
    },
  };
}

function serverOptions(options: ChatServerOptions): Partial<ServerOptions> {
  const allowedOrigins = options.allowedOrigins ?? [];
  return {
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
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

// Duck-typed rather than `instanceof`, so a socket.io server from another copy of the package works too.
function isSocketIoServer(target: HttpServer | ChatIo): target is ChatIo {
  return typeof (target as Partial<ChatIo>).of === 'function' && 'sockets' in target;
}
