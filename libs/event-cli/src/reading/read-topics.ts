/**
 * Reading topics without a consumer group of record: where each partition starts and (for a
 * bounded read) ends is fixed before the consumer joins, so nothing produced after the call began
 * is missed and a bounded read stops instead of waiting for more. Owns no decoding.
 */
import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';
import { assertTopicExists } from '@platform/messaging';

/** One message as it sits on its topic, undecoded. */
export interface TopicRecord {
  topic: string;
  partition: number;
  offset: string;
  /** Broker timestamp (ISO 8601). */
  timestamp: string;
  key: string | null;
  value: Buffer | null;
  headers: IHeaders | undefined;
}

export interface ReadTopicsOptions {
  kafka: Kafka;
  topics: readonly string[];
  /** Each partition's first retained offset, or its end as of the call. */
  from: 'beginning' | 'end';
  /** `end`: stop at each partition's end as of the call. `follow`: until `onRecord` says stop or `signal` aborts. */
  until: 'end' | 'follow';
  /** Called once per record, one at a time; return 'stop' to end the read. */
  onRecord: (record: TopicRecord) => Promise<'stop' | void> | 'stop' | void;
  /** Called once the start offsets are fixed: whatever is produced from then on will be read. */
  onReady?: () => void;
  signal?: AbortSignal;
  /** A bounded read fails if it has not reached every end by then. */
  timeoutMs?: number;
}

type PartitionKey = `${string}:${number}`;
const partitionKey = (topic: string, partition: number): PartitionKey => `${topic}:${partition}`;

/**
 * Reads the topics from the start or the end of each partition, in arrival order per partition.
 * kafkajs only consumes through a group, so a throwaway group (deleted afterwards, never committed)
 * does the fetching; the start offsets are applied by seeking and by skipping anything before them.
 */
export async function readTopics({
  kafka,
  topics,
  from,
  until,
  onRecord,
  onReady,
  signal,
  timeoutMs = 60_000,
}: ReadTopicsOptions): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) await assertTopicExists(admin, topic);
    // The next offset to hand out per partition, and (bounded reads) the end not to pass.
    const next = new Map<PartitionKey, bigint>();
    const ends = new Map<PartitionKey, bigint>();
    const unfinished = new Set<PartitionKey>();
    for (const topic of topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
        const key = partitionKey(topic, partition);
        const start = from === 'beginning' ? BigInt(low) : BigInt(high);
        next.set(key, start);
        ends.set(key, BigInt(high));
        if (until === 'end' && BigInt(high) > start) unfinished.add(key);
      }
    }
    onReady?.();
    if (until === 'end' && unfinished.size === 0) return;
    if (signal?.aborted) return;

    const groupId = `events-cli.read-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      await new Promise<void>((resolve, reject) => {
        let done = false;
        const finish = () => {
          done = true;
          resolve();
        };
        onAbort = finish;
        signal?.addEventListener('abort', onAbort, { once: true });
        if (until === 'end') {
          timer = setTimeout(
            () =>
              reject(new Error(`Reading ${topics.join(', ')} did not reach the end within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ topic, partition, message }) => {
              if (done) return;
              const key = partitionKey(topic, partition);
              const expected = next.get(key);
              const offset = BigInt(message.offset);
              // Before the start, or fetched again after the seek below: already handed out or not wanted.
              if (expected === undefined || offset < expected) return;
              next.set(key, offset + 1n);
              if (until === 'end' && offset >= ends.get(key)!) return;
              let verdict: 'stop' | void;
              try {
                verdict = await onRecord({
                  topic,
                  partition,
                  offset: message.offset,
                  timestamp: new Date(Number(message.timestamp)).toISOString(),
                  key: message.key?.toString() ?? null,
                  value: message.value,
                  headers: message.headers,
                });
              } catch (error) {
                // Thrown back at kafkajs, it would retry the message forever; the caller decides instead.
                done = true;
                return reject(error);
              }
              if (verdict === 'stop') return finish();
              if (until === 'end' && offset + 1n >= ends.get(key)!) {
                unfinished.delete(key);
                if (unfinished.size === 0) finish();
              }
            },
          })
          .then(() => {
            // The group starts every partition at its beginning; jump to the chosen start instead of
            // fetching history only to skip it.
            if (from === 'end')
              for (const [key, offset] of next) {
                const separator = key.lastIndexOf(':');
                consumer.seek({
                  topic: key.slice(0, separator),
                  partition: Number(key.slice(separator + 1)),
                  offset: offset.toString(),
                });
              }
          })
          .catch(reject);
      }).finally(() => {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener('abort', onAbort);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Every record on the topics from their beginning up to their end as of the call, then stops. */
export async function readTopicsToEnd(
  options: Pick<ReadTopicsOptions, 'kafka' | 'topics' | 'onRecord' | 'timeoutMs'>,
): Promise<void> {
  await readTopics({ ...options, from: 'beginning', until: 'end' });
}
