/**
 * How long the apps' pools keep an idle PostgreSQL connection (node-postgres closes them after 10 s
 * by default). A connection opened again costs a new backend, whose catalog caches start cold,
 * and every prepared statement parsed and planned anew: after a lull of more than 10 s the first
 * seconds of load ran at twice their usual latency (bench:orders at 100/s, per second of the run).
 */
export const IDLE_CONNECTION_KEPT_MS = 5 * 60_000;
