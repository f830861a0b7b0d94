import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { runTool } from '@platform/testing';
import { deleteTopics, uniqueName } from '../testing/messaging-fixture';

export interface BrokerBaseline {
  tool: 'kafka-producer-perf-test';
  records: number;
  recordBytes: number;
  acks: 'all';
  recordsPerSecond: number;
  megabytesPerSecond: number;
  latencyMs: { avg: number; p50: number; p95: number; p99: number; max: number };
}

const PERF_TEST = path.resolve(__dirname, '../../../../infra/bin/kafka-producer-perf-test');
const SUMMARY =
  /(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th/;

/**
 * The broker's own ceiling for records of the pipeline's size: Kafka's Java producer, acks=all,
 * unthrottled, on a throwaway topic with the pipeline topic's partition count. What the pipeline
 * adds on top of this (outbox, relay, consumer transactions) is the price of its guarantees.
 */
export async function measureBrokerBaseline(
  kafka: Kafka,
  brokers: string,
  { records, recordBytes, partitions = 3 }: { records: number; recordBytes: number; partitions?: number },
): Promise<BrokerBaseline> {
  const topic = uniqueName('bench.perf-test');
  // Created here (not by the tool): the broker does not auto-create topics. No schema: raw bytes.
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  await admin.disconnect();
  try {
    const output = await runTool(PERF_TEST, [
      '--topic',
      topic,
      '--num-records',
      String(records),
      '--record-size',
      String(recordBytes),
      '--throughput',
      '-1',
      '--bootstrap-server',
      brokers,
      '--command-property',
      'acks=all',
    ]);
    const match = SUMMARY.exec(output);
    if (!match) throw new Error(`Unexpected kafka-producer-perf-test output:\n${output}`);
    const [, sent, rate, mb, avg, max, p50, p95, p99] = match.map(Number);
    return {
      tool: 'kafka-producer-perf-test',
      records: sent!,
      recordBytes,
      acks: 'all',
      recordsPerSecond: rate!,
      megabytesPerSecond: mb!,
      latencyMs: { avg: avg!, p50: p50!, p95: p95!, p99: p99!, max: max! },
    };
  } finally {
    await deleteTopics(kafka, [topic]);
  }
}
