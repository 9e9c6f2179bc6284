/**
 * The messages between a client cell (on the lesson page) and its runner (a
 * sandboxed iframe with an opaque origin). The page starts one run per runner
 * document; the runner reports back what happened.
 */

/** Page → runner: run this code, connecting with this ticket. Sent once. */
export interface RunRequest {
  kind: 'run';
  code: string;
  /** A single-use ticket from `POST /cells/ticket`, shown in the socket's handshake. */
  ticket: string;
}

/** Runner → page. */
export type RunnerMessage =
  | { kind: 'ready' }
  | {
      kind: 'status';
      state: 'connecting' | 'connected' | 'running' | 'finished' | 'failed' | 'disconnected';
    }
  | { kind: 'log'; level: 'log' | 'error'; text: string };

/** The most lines of output one run may report; the rest are counted. */
export const maxLogLines = 200;
/** The longest line of output, in characters. */
export const maxLogLength = 2000;

/** True for a well-formed {@link RunRequest}. */
export function isRunRequest(value: unknown): value is RunRequest {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return (
    message.kind === 'run' &&
    typeof message.code === 'string' &&
    message.code.length <= 20_000 &&
    typeof message.ticket === 'string'
  );
}

/** True for a well-formed {@link RunnerMessage}. */
export function isRunnerMessage(value: unknown): value is RunnerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.kind === 'ready') return true;
  if (message.kind === 'status') return typeof message.state === 'string';
  return (
    message.kind === 'log' &&
    (message.level === 'log' || message.level === 'error') &&
    typeof message.text === 'string'
  );
}

/**
 * One value as the cell's output shows it: strings as they are, everything
 * else as compact JSON (errors by their message), cut to {@link maxLogLength}.
 *
 * @example
 * formatValue({ ok: true }); // '{"ok":true}'
 */
export function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (value === undefined) text = 'undefined';
  else if (typeof value === 'function') text = `[function ${value.name || 'anonymous'}]`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > maxLogLength ? `${text.slice(0, maxLogLength)}…` : text;
}
