import path from 'node:path';
import { REPO_ROOT } from '@platform/infra/launcher';
import { runTool } from '@platform/testing';

const KAFKA_RUN = path.join(REPO_ROOT, 'infra', 'bin', 'kafka-run');

/**
 * How many requests of each kind (Produce, Fetch, OffsetCommit, Heartbeat, ...) the broker has
 * served since it started, read from its JMX RequestMetrics with Kafka's own JmxTool. Needs the
 * broker started with KAFKA_JMX_PORT (infra up reads it); undefined without it.
 */
export async function brokerRequestCounts(
  warn: (text: string) => void = (text) => console.error(`[bench] ${text}`),
): Promise<Map<string, number> | undefined> {
  const port = process.env['KAFKA_JMX_PORT'];
  if (!port) return undefined;
  const output = await readRequestMetrics(port).catch((error: unknown) => {
    warn(
      `no broker request counts: nothing answers JMX on port ${port} (start the broker with ` +
        `KAFKA_JMX_PORT=${port} npm run infra:up); ${String(error).split('\n')[0]}`,
    );
    return undefined;
  });
  if (output === undefined) return undefined;
  const lines = output.split('\n').filter((line) => line.startsWith('"time"') || /^\d/.test(line));
  const header = csvFields(lines[0] ?? '');
  const values = csvFields(lines[1] ?? '');
  const counts = new Map<string, number>();
  header.forEach((name, index) => {
    const request = /request=([A-Za-z]+)/.exec(name)?.[1];
    // FetchConsumer and FetchFollower are the two halves of Fetch, counted again.
    if (request && request !== 'FetchConsumer' && request !== 'FetchFollower')
      counts.set(request, (counts.get(request) ?? 0) + Number(values[index] ?? 0));
  });
  return counts;
}

function readRequestMetrics(port: string): Promise<string> {
  return runTool(KAFKA_RUN, [
    'org.apache.kafka.tools.JmxTool',
    '--one-time',
    'true',
    '--jmx-url',
    `service:jmx:rmi:///jndi/rmi://127.0.0.1:${port}/jmxrmi`,
    '--object-name',
    'kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*,version=*',
    '--attributes',
    'Count',
  ]);
}

/** Requests of each kind between two readings, per order, the busiest first. */
export function requestsPerOrder(
  before: Map<string, number>,
  after: Map<string, number>,
  orders: number,
): Record<string, number> {
  const rows = [...after]
    .map(([request, count]) => [request, (count - (before.get(request) ?? 0)) / Math.max(orders, 1)] as const)
    .filter(([, perOrder]) => perOrder > 0.005)
    .sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(rows.map(([request, perOrder]) => [request, Math.round(perOrder * 100) / 100]));
}

function csvFields(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((match) => match[1] ?? match[2] ?? '');
}
