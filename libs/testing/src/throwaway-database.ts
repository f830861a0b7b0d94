import { localEndpoints } from '@platform/config';
import { uniqueName } from './unique-name';
import { Client } from 'pg';

export interface ThrowawayDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any connection a failed test left open. */
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
    drop: () => admin(endpoints.databaseUrl('postgres'), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
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
