import type { RoomName, UserId } from '../protocol/index.ts';
import type { MaybePromise } from './types.ts';

/**
 * A user who left a room because the server process holding their sockets
 * went away (it crashed, or was presumed dead).
 *
 * @example
 * const departure: ClusterDeparture = { room: 'general', userId: 'u1' };
 */
export interface ClusterDeparture {
  /** The room they left. */
  room: RoomName;
  /** Who left it. */
  userId: UserId;
}

/**
 * What `createChatServer` lets a cluster tell it: the few things that happen
 * to a node from outside, rather than through one of its own sockets.
 *
 * @example
 * await node.membersLeft([{ room: 'general', userId: 'u1' }]);
 */
export interface ChatClusterNode {
  /**
   * Members of another node that died: the chat tells each room they left
   * (`presence:diff`), ends their typing and updates the room counts. Their
   * entries are already gone from the stores.
   */
  membersLeft(departures: readonly ClusterDeparture[]): Promise<void>;
  /**
   * This node's share of the shared state was lost (the shared store
   * restarted empty, or the others presumed this node dead): the chat drops
   * every connection of this node, waits for their clean-up, creates the
   * start-up rooms again, runs `reset` (which re-registers the node), and
   * only then accepts connections. The clients reconnect by themselves and
   * register again, joins and all.
   */
  resync(reset: () => Promise<void>): Promise<void>;
}

/**
 * Makes a chat server one node among several sharing their stores (see
 * `redisCluster` in `@funws/chat/redis`). `createChatServer` calls `start`
 * once and awaits it before accepting connections, and `stop` from
 * `close()`, after every socket's clean-up.
 *
 * @example
 * const cluster: ChatCluster = {
 *   start: async (node) => watchOtherNodes((left) => node.membersLeft(left)),
 *   stop: async () => stopWatching(),
 * };
 * createChatServer(httpServer, { stores, cluster });
 */
export interface ChatCluster {
  /**
   * Joins the cluster: `createChatServer` calls it once, with what the
   * cluster may ask of this server, and accepts connections once it resolves.
   */
  start(node: ChatClusterNode): MaybePromise<void>;
  /** Leaves the cluster: `close()` calls it after every socket's clean-up. */
  stop(): MaybePromise<void>;
  /**
   * Runs `run` (a store write, then the emit that announces the whole new
   * value: poll counts, reactions, typists) while no other node runs one
   * for the same `key`, so that the emits reach clients in the order of the
   * writes and the last one they hold is the latest. Without it, a single
   * process needs nothing: its writes and emits already keep their order.
   */
  inOrder?<T>(key: string, run: () => Promise<T>): Promise<T>;
}

/**
 * Runs `run` through the cluster's {@link ChatCluster.inOrder}, or directly on a single server.
 *
 * @example
 * await inOrder(ctx.options.cluster, `poll:${pollId}`, async () => { await write(); emit(); });
 */
export function inOrder<T>(
  cluster: ChatCluster | undefined,
  key: string,
  run: () => Promise<T>,
): Promise<T> {
  return cluster?.inOrder ? cluster.inOrder(key, run) : run();
}
