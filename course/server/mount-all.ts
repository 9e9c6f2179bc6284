import type { Server as HttpServer } from 'node:http';
import { demos as catalogueDemos, lessonRedirects } from '@funws/catalogue';
import { limits } from '@funws/chat/protocol';
import { redisCluster } from '@funws/chat/redis';
import {
  type ChatServer,
  createChatServer,
  createHostAllowlist,
  createOriginCheck,
  type HostAllowlist,
} from '@funws/chat/server';
import { type CreateDemo, type DemoApp, mountDemo } from '@funws/demo-kit';
import type { Express } from 'express';
import { Server } from 'socket.io';
import { createCells } from './cells/index.ts';
import { createInspector, type Inspector, type RawWebSocketServer } from './inspector.ts';
import { createLab, type Lab } from './lab.ts';
import { openPlaygroundStores } from './playground-stores.ts';

/**
 * Everything the course serves besides its static pages, mounted on one
 * express app and one http server: used by `npm start` (server/start.ts) and
 * by `npm run dev` (the Astro integration, on Vite's dev server).
 *
 * - every demo at `/demos/<folder>/` (its socket.io at `/demos/<folder>/socket.io`);
 * - the playground's chat server (`@funws/chat`) at socket.io path `/playground/socket.io`,
 *   its chat kept in `playgroundFile` (SQLite) when given, or shared with the other
 *   nodes of a Redis cluster with `playgroundCluster` (`npm run demo cluster`);
 * - the event inspector at `/inspector/events?demo=<folder>&inspect=<id>` (Server-Sent Events);
 * - the polling-vs-WebSocket lab at `/lab/ticks` and `/lab/socket.io`;
 * - the lesson cells that do something at `/cells` ("Check my work", client cells);
 * - redirects from each former lesson address to today's (`lessonRedirects`).
 */

/** Each demo folder, in the catalogue's order (`@funws/catalogue`). */
export const demoFolders: readonly string[] = catalogueDemos.map((demo) => demo.folder);
export type DemoFolder = string;

/**
 * Imported by package name, as a user of the solutions would. Spelled out
 * one by one so bundlers and type checkers see every import; a catalogue
 * folder missing here is reported as a demo that failed to load.
 */
export const demoLoaders: Readonly<Record<string, () => Promise<{ createApp: CreateDemo }>>> = {
  '01-basic-server': () => import('@funws/solution-01-basic-server'),
  '02-forms': () => import('@funws/solution-02-forms'),
  'sidebar-raw-vs-socketio': () => import('@funws/solution-sidebar-raw-vs-socketio'),
  '03-first-socket': () => import('@funws/solution-03-first-socket'),
  '04-broadcast-chat': () => import('@funws/solution-04-broadcast-chat'),
  '05-nicknames-presence': () => import('@funws/solution-05-nicknames-presence'),
  '06-typing-whispers-rooms': () => import('@funws/solution-06-typing-whispers-rooms'),
  '07-polls-reactions-canvas': () => import('@funws/solution-07-polls-reactions-canvas'),
};

export const playgroundPath = '/playground/socket.io';
export const playgroundRooms = ['general', 'random', 'tech'];

export interface MountedCourse {
  /** The demos that started, by folder. */
  demos: Map<DemoFolder, DemoApp>;
  /** The demos that failed to load, with why; their pages say so. */
  failed: Map<DemoFolder, string>;
  playground: ChatServer;
  /** Where the playground keeps its chat: the file (undefined in memory), and why not, if it could not. */
  playgroundStorage: { file: string | undefined; problem: string | undefined };
  inspector: Inspector;
  lab: Lab;
  /** Stops every demo, the playground and the lab; leaves the http server to its owner. */
  close(): Promise<void>;
}

export interface MountOptions {
  /** Where to report a demo that failed to load. Default console.error. */
  log?: (message: string) => void;
  /**
   * The SQLite file the playground keeps its chat in, so that it outlives the
   * server (see `defaultPlaygroundFile`). Default none: in memory.
   */
  playgroundFile?: string;
  /** The repository whose `exercises/` "Check my work" runs. Default: this one. */
  exercisesRoot?: string;
  /**
   * The host names the course answers to, for the checks of the inspector and
   * the playground (the server itself refuses other names before they get
   * here). Default: the loopback names.
   */
  allowedHosts?: HostAllowlist;
  /**
   * Makes the playground one node of a cluster on Redis (`@funws/chat/redis`):
   * every course server started with the same Redis is the same playground.
   * Wins over `playgroundFile`.
   */
  playgroundCluster?: { redisUrl: string; nodeId: string };
}

