import { formatTable } from '../cli/format-table';
import type { BrokerBaseline } from './broker-baseline';
import type { PipelineResult } from './pipeline-bench';
import type { PgbenchResult } from '@platform/testing';

export interface Baselines {
  broker?: BrokerBaseline;
  postgres?: PgbenchResult;
}

const whole = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits = 1) => n.toFixed(digits);

export function pipelineReport(result: PipelineResult): string {
  const { latencyMs: l } = result;
  return [
    'Messaging pipeline, end to end: outbox insert → relay → Kafka → consumer → inbox commit',
    formatTable(
      ['events', 'seconds', 'events/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        [
          whole(result.events),
          fixed(result.seconds, 2),
          fixed(result.eventsPerSecond),
          whole(l.p50),
          whole(l.p95),
          whole(l.p99),
          whole(l.max),
        ],
      ],
    ),
    `(${result.writers} writers, ${result.commits === 'grouped' ? 'concurrent events committed together' : 'one transaction per event'}, ${result.keys} keys, ${result.partitions} partitions, ` +
      `relay batch ${result.batchSize}, ${result.recordBytes}-byte values; enqueueing alone took ${fixed(result.enqueueSeconds, 2)} s)`,
  ].join('\n');
}

/** The pipeline's rate next to the ceilings of the two systems it is built on. */
export function baselineReport(baselines: Baselines, pipeline?: PipelineResult): string {
  const rows: string[][] = [];
  if (pipeline)
    rows.push([
      'this pipeline (events, end to end)',
      whole(pipeline.eventsPerSecond),
      `p50 ${whole(pipeline.latencyMs.p50)} ms, p99 ${whole(pipeline.latencyMs.p99)} ms`,
    ]);
  const { broker, postgres } = baselines;
  if (broker)
    rows.push([
      `Kafka alone: kafka-producer-perf-test, ${whole(broker.records)} × ${broker.recordBytes} B, acks=all`,
      whole(broker.recordsPerSecond),
      `avg ${fixed(broker.latencyMs.avg)} ms, p99 ${whole(broker.latencyMs.p99)} ms (${fixed(broker.megabytesPerSecond, 2)} MB/s)`,
    ]);
  if (postgres)
    rows.push([
      `PostgreSQL alone: ${postgres.command}`,
      whole(postgres.transactionsPerSecond),
      `avg ${fixed(postgres.latencyAverageMs, 2)} ms per transaction`,
    ]);
  const lines = ['Baselines on this machine', formatTable(['measured', 'per second', 'latency'], rows)];
  if (pipeline && postgres) {
    const ratio = pipeline.eventsPerSecond / postgres.transactionsPerSecond;
    lines.push(`pipeline events/s ÷ pgbench tps of the same run: ${ratio.toFixed(2)}`);
  }
  return lines.join('\n');
}
