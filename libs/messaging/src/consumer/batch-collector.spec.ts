import type { EachBatchPayload } from 'kafkajs';
import pino from 'pino';
import { BatchCollector } from './batch-collector';
import type { IncomingMessage } from './incoming-message';

/** An offset commit the test lets through when it wants to. */
interface HeldCommit {
  offsets: { topic: string; partitions: { partition: number; offset: string }[] }[];
  release: () => void;
}

/**
 * kafkajs hands eachBatch a payload; this one carries records of one partition and records the
 * offset commits asked of it, holding each until the test releases it.
 */
function batchOf(offsets: number[], commits: HeldCommit[], partition = 0): EachBatchPayload {
  return {
    batch: {
      topic: 'orders.order-placed',
      partition,
      highWatermark: String(Math.max(...offsets) + 1),
      messages: offsets.map((offset) => ({
        offset: String(offset),
        key: Buffer.from('order-1'),
        value: Buffer.from('{}'),
        headers: {},
        timestamp: '0',
        attributes: 0,
      })),
    },
    isRunning: () => true,
    isStale: () => false,
    heartbeat: async () => undefined,
    resolveOffset: () => undefined,
    commitOffsetsIfNecessary: (request: { topics: HeldCommit['offsets'] }) =>
      new Promise<void>((release) => commits.push({ offsets: request.topics, release })),
  } as unknown as EachBatchPayload;
}

function collector(
  applied: string[][],
  { offsetCommitIntervalMs = 0, lanes = 1, label = (m: IncomingMessage) => m.offset } = {},
): BatchCollector {
  return new BatchCollector({
    pipeline: { process: async (messages) => void applied.push(messages.map(label)) },
    logger: pino({ level: 'silent' }),
    maxBatchSize: 100,
    lanes,
    heartbeatIntervalMs: 60_000,
    offsetCommitIntervalMs,
  });
}

describe('BatchCollector offset commits', () => {
  it('fetches on while an offset commit is in flight, and commits what was applied meanwhile in one request', async () => {
    const commits: HeldCommit[] = [];
    const applied: string[][] = [];
    const batches = collector(applied);

    await batches.eachBatch(batchOf([0, 1], commits));
    // The first commit is still in flight; kafkajs's next fetches are handed over regardless.
    await batches.eachBatch(batchOf([2], commits));
    await batches.eachBatch(batchOf([3, 4], commits));

    expect(applied).toEqual([['0', '1'], ['2'], ['3', '4']]);
    expect(commits.map((c) => c.offsets)).toEqual([
      [{ topic: 'orders.order-placed', partitions: [{ partition: 0, offset: '2' }] }],
    ]);
    commits[0]!.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits.map((c) => c.offsets)).toEqual([
      [{ topic: 'orders.order-placed', partitions: [{ partition: 0, offset: '2' }] }],
      [{ topic: 'orders.order-placed', partitions: [{ partition: 0, offset: '5' }] }],
    ]);
  });

  it('drains only once every applied offset is committed', async () => {
    const commits: HeldCommit[] = [];
    const batches = collector([]);
    await batches.eachBatch(batchOf([7], commits));

    let drained = false;
    const draining = batches.drain(10_000).then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);

    commits[0]!.release();
    await draining;
    expect(commits.map((c) => c.offsets[0]!.partitions)).toEqual([[{ partition: 0, offset: '8' }]]);
  });

  it('commits offsets at most once per interval, and at once when draining', async () => {
    const commits: HeldCommit[] = [];
    const batches = collector([], { offsetCommitIntervalMs: 60_000 });
    await batches.eachBatch(batchOf([0], commits));
    commits[0]!.release();

    await batches.eachBatch(batchOf([1], commits));
    await batches.eachBatch(batchOf([2], commits));
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits).toHaveLength(1);

    const draining = batches.drain(10_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits.map((c) => c.offsets[0]!.partitions)).toEqual([
      [{ partition: 0, offset: '1' }],
      [{ partition: 0, offset: '3' }],
    ]);
    commits[1]!.release();
    await draining;
  });
});

describe('BatchCollector transactions', () => {
  const partitionAndOffset = (m: IncomingMessage) => `${m.partition}:${m.offset}`;

  /** kafkajs hands every partition's batch of one fetch over in the same turn of the event loop. */
  async function oneFetch(batches: BatchCollector, partitions: Record<number, number[]>): Promise<void> {
    const commits: HeldCommit[] = [];
    const handedOver = Object.entries(partitions).map(([partition, offsets]) =>
      batches.eachBatch(batchOf(offsets, commits, Number(partition))),
    );
    await Promise.all(handedOver);
    commits.forEach((commit) => commit.release());
  }

  it('applies every partition of one fetch in one transaction, each partition in offset order', async () => {
    const applied: string[][] = [];
    await oneFetch(collector(applied, { label: partitionAndOffset }), { 0: [4, 5], 1: [9], 2: [1, 2] });

    expect(applied).toEqual([['0:4', '0:5', '1:9', '2:1', '2:2']]);
  });

  it('with lanes, applies the partitions whose numbers are equal modulo the lane count together', async () => {
    const applied: string[][] = [];
    const batches = collector(applied, { lanes: 3, label: partitionAndOffset });
    await oneFetch(batches, { 0: [4, 5], 1: [9], 3: [7] });

    expect(applied).toEqual([['0:4', '0:5', '3:7'], ['1:9']]);
  });
});
