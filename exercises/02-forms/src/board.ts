import { randomUUID } from 'node:crypto';

/** One message on the board. The server sets every field but `text`. */
export interface Message {
  /** Made by the server with `crypto.randomUUID()`. */
  id: string;
  /** What the visitor typed, trimmed, 1–500 characters. */
  text: string;
  /** When the server received it, as an ISO 8601 string (always UTC). */
  timestamp: string;
}

/** The longest message we accept, in characters. */
export const MAX_TEXT_LENGTH = 500;

/** How many messages the board keeps; the oldest go first. */
export const HISTORY_LIMIT = 100;

/**
 * The board's memory: a list of messages kept in the server's RAM. It is gone
 * when the server restarts (a database would keep it), and it is bounded, so a
 * busy (or malicious) visitor cannot make the server use more and more memory.
 */
export interface Board {
  /** The messages, newest first (that is how the page shows them). */
  newestFirst(): Message[];
  /** Adds a message with a server-made id and timestamp, dropping the oldest past the limit. */
  add(text: string): Message;
  /** Removes every message. */
  clear(): void;
}

export function createBoard(limit = HISTORY_LIMIT): Board {
  const messages: Message[] = [];
  return {
    newestFirst: () => [...messages].reverse(),
    add(text) {
      const message = { id: randomUUID(), text, timestamp: new Date().toISOString() };
      messages.push(message);
      if (messages.length > limit) messages.splice(0, messages.length - limit);
      return message;
    },
    clear() {
      messages.length = 0;
    },
  };
}
