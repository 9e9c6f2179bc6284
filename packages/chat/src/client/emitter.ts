/** A map from event name to the tuple of arguments its listeners receive. */
export type EventMap<Events> = { [E in keyof Events]: unknown[] };

/** A listener for one event of an {@link EventMap}. */
export type Listener<Args extends unknown[]> = (...args: Args) => void;

/**
 * The smallest typed event emitter that does the job, so the client needs no
 * Node `events` module and runs unchanged in a browser.
 *
 * A listener that throws does not stop the others or the state update that
 * triggered it: its error is rethrown on a fresh task, where it shows up as an
 * ordinary uncaught error instead of corrupting the client.
 *
 * @example
 * const emitter = new Emitter<{ tick: [count: number] }>();
 * const off = emitter.on('tick', (count) => console.log(count));
 * emitter.emit('tick', 1);
 * off();
 */
export class Emitter<Events extends EventMap<Events>> {
  readonly #listeners = new Map<keyof Events, Set<Listener<never[]>>>();

  /** Adds a listener and returns a function that removes it. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    // Stored loosely typed; `emit` only ever calls it with `Events[E]`.
    const stored = listener as unknown as Listener<never[]>;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  /** Calls every listener of `event` with `args`, in the order they were added. */
  emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    // A copy, so a listener that removes itself does not skip the next one.
    for (const listener of [...set]) {
      try {
        (listener as unknown as Listener<Events[E]>)(...args);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  /** How many listeners `event` has; an `error` with none is worth a warning. */
  listenerCount(event: keyof Events): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  /** Removes every listener. */
  clear(): void {
    this.#listeners.clear();
  }
}
