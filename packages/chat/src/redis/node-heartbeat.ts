import type { ChatCluster, ChatClusterNode } from '../server/cluster.ts';
import type { ChatLogger } from '../server/options.ts';
import type { RedisStores } from './create-redis-stores.ts';
import { defineScript } from './run-script.ts';

// Each node writes its heartbeat (Redis's own clock, so the nodes' clocks
// need not agree) into one sorted set, and in the same script reads which
// other nodes have been silent longer than the timeout. It reaps those
// (node-reaper.ts: exactly one node wins each) and tells its chat who left.
// A node that finds itself missing from the set was reaped while alive (a
// long pause) or Redis restarted empty: it resyncs (drops its connections,
// which come back and register again).

const beat = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if ARGV[2] ~= '1' and not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return {-1} end
redis.call('ZADD', KEYS[1], now, ARGV[1])
local out = {1}
for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))) do
  if node ~= ARGV[1] then table.insert(out, node) end
end
return out
`;

/** Options of {@link createHeartbeat}. */
export interface HeartbeatOptions {
  intervalMs: number;
  timeoutMs: number;
  logger: ChatLogger | undefined;
}

/** The {@link ChatCluster} that keeps this node alive in Redis and reaps the dead ones. */
export function createHeartbeat(
  stores: RedisStores,
  { intervalMs, timeoutMs, logger }: HeartbeatOptions,
): ChatCluster {
  const run = defineScript(stores.client, beat);
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;
  let node: ChatClusterNode | undefined;
  const log: ChatLogger = logger ?? {
    error: (message, cause) => console.warn(`[@funws/chat/redis] ${message}`, cause),
  };
  const report = (error: unknown) =>
    log.error('the cluster heartbeat failed; trying again at the next beat', error);

  const register = async () => {
    await run([stores.keys.nodes], [stores.nodeId, '1', timeoutMs]);
  };

  const tickOnce = async (chat: ChatClusterNode) => {
    const [status, ...dead] = (await run([stores.keys.nodes], [stores.nodeId, '0', timeoutMs])) as [
      number,
      ...string[],
    ];
    if (status === -1) {
      await chat.resync(async () => {
        // Whatever is left of this node's sockets is stale: they are gone and will register again.
        await stores.reapNode(stores.nodeId, { force: true });
        await register();
      });
      return;
    }
    for (const other of dead) {
      const left = await stores.reapNode(other);
      if (left.length > 0) await chat.membersLeft(left);
    }
  };

  const tick = () => {
    if (stopped || ticking || !node) return;
    ticking = tickOnce(node)
      .catch(report)
      .finally(() => {
        ticking = undefined;
      });
  };
  // After a reconnection (Redis restarted, or the network came back), beat at once.
  const onReady = () => tick();

  return {
    async start(chat) {
      // The stores' first clean-up of this node id, or, when it failed (Redis was
      // away) and the chat is trying to start again, a new one.
      const departures = await stores.ready.catch(() =>
        stores.reapNode(stores.nodeId, { force: true }),
      );
      await register();
      node = chat;
      if (departures.length > 0) await chat.membersLeft(departures);
      timer = setInterval(tick, intervalMs);
      stores.client.on('ready', onReady);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      stores.client.off('ready', onReady);
      // With Redis away, a beat waits for it (and a goodbye would too): do not wait for Redis to stop.
      if (stores.client.status !== 'ready') {
        await stores.close();
        await ticking;
        return;
      }
      await ticking;
      // A node that leaves cleanly says so, rather than waiting to be found dead (its sockets are gone already).
      await stores.client.zrem(stores.keys.nodes, stores.nodeId).catch(() => {});
      await stores.close();
    },
  };
}
