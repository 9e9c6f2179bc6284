/**
 * A real `redis-server` for a test: started on a free loopback port, keeping
 * nothing on disk, and stopped (or restarted empty) when the test says.
 * Needs Debian's `redis-server` (`sudo apt-get install redis-server`).
 *
 * @module
 */
export type { RedisServer } from './redis-server.ts';
export { startRedisServer } from './redis-server.ts';
