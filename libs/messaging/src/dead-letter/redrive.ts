import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';
import { headerText, HEADER } from '../codec/envelope-headers';
import { nextOffset } from '../consumer/kafka-records';
import { DEAD_LETTER_HEADER, REDRIVE_HEADER } from './dead-letter-headers';

export interface RedriveOptions {
  kafka: Kafka;
  deadLetterTopic: string;
  /** Only these events (by event-id header); read from the start of the topic, committing nothing. */
  eventIds?: string[];
  now?: () => Date;
}

export interface RedriveResult {
  redriven: { eventId: string | undefined; topic: string; fromOffset: string }[];
}

/**
 * Sends dead-lettered messages back to the topic they came from, unchanged, once their cause is
 * fixed. Without a selection it re-drives everything not re-driven before, remembered as the
 * offsets of the `<dead-letter topic>.redrive` consumer group; the original consumer then
 * processes them like any other message (its processed-events table still lets each through once).
 */
export async function redriveDeadLetters({
  kafka,
  deadLetterTopic,
  eventIds,
  now = () => new Date(),
}: RedriveOptions): Promise<RedriveResult> {
  const selective = eventIds !== undefined;
  const groupId = selective ? `${deadLetterTopic}.inspect-${randomUUID()}` : `${deadLetterTopic}.redrive`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(deadLetterTopic);
    const remaining = new Map<number, bigint>();
    const committed = selective
      ? []
      : ((await admin.fetchOffsets({ groupId, topics: [deadLetterTopic] }))[0]?.partitions ?? []);
    for (const { partition, high, low } of ends) {
      const start = BigInt(committed.find((c) => c.partition === partition)?.offset ?? '-1');
      const from = start >= 0n ? start : BigInt(low);
      if (BigInt(high) > from) remaining.set(partition, BigInt(high));
    }
    const result: RedriveResult = { redriven: [] };
    if (remaining.size === 0) return result;

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await Promise.all([producer.connect(), consumer.connect()]);
    try {
      await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const eventId = headerText(message.headers, HEADER.eventId);
              if (!selective || (eventId && eventIds.includes(eventId))) {
                const topic = headerText(message.headers, DEAD_LETTER_HEADER.originalTopic);
                if (topic) {
                  await producer.send({
                    topic,
                    acks: -1,
                    messages: [
                      {
                        key: message.key,
                        value: message.value,
                        headers: redriveHeaders(message.headers, now()),
                      },
                    ],
                  });
                  result.redriven.push({ eventId, topic, fromOffset: message.offset });
                }
              }
              if (!selective) {
                await consumer.commitOffsets([
                  { topic: deadLetterTopic, partition, offset: nextOffset(message.offset) },
                ]);
              }
              if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n))
                remaining.delete(partition);
              if (remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      if (selective) await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return result;
  } finally {
    await admin.disconnect();
  }
}

function redriveHeaders(headers: IHeaders | undefined, at: Date): IHeaders {
  const kept: IHeaders = {};
  const deadLetterNames = new Set<string>(Object.values(DEAD_LETTER_HEADER));
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!deadLetterNames.has(name) && value !== undefined) kept[name] = value;
  }
  const count = Number(headerText(headers, REDRIVE_HEADER.redriveCount) ?? '0') + 1;
  kept[REDRIVE_HEADER.redriveCount] = String(count);
  kept[REDRIVE_HEADER.redrivenAt] = at.toISOString();
  return kept;
}
