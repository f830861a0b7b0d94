/**
 * How long the apps' pools keep an idle PostgreSQL connection (node-postgres closes them after 10 s
 * by default). A connection opened again costs a new backend, whose catalog caches start cold, and
 * every prepared statement parsed and planned anew; keeping them through a lull of a few minutes
 * spares a burst that cost. (No latency difference was measurable with bench:orders on a 2-core
 * machine: this is the cheaper default, not a measured gain.)
 */
export const IDLE_CONNECTION_KEPT_MS = 5 * 60_000;
