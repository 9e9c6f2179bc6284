import type { Member, RoomName, UserId } from '../../protocol/index.ts';

/**
 * What {@link PresenceStore.add} answers.
 *
 * @example
 * const { member, joined }: PresenceAddResult = await presence.add('general', member);
 */
export interface PresenceAddResult {
  /** The member as stored (its `joinedAt` is from the user's first socket). */
  member: Member;
  /** True when this was the user's first socket in the room: the user just joined. */
  joined: boolean;
}

/**
 * Who is in each room. A member is a user, whatever number of sockets (tabs)
 * they have in the room; the store counts those sockets so that the user
 * joins with the first and leaves with the last.
 *
 * @example
 * const presence: PresenceStore = createMemoryPresenceStore();
 * await presence.add('general', member);      // { member, joined: true }
 * await presence.add('general', member);      // { member, joined: false }: a second tab
 * await presence.remove('general', member.userId); // false: one tab is still there
 */
export interface PresenceStore {
  /** Counts one more socket of `member.userId` in `room`. */
  add(room: RoomName, member: Member): Promise<PresenceAddResult>;
  /** Counts one socket fewer; true when it was the user's last in the room: the user left. */
  remove(room: RoomName, userId: UserId): Promise<boolean>;
  /** The members of a room, in the order they joined. */
  members(room: RoomName): Promise<Member[]>;
  /** How many members (users, not sockets) a room has. */
  count(room: RoomName): Promise<number>;
}

/**
 * A {@link PresenceStore} in memory (one server process).
 *
 * @example
 * const chat = createChatServer(httpServer, { stores: { presence: createMemoryPresenceStore() } });
 */
export function createMemoryPresenceStore(): PresenceStore {
  const rooms = new Map<RoomName, Map<UserId, { member: Member; sockets: number }>>();
  return {
    async add(room, member) {
      let members = rooms.get(room);
      if (!members) {
        members = new Map();
        rooms.set(room, members);
      }
      const known = members.get(member.userId);
      if (known) {
        known.sockets += 1;
        return { member: { ...known.member }, joined: false };
      }
      members.set(member.userId, { member: { ...member }, sockets: 1 });
      return { member: { ...member }, joined: true };
    },
    async remove(room, userId) {
      const members = rooms.get(room);
      const known = members?.get(userId);
      if (!members || !known) return false;
      known.sockets -= 1;
      if (known.sockets > 0) return false;
      members.delete(userId);
      if (members.size === 0) rooms.delete(room);
      return true;
    },
    async members(room) {
      return [...(rooms.get(room)?.values() ?? [])].map(({ member }) => ({ ...member }));
    },
    async count(room) {
      return rooms.get(room)?.size ?? 0;
    },
  };
}
