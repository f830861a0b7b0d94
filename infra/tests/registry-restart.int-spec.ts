import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Client } from 'pg';
import { localEndpoints } from '@platform/config';

const run = promisify(execFile);
const infraScript = path.resolve(__dirname, '../bin/infra');

/**
 * Runs a second registry of its own (own port, state folder and database) through the same
 * infra script people use, so restarting it cannot disturb other tests sharing the main one.
 */
const port = 18_000 + Math.floor(Math.random() * 1000);
const database = `registry_restart_${process.pid}`;
const env = {
  ...process.env,
  REGISTRY_PORT: String(port),
  REGISTRY_MANAGEMENT_PORT: String(port + 1),
  REGISTRY_DATABASE: database,
  INFRA_VAR_DIR: mkdtempSync(path.join(tmpdir(), 'infra-restart-')),
};
const infra = (...args: string[]) => run('bash', [infraScript, ...args], { env });
const status = () =>
  infra('status', 'registry').then(
    ({ stdout }) => ({ healthy: true, stdout }),
    (error: { stdout: string }) => ({ healthy: false, stdout: error.stdout }),
  );

const registry = new SchemaRegistry({ host: `http://localhost:${port}/apis/ccompat/v7` });
const schema = (name: string) =>
  JSON.stringify({
    type: 'record',
    name,
    namespace: 'infra.restart',
    fields: [{ name: 'id', type: 'string' }],
  });

afterAll(async () => {
  await infra('down', 'registry');
  const admin = new Client({ connectionString: localEndpoints().databaseUrl('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists "${database}" with (force)`);
  await admin.end();
  rmSync(env.INFRA_VAR_DIR, { recursive: true, force: true });
});

it('keeps every schema under the same id across a restart, and status tells the truth', async () => {
  await infra('up', 'postgres', 'registry');
  expect(await status()).toEqual({ healthy: true, stdout: expect.stringMatching(/^registry\s+up/) });

  const ids: number[] = [];
  for (const name of ['First', 'Second', 'Third']) {
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: schema(name) },
      { subject: `infra.restart.${name}-value` },
    );
    ids.push(id);
  }
  expect(new Set(ids).size).toBe(3);

  await infra('down', 'registry');
  expect(await status()).toEqual({ healthy: false, stdout: expect.stringMatching(/^registry\s+down/) });

  await infra('up', 'registry');
  for (const [index, name] of ['First', 'Second', 'Third'].entries()) {
    expect(await registry.getRegistryId(`infra.restart.${name}-value`, 'latest')).toBe(ids[index]);
    const restored = (await registry.getSchema(ids[index]!)) as unknown as { name: string };
    expect(restored.name).toBe(`infra.restart.${name}`);
  }
}, 300_000);
