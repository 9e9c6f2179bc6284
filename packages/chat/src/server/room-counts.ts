import type { RoomSummary } from '../protocol/index.ts';
import type { ChatContext } from './context.ts';
import { roomCountsWatchers } from './internal-rooms.ts';
import type { RoomCountsNotifier } from './room-counts-notifier.ts';
import type { ChatIo } from './types.ts';

// Room counts are the one thing every join changes for people outside the
// room. Sending them to every connected socket on every join made a join cost
// O(sockets), and a hall of N people joining cost O(N²): 1,000 clients took
// 68 s to join one room. So counts go only to the sockets that asked for them
// (`room:list { watch: true }`, which puts the socket in an internal room),
// and at most once per interval, however many joins and leaves happened in it:
// a burst of 1,000 joins costs a few `room:counts` per watcher, not 1,000.

/** Every room and its member count, in creation order. */
export async function roomSummaries(ctx: Pick<ChatContext, 'stores'>): Promise<RoomSummary[]> {
  const names = await ctx.stores.rooms.list();
  return Promise.all(
    names.map(async (name) => ({ name, members: await ctx.stores.presence.count(name) })),
  );
}

/**
 * Creates a {@link RoomCountsNotifier}: the first change after a quiet
 * interval is sent on the next turn of the event loop; changes during the
 * interval after a notice are sent together once it ends.
 */
export function createRoomCountsNotifier(
  io: ChatIo,
  ctx: Pick<ChatContext, 'stores' | 'options'>,
  intervalMs: number,
): RoomCountsNotifier {
  let timer: NodeJS.Timeout | undefined;
  let lastSent = Number.NEGATIVE_INFINITY;
  let disposed = false;

  const send = async () => {
    timer = undefined;
    lastSent = Date.now();
    io.to(roomCountsWatchers).emit('room:counts', { rooms: await roomSummaries(ctx) });
  };

  return {
    changed() {
      if (disposed || timer) return;
      const wait = Math.max(0, lastSent + intervalMs - Date.now());
      timer = setTimeout(() => {
        send().catch((error: unknown) =>
          ctx.options.logger.error('sending room counts failed', error),
        );
      }, wait);
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
