/**
 * Job leases (PostgreSQL): a worker that takes a job holds it until its lease
 * runs out; while the worker lives, a heartbeat renews the leases of every
 * job it holds, so a lease is only the time a dead worker (SIGKILL, a lost
 * machine) keeps its jobs from the others, not a bound on how long a job may
 * take. Kept apart from the store so that the command line can name the
 * default without loading the database code.
 */

/** A worker silent for this long loses its jobs to another. */
export const DEFAULT_LEASE_MS = 10_000;
/** Heartbeats per lease: three can be missed (a busy event loop) before the lease runs out. */
const BEATS_PER_LEASE = 4;
/** The shortest heartbeat interval, whatever lease a test asks for. */
const MIN_BEAT_MS = 100;

export function heartbeatMs(leaseMs: number): number {
  return Math.max(MIN_BEAT_MS, Math.floor(leaseMs / BEATS_PER_LEASE));
}