export async function mountAll(
  host: Express,
  server: HttpServer,
  options: MountOptions = {},
): Promise<MountedCourse> {
  const log = options.log ?? ((message: string) => console.error(message));
  // Each socket.io server attached below listens to the http server's events.
  server.setMaxListeners(Math.max(server.getMaxListeners(), 50));
  const allowedHosts = options.allowedHosts ?? createHostAllowlist();
  const inspector = createInspector({ allowedHosts });
  host.use('/inspector', inspector.router);
  const cells = createCells({
    allowedHosts,
    ...(options.exercisesRoot ? { root: options.exercisesRoot } : {}),
  });
  host.use('/cells', cells.router);

  // Old lesson addresses (and demo folders named otherwise) lead to today's lesson.
  for (const { from, to } of lessonRedirects()) {
    host.get([from, `${from}/`], (_request, response) => response.redirect(308, to));
  }

  const demos = new Map<DemoFolder, DemoApp>();
  const failed = new Map<DemoFolder, string>();
  const loaded = await Promise.all(
    demoFolders.map(async (folder) => {
      try {
        const load = demoLoaders[folder];
        if (!load)
          throw new Error(`course/server/mount-all.ts has no import for the demo ${folder}`);
        return { folder, module: await load() };
      } catch (error) {
        return { folder, error };
      }
    }),
  );
  for (const entry of loaded) {
    const prefix = `/demos/${entry.folder}`;
    try {
      if ('error' in entry) throw entry.error;
      // Demos without a socket (1 and 2) speak plain HTTP: the inspector shows their requests.
      const httpTap = inspector.tapHttp(entry.folder);
      const watchHttp = { enabled: false };
      host.use(prefix, (request, response, next) =>
        watchHttp.enabled ? httpTap(request, response, next) : next(),
      );
      const demo = mountDemo(host, server, prefix, entry.module.createApp);
      watchHttp.enabled = demo.io === undefined;
      if (demo.io) {
        inspector.tap(entry.folder, demo.io);
        cells.admit(entry.folder, demo.io);
      }
      // The sidebar also has a raw WebSocket server (`raw`, from the `ws` library).
      const raw = (demo as { raw?: unknown }).raw;
      if (isRawServer(raw)) inspector.tapRaw(entry.folder, raw);
      demos.set(entry.folder, demo);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failed.set(entry.folder, reason);
      log(
        `The demo ${entry.folder} could not be started, so ${prefix}/ shows an error:\n  ${describe(error)}`,
      );
      host.use(prefix, (_request, response) => {
        response
          .status(503)
          .type('text')
          .send(
            `The demo ${entry.folder} could not be started:\n\n${reason}\n\n` +
              'The terminal running the course shows the details.\n',
          );
      });
    }
  }

  // The playground: @funws/chat on its own socket.io server, same origin and known hosts only.
  const cluster = options.playgroundCluster
    ? redisCluster({
        url: options.playgroundCluster.redisUrl,
        nodeId: options.playgroundCluster.nodeId,
        prefix: 'funws-playground:',
      })
    : undefined;
  const playgroundIo = new Server({
    path: playgroundPath,
    serveClient: false,
    allowRequest: createOriginCheck({ allowedHosts }),
    maxHttpBufferSize: limits.maxPacketBytes,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    ...cluster?.serverOptions,
  });
  playgroundIo.attach(server, { destroyUpgrade: false });
  // In a cluster, the chat's close() closes the Redis connection too.
  const playgroundStores = cluster
    ? { stores: cluster.stores, file: undefined, problem: undefined, close: async () => {} }
    : openPlaygroundStores(options.playgroundFile, log);
  const playground = createChatServer(playgroundIo, {
    rooms: playgroundRooms,
    stores: playgroundStores.stores,
    ...(cluster ? { cluster: cluster.cluster } : {}),
  });
  inspector.tap('playground', playgroundIo);

  const lab = createLab(server);
  host.use('/lab', lab.router);

  let closing: Promise<void> | undefined;
  return {
    demos,
    failed,
    playground,
    playgroundStorage: { file: playgroundStores.file, problem: playgroundStores.problem },
    inspector,
    lab,
    close() {
      closing ??= (async () => {
        inspector.close();
        await Promise.allSettled([...demos.values()].map((demo) => demo.close?.()));
        for (const demo of demos.values()) {
          demo.io?.disconnectSockets(true);
          demo.io?.engine?.close();
        }
        await playground.close();
        playgroundIo.engine.close();
        await playgroundStores.close();
        await lab.close();
      })();
      return closing;
    },
  };
}

function isRawServer(value: unknown): value is RawWebSocketServer {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { on?: unknown }).on === 'function' &&
    'clients' in value
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
