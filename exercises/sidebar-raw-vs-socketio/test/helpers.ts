// Small helpers for raw WebSocket tests (socket.io ones come from @funws/testkit).

import WebSocket from 'ws';
import type { RawReply } from '../src/protocol.ts';

const opened = new Set<WebSocket>();

/** Opens a raw WebSocket and waits until it is open; fails with the server's answer if refused. */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers });
  opened.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', (error) => reject(new Error(`Could not open ${url}: ${error.message}`)));
  });
}

/** Tries to open a raw WebSocket that should be refused; resolves with the HTTP status of the refusal. */
export function refusedStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  const socket = new WebSocket(url, { headers });
  opened.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () =>
      reject(new Error(`Expected ${url} to refuse the connection, but it opened.`)),
    );
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
}

/** Waits for the next frame and parses it as JSON; fails readably after `timeoutMs`. */
export function nextReply(socket: WebSocket, timeoutMs = 1000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(
        new Error(
          `Expected a reply frame within ${timeoutMs} ms, but none arrived. Does the server send a reply for every frame?`,
        ),
      );
    }, timeoutMs);
    const onMessage = (data: WebSocket.RawData) => {
      clearTimeout(timer);
      resolve(JSON.parse(data.toString()) as RawReply);
    };
    socket.once('message', onMessage);
  });
}

/** Waits for the connection to close and gives its close code and reason. */
export function nextClose(
  socket: WebSocket,
  timeoutMs = 2000,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`Expected the connection to close within ${timeoutMs} ms, but it stayed open.`),
        ),
      timeoutMs,
    );
    socket.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** Closes every raw socket a test opened. */
export function closeAllRaw(): void {
  for (const socket of opened) socket.terminate();
  opened.clear();
}

/** `http://127.0.0.1:1234` → `ws://127.0.0.1:1234/raw` (the raw endpoint on the page's own server). */
export const rawUrlOf = (httpUrl: string, basePath = '') =>
  `${httpUrl.replace(/^http/, 'ws')}${basePath}/raw`;
