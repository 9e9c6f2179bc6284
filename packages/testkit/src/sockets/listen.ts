import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on a free loopback port. */
export interface Listening {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  /** Stops accepting connections and ends the open ones. */
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 and a port the OS picks (port 0), so tests never clash
 * with each other or with a demo you have running.
 *
 * @example
 * const { url, close } = await listen(createServer(app));
 * // ... connect clients to url ...
 * await close();
 */
export async function listen(server: HttpServer): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
