import { existsSync, readdirSync } from 'node:fs';
import { localEndpoints } from '@platform/config';
import { createThrowawayDatabase } from '../throwaway-database';
import { runTool } from './run-tool';

export interface PgbenchResult {
  tool: 'pgbench';
  /** The pgbench command line, minus connection settings. */
  command: string;
  clients: number;
  threads: number;
  seconds: number;
  transactionsPerSecond: number;
  latencyAverageMs: number;
}

/**
 * PostgreSQL's commit rate on this machine right now, the yardstick the benchmarks divide by:
 * these machines are shared and noisy, so a throughput is only comparable as a ratio to a baseline
 * taken in the same run. The default is `pgbench -N -c 8 -j 2 -T 10` (the "simple update"
 * transaction: three writes, one read, one commit) on a throwaway database.
 */
export async function measurePgbench({
  clients = 8,
  threads = 2,
  seconds = 10,
  simpleUpdate = true,
}: {
  clients?: number;
  threads?: number;
  seconds?: number;
  simpleUpdate?: boolean;
} = {}): Promise<PgbenchResult> {
  const pgbench = findPgbench();
  const { postgres } = localEndpoints();
  const env = {
    ...process.env,
    PGHOST: postgres.host,
    PGPORT: String(postgres.port),
    PGUSER: postgres.user,
    PGPASSWORD: postgres.password,
  };
  const args = [
    ...(simpleUpdate ? ['-N'] : []),
    '-c',
    String(clients),
    '-j',
    String(threads),
    '-T',
    String(seconds),
  ];
  const database = await createThrowawayDatabase('pgbench');
  try {
    await runTool(pgbench, ['-i', '-q', database.name], env);
    const output = await runTool(pgbench, [...args, database.name], env);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
    if (!tps || !latency) throw new Error(`Unexpected pgbench output:\n${output}`);
    return {
      tool: 'pgbench',
      command: `pgbench ${args.join(' ')}`,
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
