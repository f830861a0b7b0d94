import { readFileSync } from 'node:fs';
import { APP_NAMES, localEndpoints } from '@platform/config';
import {
  cpuSecondsBetween,
  cpuSecondsOf,
  pidListeningOn,
  processTreeCpu,
  type ProcessTreeCpu,
} from '@platform/testing';

/**
 * The processes whose CPU the benchmark accounts for: the four apps, the broker, the registry,
 * PostgreSQL, npm start's launcher (which relays and formats the apps' logs) and the benchmark.
 */
export const COMPONENTS = [...APP_NAMES, 'kafka', 'registry', 'postgres', 'launcher', 'bench'] as const;
export type Component = (typeof COMPONENTS)[number];
export type CpuFigures = Record<Component, number>;
export interface CpuSnapshot {
  seconds: Record<Exclude<Component, 'postgres'>, number>;
  postgres: ProcessTreeCpu | undefined;
}

/**
 * Finds each component by the port it listens on (so it does not matter how it was started) and
 * reads the CPU seconds it has used so far; PostgreSQL's include every backend process.
 */
export function platformProcesses(): Record<Exclude<Component, 'bench'>, number | undefined> {
  const endpoints = localEndpoints();
  const apps = Object.fromEntries(APP_NAMES.map((app) => [app, pidListeningOn(endpoints.appPort(app))]));
  return {
    ...(apps as Record<(typeof APP_NAMES)[number], number | undefined>),
    kafka: pidListeningOn(Number(endpoints.kafkaBrokers[0]!.split(':')[1])),
    registry: pidListeningOn(Number(new URL(endpoints.schemaRegistryUrl).port)),
    postgres: pidListeningOn(endpoints.postgres.port),
    launcher: launcherOf(apps['order']),
  };
}

/** The process that started the order app, when it is npm start's launcher. */
function launcherOf(appPid: number | undefined): number | undefined {
  if (appPid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${appPid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return readFileSync(`/proc/${parent}/cmdline`, 'utf8').includes('launcher/start') ? parent : undefined;
  } catch {
    return undefined;
  }
}

export function cpuSnapshot(pids: ReturnType<typeof platformProcesses>): CpuSnapshot {
  const usage = process.cpuUsage();
  const seconds = { bench: (usage.user + usage.system) / 1e6 } as CpuSnapshot['seconds'];
  for (const [component, pid] of Object.entries(pids)) {
    if (component === 'postgres') continue;
    seconds[component as keyof CpuSnapshot['seconds']] = pid === undefined ? NaN : cpuSecondsOf(pid);
  }
  return { seconds, postgres: pids.postgres === undefined ? undefined : processTreeCpu(pids.postgres) };
}

/** CPU seconds each component spent between two snapshots, per 1,000 orders. */
export function cpuPerThousandOrders(before: CpuSnapshot, after: CpuSnapshot, orders: number): CpuFigures {
  const result = {} as CpuFigures;
  for (const component of COMPONENTS) {
    const spent =
      component === 'postgres'
        ? before.postgres && after.postgres
          ? cpuSecondsBetween(before.postgres, after.postgres)
          : NaN
        : after.seconds[component] - before.seconds[component];
    result[component] = round((spent * 1000) / Math.max(orders, 1), 2);
  }
  return result;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
