/**
 * `npm run bench:messaging:baseline [-- --json] [--baseline-records R] [--pgbench-seconds S]`:
 * only the ceilings the pipeline is compared with: Kafka's own producer (kafka-producer-perf-test,
 * acks=all, records the size of the benchmark's events) and PostgreSQL's commit rate (pgbench).
 */
import { measurePgbench } from '@platform/testing';
import { createKafka } from '../kafka/kafka-settings';
import { kafkaSettings } from '../testing/messaging-fixture';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './bench-args';
import { benchLogger } from './bench-logger';
import { baselineReport } from './bench-report';
import { measureBrokerBaseline } from './broker-baseline';
import { BENCH_PARTITIONS } from './pipeline-bench';
import { benchRecordBytes } from './record-size';

async function main(): Promise<number> {
  let args;
  try {
    args = parseBenchArgs(process.argv.slice(2), { eventsRequired: false });
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench:messaging:baseline: ${error.message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(BENCH_USAGE);
    return 0;
  }
  const settings = kafkaSettings({ KAFKA_CLIENT_ID: 'messaging-baseline' });
  const kafka = createKafka(settings, benchLogger('messaging-baseline'));
  const recordBytes = benchRecordBytes();
  console.error(`[bench] kafka-producer-perf-test, ${args.baselineRecords} records of ${recordBytes} bytes`);
  const broker = await measureBrokerBaseline(kafka, settings.KAFKA_BROKERS, {
    records: args.baselineRecords,
    recordBytes,
    partitions: BENCH_PARTITIONS,
  });
  console.error(`[bench] pgbench for ${args.pgbenchSeconds} s`);
  const postgres = await measurePgbench({ seconds: args.pgbenchSeconds });
  console.log(
    args.json ? JSON.stringify({ baselines: { broker, postgres } }) : baselineReport({ broker, postgres }),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `bench:messaging:baseline failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
