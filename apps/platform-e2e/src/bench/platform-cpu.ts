import { APP_NAMES, localEndpoints } from '@platform/config';
import { cpuSecondsOf, pidListeningOn } from '@platform/testing';

/** The processes whose CPU the benchmark accounts for: the four apps, the broker, the registry, PostgreSQL. */
export const COMPONENTS = [...APP_NAMES, 'kafka', 'registry', 'postgres', 'bench'] as const;
export type Component = (typeof COMPONENTS)[number];
export type CpuSnapshot = Record<Component, number>;

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
  };
}

export function cpuSnapshot(pids: ReturnType<typeof platformProcesses>): CpuSnapshot {
  const usage = process.cpuUsage();
  const snapshot = { bench: (usage.user + usage.system) / 1e6 } as CpuSnapshot;
  for (const [component, pid] of Object.entries(pids) as [
    Exclude<Component, 'bench'>,
    number | undefined,
  ][]) {
    snapshot[component] = pid === undefined ? NaN : cpuSecondsOf(pid, { children: component === 'postgres' });
  }
  return snapshot;
}

/** CPU seconds each component spent between two snapshots, per 1,000 orders. */
export function cpuPerThousandOrders(before: CpuSnapshot, after: CpuSnapshot, orders: number): CpuSnapshot {
  const result = {} as CpuSnapshot;
  for (const component of COMPONENTS) {
    result[component] = round(((after[component] - before[component]) * 1000) / Math.max(orders, 1), 2);
  }
  return result;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
