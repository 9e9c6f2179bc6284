import type { ResolvedOptions } from './options.ts';
import type { RoomCountsNotifier } from './room-counts-notifier.ts';
import type { ChatStores } from './stores/memory-stores.ts';
import type { ChatIo } from './types.ts';
import type { TypingTracker } from './typing-tracker.ts';

/** What every feature handler receives: the server, its state and its options. */
export interface ChatContext {
  io: ChatIo;
  stores: ChatStores;
  options: ResolvedOptions;
  typing: TypingTracker;
  /** Tell it when a room's member count changed; watchers hear of it, coalesced. */
  roomCounts: RoomCountsNotifier;
  /**
   * Resolves once the start-up rooms exist (and the cluster, if any, has
   * started); connections wait for it. A cluster resync replaces it while
   * it re-registers this node.
   */
  ready: Promise<void>;
  /** True once `close()` was called: new connections are refused. */
  isClosed(): boolean;
  /** Clean-ups of disconnected sockets still running: `close()` waits for them before the stores go. */
  cleanups: Set<Promise<void>>;
}

/** Now, as an ISO 8601 timestamp from the context's clock. */
export function isoNow(ctx: ChatContext): string {
  return new Date(ctx.options.clock()).toISOString();
}
