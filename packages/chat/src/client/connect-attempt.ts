import { ChatError, nicknameSchema, readableIssues, type Session } from '../protocol/index.ts';
import { toConnectionError } from './connection-error.ts';
import type { ChatSocket } from './request.ts';

/** One `connect()` in flight. */
export interface ConnectAttempt {
  promise: Promise<Session>;
  /** Rejects the attempt with `error`, e.g. when the client is closed meanwhile. */
  abort(error: ChatError): void;
}

/**
 * Connects `socket` and settles on the first `session` (resolve) or
 * `connect_error` (reject with a `ChatError`). A refused first connection is
 * not retried in the background: the caller decides whether to try again.
 * `settled` runs once, however the attempt ends.
 *
 * @example
 * const attempt = connectAttempt(socket, url, { failed: () => setDisconnected(), settled: () => {} });
 * const session = await attempt.promise;
 */
export function connectAttempt(
  socket: ChatSocket,
  url: string,
  hooks: { failed(): void; settled(): void },
): ConnectAttempt {
  let abort: (error: ChatError) => void = () => {};
  const promise = new Promise<Session>((resolve, reject) => {
    const settle = () => {
      socket.off('session', onSession);
      socket.off('connect_error', onError);
      hooks.settled();
    };
    const onSession = (session: Session) => {
      settle();
      resolve(session);
    };
    const onError = (error: Error & { data?: unknown }) => {
      settle();
      socket.disconnect();
      hooks.failed();
      reject(toConnectionError(error, url));
    };
    abort = (error) => {
      settle();
      reject(error);
    };
    socket.on('session', onSession);
    socket.on('connect_error', onError);
  });
  socket.connect();
  return { promise, abort };
}

/**
 * A `nickname_invalid` error when the server would refuse `nickname` anyway,
 * so an empty input field costs no connection attempt.
 *
 * @example
 * const refused = checkNickname(input.value);
 * if (refused) showError(refused.message);
 */
export function checkNickname(nickname: string): ChatError | undefined {
  const result = nicknameSchema.safeParse(nickname, readableIssues);
  if (result.success) return undefined;
  const reason = result.error.issues[0]?.message ?? 'it is not allowed';
  return new ChatError(
    'nickname_invalid',
    `The nickname ${JSON.stringify(nickname)} is refused: ${reason}.`,
  );
}
