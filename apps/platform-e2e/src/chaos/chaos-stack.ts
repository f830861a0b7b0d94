import { execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { APP_NAMES, localEndpoints, type AppName } from '@platform/config';
import { applyContracts } from '@platform/contracts';
import { REPO_ROOT, startPlatform, type Platform } from '@platform/infra/launcher';
import { query } from '@platform/testing';

const run = promisify(execFile);
const INFRA = path.join(REPO_ROOT, 'infra', 'bin', 'infra');

/** What a chaos run needs to know about the stack it runs on. */
export interface ChaosStack {
  platform: Platform;
  /** The run's own infra script calls (kafka, registry): `infra('down', 'kafka')`. */
  infra(...args: string[]): Promise<void>;
  /** The app databases (and the registry's), for the PostgreSQL fault and the invariants. */
  databases: { app: Record<AppName, string>; registry: string };
  logFile: string;
  stop(): Promise<void>;
}

/**
 * A whole platform of the run's own: its own Kafka broker and schema registry (own ports and data
 * directory), its own app databases on the machine's PostgreSQL (APP_DATABASE_SUFFIX), its own app
 * ports, so restarting the broker or the registry disturbs nothing else (a developer's `npm start`,
 * the other test suites). The apps run under the launcher's supervision, as with `npm start`: one
 * that dies is started again with backoff.
 */
export async function startChaosStack(onNotice: (text: string) => void): Promise<ChaosStack> {
  const id = `${process.pid}${Date.now().toString(36).slice(-4)}`;
  const base = 21_000 + Math.floor(Math.random() * 80) * 100;
  const env: Record<string, string> = {
    INFRA_VAR_DIR: mkdtempSync(path.join(tmpdir(), 'chaos-')),
    KAFKA_PORT: String(base),
    KAFKA_CONTROLLER_PORT: String(base + 1),
    REGISTRY_PORT: String(base + 2),
    REGISTRY_MANAGEMENT_PORT: String(base + 3),
    REGISTRY_DATABASE: `registry_chaos_${id}`,
    APP_DATABASE_SUFFIX: `_chaos_${id}`,
    ORDER_PORT: String(base + 10),
    INVENTORY_PORT: String(base + 11),
    PAYMENT_PORT: String(base + 12),
    NOTIFICATION_PORT: String(base + 13),
    DEV_ISSUER_PORT: String(base + 14),
    KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
    REGISTRY_HEAP_OPTS: '-Xms64m -Xmx384m',
  };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  const infra = async (...args: string[]) => {
    await run('bash', [INFRA, ...args], { env: process.env, maxBuffer: 10_000_000 });
  };
  const endpoints = localEndpoints();
  const databases = {
    app: Object.fromEntries(APP_NAMES.map((app) => [app, endpoints.appDatabase(app)])) as Record<
      AppName,
      string
    >,
    registry: env['REGISTRY_DATABASE']!,
  };
  const logDir = path.join(REPO_ROOT, '.local', 'var', 'log');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `chaos-${id}.log`);
  const log: WriteStream = createWriteStream(logFile);
  let platform: Platform | undefined;
  const stop = async () => {
    await platform?.stopAll();
    await infra('down', 'kafka', 'registry').catch(() => undefined);
    const admin = endpoints.databaseUrl('postgres');
    for (const database of [...Object.values(databases.app), databases.registry]) {
      await query(admin, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    }
    // The apps' login roles (infra up postgres made one per database) are server-wide: drop them too.
    for (const app of APP_NAMES) {
      await query(admin, `DROP ROLE IF EXISTS "${endpoints.appDatabaseRole(app)}"`).catch(() => undefined);
    }
    log.end();
    rmSync(env['INFRA_VAR_DIR']!, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  try {
    await infra('up');
    await applyContracts();
    platform = await startPlatform({
      restartOnExit: true,
      onLine: (app, line) => log.write(`${app} | ${line}\n`),
      onNotice,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { platform, infra, databases, logFile, stop };
}
