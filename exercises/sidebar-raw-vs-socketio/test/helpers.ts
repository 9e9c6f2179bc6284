// Small helpers for raw WebSocket tests (socket.io ones come from @funws/testkit).

import WebSocket from 'ws';
import type { RawReply } from '../src/protocol.ts';

const opened = new Set<WebSocket>();

/** Opens a raw WebSocket and waits until it is open; fails with the server's answer if refused. */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers });
  opened.add(socket);
  inboxOf(socket);
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

/**
 * The frames each socket received and no test has read yet. Recording starts
 * when the socket opens, so a reply that arrives before a test asks for it
 * (or a second reply to one frame) is kept, not lost.
 */
const inboxes = new WeakMap<WebSocket, string[]>();

function inboxOf(socket: WebSocket): string[] {
  let inbox = inboxes.get(socket);
  if (!inbox) {
    const frames: string[] = [];
    socket.on('message', (data: WebSocket.RawData) => frames.push(data.toString()));
    inboxes.set(socket, frames);
    inbox = frames;
  }
  return inbox;
}

let pings = 0;

/**
 * Resolves once a ping sent now has come back as a pong. WebSocket frames
 * keep their order, and the server handles each frame before reading the
 * next, so by then every reply to the frames sent before is in the inbox.
 * `onFrame` is called as each frame arrives meanwhile.
 */
function pingPong(socket: WebSocket, onFrame: () => void, timeoutMs: number): Promise<void> {
  pings += 1;
  const id = `round-trip-${pings}`;
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      socket.off('message', onFrame);
      socket.off('pong', onPong);
      socket.off('close', onClose);
    };
    const onClose = (code: number, reason: Buffer) => {
      finish();
      reject(
        new Error(
          `The server closed the connection (code ${code}${reason.length ? `, "${reason}"` : ''}) instead of answering.`,
        ),
      );
    };
    const onPong = (data: Buffer) => {
      if (data.toString() !== id) return; // the pong of an earlier round trip
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(`The server did not answer a ping within ${timeoutMs} ms: is it still running?`),
      );
    }, timeoutMs);
    if (socket.readyState !== WebSocket.OPEN) {
      reject(new Error('The connection is closed: the server closed it instead of answering.'));
      return;
    }
    socket.on('message', onFrame);
    socket.on('pong', onPong);
    socket.on('close', onClose);
    socket.ping(id);
  });
}

/**
 * The next reply frame, parsed as JSON. A server that sends no reply to the
 * frames sent so far fails at once: a ping sent after them comes back first
 * (frames keep their order).
 */
export function nextReply(socket: WebSocket, timeoutMs = 2000): Promise<RawReply> {
  const inbox = inboxOf(socket);
  const parse = (text: string): RawReply => {
    try {
      return JSON.parse(text) as RawReply;
    } catch {
      throw new Error(
        `Expected a JSON reply frame, but got ${JSON.stringify(text.slice(0, 200))}: send JSON.stringify(reply).`,
      );
    }
  };
  const waiting = inbox.shift();
  if (waiting !== undefined) return Promise.resolve().then(() => parse(waiting));
  return new Promise<RawReply>((resolve, reject) => {
    let settled = false;
    // A listener added after the inbox's: by the time it runs, the frame is in the inbox.
    const onFrame = () => {
      if (settled) return;
      const text = inbox.shift();
      if (text === undefined) return;
      settled = true;
      try {
        resolve(parse(text));
      } catch (error) {
        reject(error);
      }
    };
    pingPong(socket, onFrame, timeoutMs).then(() => {
      if (settled) return;
      settled = true;
      reject(
        new Error(
          'Expected a reply frame, but none came: a ping sent after the frame came back first. Does the server send a reply for every frame?',
        ),
      );
    }, reject);
  });
}

/**
 * Proves that the server sends nothing more in answer to the frames sent so
 * far: a ping comes back with no unread frame before it. Fails with the frames
 * that did come.
 */
export async function expectNoMoreReplies(socket: WebSocket, timeoutMs = 2000): Promise<void> {
  const inbox = inboxOf(socket);
  await pingPong(socket, () => {}, timeoutMs);
  const extra = inbox.splice(0);
  if (extra.length) {
    throw new Error(
      `Expected no more reply frames, but ${extra.length} more arrived: ${extra.map((text) => text.slice(0, 200)).join(', ')}`,
    );
  }
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
