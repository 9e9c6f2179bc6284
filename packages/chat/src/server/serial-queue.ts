/**
 * Runs async tasks one after another. Each socket gets one, so its events are
 * handled in the order they were sent (an async moderation hook cannot let a
 * later message overtake an earlier one) and its disconnect clean-up runs
 * after anything it sent before leaving.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Creates an empty {@link SerialQueue}. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      // The tail must not hold the task's result: a socket's queue lives as
      // long as the socket, and its last answer may be a room snapshot with
      // every member of the room. (`result.catch()` would resolve with it.)
      tail = result.then(noop, noop);
      return result;
    },
  };
}

function noop(): void {}
