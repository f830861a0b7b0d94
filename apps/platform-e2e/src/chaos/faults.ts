import { setTimeout as delay } from 'node:timers/promises';
import { APP_NAMES, localEndpoints, type AppName } from '@platform/config';
import { query, waitFor } from '@platform/testing';
import type { ChaosStack } from './chaos-stack';

export interface Fault {
  name: string;
  /** Does the damage and returns once it is done (the outage, if any, has ended). */
  inflict(stack: ChaosStack): Promise<void>;
}

export interface FaultRecord {
  fault: string;
  /** Seconds since the run started. */
  at: number;
  /** Seconds from the fault to every app answering ready again. */
  recoveredAfter: number;
}

/** SIGKILL, no goodbye: the launcher notices and starts it again, as a supervisor would. */
export function killApp(app: AppName): Fault {
  return {
    name: `SIGKILL ${app}`,
    inflict: async ({ platform }) => {
      const pid = platform.apps.get(app)?.child.pid;
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
    },
  };
}

export function restartBroker(downSeconds: number): Fault {
  return {
    name: `Kafka down for ${downSeconds} s`,
    inflict: async ({ infra }) => {
      await infra('down', 'kafka');
      await delay(downSeconds * 1000);
      await infra('up', 'kafka');
    },
  };
}

export function restartRegistry(downSeconds: number): Fault {
  return {
    name: `registry down for ${downSeconds} s`,
    inflict: async ({ infra }) => {
      await infra('down', 'registry');
      await delay(downSeconds * 1000);
      await infra('up', 'registry');
    },
  };
}

/**
 * PostgreSQL refusing the run's databases for a while: every open connection of theirs terminated,
 * and new ones refused, as during a database restart, without restarting the machine's server.
 */
export function cutDatabase(downSeconds: number): Fault {
  return {
    name: `PostgreSQL connections cut for ${downSeconds} s`,
    inflict: async ({ databases }) => {
      const admin = localEndpoints().databaseUrl('postgres');
      const names = [...Object.values(databases.app), databases.registry];
      const allow = (yes: boolean) =>
        Promise.all(names.map((name) => query(admin, `ALTER DATABASE "${name}" ALLOW_CONNECTIONS ${yes}`)));
      await allow(false);
      try {
        await query(
          admin,
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1::text[]) AND pid <> pg_backend_pid()',
          [names],
        );
        await delay(downSeconds * 1000);
      } finally {
        await allow(true);
      }
    },
  };
}

/** Every fault the issue names, once: each app killed in turn, the broker, the registry, the database. */
export function everyFaultOnce(): Fault[] {
  return [...APP_NAMES.map(killApp), restartBroker(10), restartRegistry(5), cutDatabase(5)];
}

export async function allAppsReady(timeoutMs: number): Promise<void> {
  const endpoints = localEndpoints();
  await waitFor(
    async () => {
      const answers = await Promise.all(
        APP_NAMES.map((app) =>
          fetch(`${endpoints.appUrl(app)}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
            (response) => response.ok,
            () => false,
          ),
        ),
      );
      return answers.every(Boolean);
    },
    { description: 'every app to answer ready', timeoutMs, intervalMs: 250 },
  );
}
