import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { AvroCodec } from '../codec/avro-codec';
import { HEADER, headerText } from '../codec/envelope-headers';
import { describeError, isPermanent } from '../errors';
import { assertTopicExists } from '../kafka/topic-not-found';
import { DEAD_LETTER_HEADER, REDRIVE_HEADER } from './dead-letter-headers';

export interface ListDeadLettersOptions {
  kafka: Kafka;
  deadLetterTopic: string;
  /** With a codec each value is decoded (writer's schema) into `event`, or `decodeError` says why not. */
  codec?: AvroCodec;
  /** Reading stops with an error if the topic's current end is not reached by then. */
  timeoutMs?: number;
}

/** One dead-lettered message: where it sits, what it was, where it came from and why it failed. */
export interface DeadLetter {
  partition: number;
  offset: string;
  /** When the dead-letter record was written (broker timestamp). */
  timestamp: string;
  key: string | null;
  value: Buffer | null;
  eventId: string | undefined;
  eventType: string | undefined;
  originalTopic: string | undefined;
  originalPartition: number | undefined;
  originalOffset: string | undefined;
  consumerGroup: string | undefined;
  errorCode: string | undefined;
  errorClass: string | undefined;
  errorMessage: string | undefined;
  attempts: number | undefined;
  failedAt: string | undefined;
  /** How often this message was re-driven before it failed again (0 if never). */
  redriveCount: number;
  /** Every header as text, the original event's and the dead-letter ones. */
  headers: Record<string, string>;
  event?: unknown;
  decodeError?: string;
}

/**
 * Reads a dead-letter topic from its start up to its end as of the call, committing nothing: a
 * throwaway consumer group (deleted afterwards), since kafkajs has no group-less assignment.
 * Values are not decoded unless a codec is given: a message is often dead-lettered precisely
 * because it cannot be, and the headers alone say what it was and why it failed.
 */
export async function listDeadLetters({
  kafka,
  deadLetterTopic,
  codec,
  timeoutMs = 60_000,
}: ListDeadLettersOptions): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await assertTopicExists(admin, deadLetterTopic);
    const remaining = new Map<number, bigint>();
    for (const { partition, high, low } of await admin.fetchTopicOffsets(deadLetterTopic)) {
      if (BigInt(high) > BigInt(low)) remaining.set(partition, BigInt(high));
    }
    if (remaining.size === 0) return [];

    const groupId = `${deadLetterTopic}.list-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const messages: { partition: number; message: KafkaMessage }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Reading ${deadLetterTopic} did not reach its end within ${timeoutMs} ms`)),
          timeoutMs,
        );
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const end = remaining.get(partition);
              if (end === undefined) return;
              messages.push({ partition, message });
              if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
              if (remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      }).finally(() => clearTimeout(timer));
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    const letters = messages
      .sort(
        (a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)),
      )
      .map(({ partition, message }) => toDeadLetter(partition, message));
    if (codec) await Promise.all(letters.map((letter) => decodeInto(letter, codec)));
    return letters;
  } finally {
    await admin.disconnect();
  }
}

function toDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const text = (name: string) => headerText(message.headers, name);
  const number = (name: string) => {
    const value = text(name);
    return value === undefined ? undefined : Number(value);
  };
  return {
    partition,
    offset: message.offset,
    timestamp: new Date(Number(message.timestamp)).toISOString(),
    key: message.key?.toString() ?? null,
    value: message.value,
    eventId: text(HEADER.eventId),
    eventType: text(HEADER.eventType),
    originalTopic: text(DEAD_LETTER_HEADER.originalTopic),
    originalPartition: number(DEAD_LETTER_HEADER.originalPartition),
    originalOffset: text(DEAD_LETTER_HEADER.originalOffset),
    consumerGroup: text(DEAD_LETTER_HEADER.consumerGroup),
    errorCode: text(DEAD_LETTER_HEADER.errorCode),
    errorClass: text(DEAD_LETTER_HEADER.errorClass),
    errorMessage: text(DEAD_LETTER_HEADER.errorMessage),
    attempts: number(DEAD_LETTER_HEADER.attempts),
    failedAt: text(DEAD_LETTER_HEADER.failedAt),
    redriveCount: number(REDRIVE_HEADER.redriveCount) ?? 0,
    headers: allHeaders(message.headers),
  };
}

function allHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const value = headerText(headers, name);
    if (value !== undefined) result[name] = value;
  }
  return result;
}

async function decodeInto(letter: DeadLetter, codec: AvroCodec): Promise<void> {
  try {
    letter.event = await codec.decode(letter.value);
  } catch (error) {
    // Undecodable or of an unknown schema is an answer; a registry that does not answer is not.
    if (!isPermanent(error)) throw error;
    letter.decodeError = describeError(error);
  }
}
