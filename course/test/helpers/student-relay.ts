import { connect, createServer, type Server, type Socket } from 'node:net';

/** A relay a browser connects to, which reaches the server from a student's address. */
export interface StudentRelay {
  /** Where the browser goes, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Chromium cannot choose the address it connects from, and classroom mode
 * tells students from the instructor by exactly that. This relay listens on
 * 127.0.0.1 (port 0) and forwards every connection, byte for byte, to the
 * classroom server from `localAddress` (127.0.0.2…): to the server, the
 * browser behind it is a student's computer. Host and Origin stay the
 * relay's, 127.0.0.1, which the server allows on any port.
 */
export async function startStudentRelay(
  targetPort: number,
  localAddress: string,
): Promise<StudentRelay> {
  const open = new Set<Socket>();
  const server: Server = createServer((browserSide) => {
    const serverSide = connect({ host: '127.0.0.1', port: targetPort, localAddress });
    for (const socket of [browserSide, serverSide]) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      socket.on('error', () => {
        browserSide.destroy();
        serverSide.destroy();
      });
    }
    browserSide.pipe(serverSide).pipe(browserSide);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
