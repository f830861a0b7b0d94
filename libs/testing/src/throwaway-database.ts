import { localEndpoints } from '@platform/config';
import { uniqueName } from './unique-name';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';

export interface ThrowawayDatabase {
  name: string;
  url: string;
  /**
   * Drops the database once the connections of its clients have closed (a pool's idle clients close
   * a moment after `end()` resolves; a forced drop would hit them, and an unhandled 'error' on their
   * pool fails the test). Connections still open after a few seconds, left by a failed test, are ended.
   */
  drop(): Promise<void>;
}

/** A fresh database on the local server, so test files never see each other's tables. */
export async function createThrowawayDatabase(prefix = 'database-test'): Promise<ThrowawayDatabase> {
  const endpoints = localEndpoints();
  const name = uniqueName(prefix);
  await admin(endpoints.databaseUrl('postgres'), `CREATE DATABASE "${name}"`);
  return {
    name,
    url: endpoints.databaseUrl(name),
    drop: () => dropWhenUnused(endpoints.databaseUrl('postgres'), name),
  };
}

const SESSIONS_CLOSE_WITHIN_MS = 5_000;

async function dropWhenUnused(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const deadline = Date.now() + SESSIONS_CLOSE_WITHIN_MS;
    const sessions = async () =>
      Number(
        (
          await client.query<{ n: string }>(
            'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [name],
          )
        ).rows[0]!.n,
      );
    while ((await sessions()) > 0 && Date.now() < deadline) await delay(50);
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs one query against a database and returns its rows. */
export async function query<Row extends object>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
