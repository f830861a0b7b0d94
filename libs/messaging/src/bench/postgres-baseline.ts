import { existsSync, readdirSync } from 'node:fs';
import { localEndpoints } from '@platform/config';
import { createThrowawayDatabase } from '@platform/testing';
import { runTool } from './broker-baseline';

export interface PostgresBaseline {
  tool: 'pgbench';
  clients: number;
  threads: number;
  seconds: number;
  transactionsPerSecond: number;
  latencyAverageMs: number;
}

/**
 * The server's commit rate with pgbench's standard TPC-B-like transaction (five statements, one
 * commit) on a throwaway database: the ceiling for anything that commits once per event, as the
 * outbox writers and the inbox consumer both do.
 */
export async function measurePostgresBaseline({
  clients = 4,
  threads = 2,
  seconds = 10,
}: { clients?: number; threads?: number; seconds?: number } = {}): Promise<PostgresBaseline> {
  const pgbench = findPgbench();
  const { postgres } = localEndpoints();
  const env = {
    ...process.env,
    PGHOST: postgres.host,
    PGPORT: String(postgres.port),
    PGUSER: postgres.user,
    PGPASSWORD: postgres.password,
  };
  const database = await createThrowawayDatabase('messaging-bench-pgbench');
  try {
    await runTool(pgbench, ['-i', '-q', database.name], env);
    const output = await runTool(
      pgbench,
      ['-c', String(clients), '-j', String(threads), '-T', String(seconds), database.name],
      env,
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
    if (!tps || !latency) throw new Error(`Unexpected pgbench output:\n${output}`);
    return {
      tool: 'pgbench',
      clients,
      threads,
      seconds,
      transactionsPerSecond: Number(tps),
      latencyAverageMs: Number(latency),
    };
  } finally {
    await database.drop();
  }
}

/** On PATH in most installs; Debian's server packages keep it under /usr/lib/postgresql/<version>/bin only. */
function findPgbench(): string {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    if (dir && existsSync(`${dir}/pgbench`)) return `${dir}/pgbench`;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    if (existsSync(`${root}/${version}/bin/pgbench`)) return `${root}/${version}/bin/pgbench`;
  }
  throw new Error(
    'pgbench not found on PATH or under /usr/lib/postgresql/*/bin; it ships with the PostgreSQL client tools',
  );
}
