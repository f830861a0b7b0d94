/**
 * `npm run bench:messaging -- --events N [--json] [--batch-size B] [--skip-baselines]`: a
 * benchmark, not a test. Measures the messaging pipeline end to end on a throwaway database and
 * topic, then the broker's and PostgreSQL's own ceilings on this machine for comparison. Needs the
 * local infrastructure running (npm run infra:up); removes what it created, except the registry
 * subject of its test schema.
 */
import { measurePgbench } from '@platform/testing';
import { createKafka } from '../kafka/kafka-settings';
import { kafkaSettings } from '../testing/messaging-fixture';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './bench-args';
import { benchLogger } from './bench-logger';
import { baselineReport, pipelineReport, type Baselines } from './bench-report';
import { measureBrokerBaseline } from './broker-baseline';
import { BENCH_PARTITIONS, runPipelineBench } from './pipeline-bench';

async function main(): Promise<number> {
  let args;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench:messaging: ${error.message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(BENCH_USAGE);
    return 0;
  }
  const logger = benchLogger('messaging-bench');
  const settings = kafkaSettings({ KAFKA_CLIENT_ID: 'messaging-bench' });
  const kafka = createKafka(settings, logger);
  // Ctrl-C stops the run where it is, and the cleanup still removes the database and topics.
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort(new Error('interrupted')));
  const progress = (text: string) => console.error(`[bench] ${text}`);

  progress(`pipeline: ${args.events} events through outbox → relay → Kafka → inbox`);
  const pipeline = await runPipelineBench({
    kafka,
    events: args.events,
    writers: args.writers,
    commits: args.commits,
    keys: args.keys,
    batchSize: args.batchSize,
    logger,
    signal: interrupt.signal,
    onProgress: ({ enqueued, processed }) =>
      progress(`enqueued ${enqueued}, processed ${processed} of ${args.events}`),
  });
  const baselines: Baselines = {};
  if (!args.skipBaselines) {
    progress(
      `baseline: kafka-producer-perf-test, ${args.baselineRecords} records of ${pipeline.recordBytes} bytes`,
    );
    baselines.broker = await measureBrokerBaseline(kafka, settings.KAFKA_BROKERS, {
      records: args.baselineRecords,
      recordBytes: pipeline.recordBytes,
      partitions: BENCH_PARTITIONS,
    });
    progress(`baseline: pgbench for ${args.pgbenchSeconds} s`);
    baselines.postgres = await measurePgbench({ seconds: args.pgbenchSeconds });
  }

  if (args.json) {
    const pipelineToPgbench = baselines.postgres
      ? pipeline.eventsPerSecond / baselines.postgres.transactionsPerSecond
      : undefined;
    console.log(JSON.stringify({ pipeline, baselines, pipelineToPgbench }));
  } else {
    console.log(pipelineReport(pipeline));
    if (!args.skipBaselines) console.log(`\n${baselineReport(baselines, pipeline)}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:messaging failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
