/**
 * Tells the sockets that watch room counts about changed counts, coalesced
 * (see `createRoomCountsNotifier` in room-counts.ts). Its own file so that the
 * context can name it without importing what builds it.
 */
export interface RoomCountsNotifier {
  /** A count changed: the watchers hear of it within one interval. */
  changed(): void;
  /** Cancels a pending notice; later changes are ignored. */
  dispose(): void;
}
