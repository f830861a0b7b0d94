import { formatTable } from '@platform/event-cli';
import type { PgbenchResult } from '@platform/testing';
import type { LoadResult } from './order-load';
import { COMPONENTS, type CpuFigures } from './platform-cpu';

export interface RateRun extends LoadResult {
  cpuSecondsPer1000Orders: CpuFigures;
  /** Requests the broker served per order, by kind (with KAFKA_JMX_PORT). */
  brokerRequestsPerOrder?: Record<string, number>;
  /** (settled orders/s × 5 commits per order) ÷ pgbench tps of the same run. */
  ratioToPgbench?: number;
}

export interface OrdersBenchReport {
  pgbench?: PgbenchResult;
  runs: RateRun[];
}

const right = (title: string) => ({ title, align: 'right' as const });

export function formatOrdersBenchReport({ pgbench, runs }: OrdersBenchReport): string {
  const lines = [
    'Orders through the whole saga: POST /orders → OrderConfirmed | OrderCancelled on Kafka',
    formatTable(
      [
        right('offered/s'),
        right('settled/s'),
        right('settled'),
        right('unsettled'),
        right('p50 ms'),
        right('p99 ms'),
        right('max ms'),
        right('POST p50'),
        right('POST p99'),
        right('×5/pgbench'),
      ],
      runs.map((run) => [
        String(run.offeredPerSecond),
        String(run.settledPerSecond),
        String(run.orders.settled),
        String(run.orders.unsettled + run.orders.failedRequests + run.orders.skippedAtConcurrencyLimit),
        String(run.postToFinalMs['p50']),
        String(run.postToFinalMs['p99']),
        String(run.postToFinalMs['max']),
        String(run.postResponseMs['p50']),
        String(run.postResponseMs['p99']),
        run.ratioToPgbench === undefined ? '-' : run.ratioToPgbench.toFixed(2),
      ]),
    ),
    '(unsettled counts orders not final within the settle timeout, failed POSTs and orders skipped at the concurrency limit)',
    '',
    'CPU seconds per 1,000 orders',
    formatTable(
      [right('offered/s'), ...COMPONENTS.map(right), right('total')],
      runs.map((run) => {
        const cpu = run.cpuSecondsPer1000Orders;
        const total = COMPONENTS.reduce(
          (sum, component) => sum + (Number.isNaN(cpu[component]) ? 0 : cpu[component]),
          0,
        );
        return [String(run.offeredPerSecond), ...COMPONENTS.map((c) => String(cpu[c])), total.toFixed(1)];
      }),
    ),
  ];
  for (const run of runs.filter((run) => run.hops)) {
    lines.push(
      '',
      `Hops at ${run.offeredPerSecond}/s (from each event's occurred-at header and Kafka timestamp, ms)`,
      formatTable(
        [{ title: 'hop' }, right('events'), right('p50'), right('p99')],
        run.hops!.map((hop) => [hop.hop, String(hop.count), String(hop.p50), String(hop.p99)]),
      ),
    );
  }
  const withRequests = runs.filter((run) => run.brokerRequestsPerOrder);
  if (withRequests.length) {
    lines.push('', 'Broker requests per order (JMX RequestMetrics)');
    for (const run of withRequests) {
      const figures = Object.entries(run.brokerRequestsPerOrder!).map(([request, n]) => `${request} ${n}`);
      lines.push(`  ${run.offeredPerSecond}/s: ${figures.join(', ')}`);
    }
  }
  if (pgbench) {
    lines.push(
      '',
      `Baseline in the same run: ${pgbench.command}: ${Math.round(pgbench.transactionsPerSecond)} tps`,
    );
  }
  return lines.join('\n');
}
