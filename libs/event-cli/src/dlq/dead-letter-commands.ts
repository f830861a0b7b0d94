/**
 * `events dlq`: the messaging library's listDeadLetters and redriveDeadLetters over the apps'
 * dead-letter topics, with output for people and for scripts.
 */
import { APP_NAMES, type AppName } from '@platform/config';
import { DEAD_LETTER_APPS, deadLetterTopic } from '@platform/contracts';
import {
  type AvroCodec,
  type DeadLetter,
  type RedriveResult,
  assertTopicExists,
  listDeadLetters,
  redriveDeadLetters,
} from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import { type Colors, NO_COLORS } from '../text/colors';
import { formatTable } from '../text/table';

const MESSAGE_WIDTH = 60;

/** An app name stands for its topic dead-letters.<app>; anything else is taken as a topic name. */
export function deadLetterTopicFor(appOrTopic: string): string {
  return (APP_NAMES as readonly string[]).includes(appOrTopic)
    ? deadLetterTopic(appOrTopic as AppName)
    : appOrTopic;
}

/** The named app's (or topic's) dead-letter topic, or every consuming app's. */
export function deadLetterTopicsFor(appOrTopic: string | undefined): string[] {
  return appOrTopic === undefined ? DEAD_LETTER_APPS.map(deadLetterTopic) : [deadLetterTopicFor(appOrTopic)];
}

export interface TopicDeadLetters {
  topic: string;
  letters: DeadLetter[];
}

export async function listDeadLetterTopics({
  kafka,
  topics,
  codec,
}: {
  kafka: Kafka;
  topics: readonly string[];
  /** Decode each value too (JSON output then shows the event). */
  codec?: AvroCodec;
}): Promise<TopicDeadLetters[]> {
  const result: TopicDeadLetters[] = [];
  for (const topic of topics)
    result.push({
      topic,
      letters: await listDeadLetters({ kafka, deadLetterTopic: topic, ...(codec ? { codec } : {}) }),
    });
  return result;
}

export function deadLettersText(listing: readonly TopicDeadLetters[], colors: Colors = NO_COLORS): string {
  return listing
    .map(({ topic, letters }) => {
      const title = colors.bold(
        `${topic}: ${letters.length} dead-lettered message${letters.length === 1 ? '' : 's'}`,
      );
      if (letters.length === 0) return title;
      const table = formatTable(
        [
          { title: 'offset' },
          { title: 'event id' },
          { title: 'event type' },
          { title: 'from topic/partition/offset' },
          { title: 'code', style: (cell) => colors.red(cell) },
          { title: 'failed at' },
          { title: 'redriven', align: 'right' },
          { title: 'message' },
        ],
        letters.map((l) => [
          `${l.partition}:${l.offset}`,
          l.eventId ?? '-',
          l.eventType ?? '-',
          `${l.originalTopic ?? '?'}/${l.originalPartition ?? '?'}/${l.originalOffset ?? '?'}`,
          l.errorCode ?? '-',
          l.failedAt ?? '-',
          String(l.redriveCount),
          oneLine(l.errorMessage ?? '-'),
        ]),
      );
      return `${title}\n${table}`;
    })
    .join('\n\n');
}

/** One JSON object per dead letter, with its dead-letter topic and the value as base64 (it may not be Avro). */
export function deadLetterJsonLines(listing: readonly TopicDeadLetters[]): string[] {
  return listing.flatMap(({ topic, letters }) =>
    letters.map(({ value, ...letter }) =>
      JSON.stringify({ deadLetterTopic: topic, ...letter, valueBase64: value?.toString('base64') ?? null }),
    ),
  );
}

export interface RedriveOutcome extends RedriveResult {
  topic: string;
  /** Requested event ids that are not in the topic. */
  missing: string[];
}

/** Sends the selected (or all not yet re-driven) dead letters back to the topics they came from. */
export async function redriveTopic({
  kafka,
  topic,
  eventIds,
}: {
  kafka: Kafka;
  topic: string;
  eventIds?: string[];
}): Promise<RedriveOutcome> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // redriveDeadLetters would otherwise wait out kafkajs's retries on a missing topic.
    await assertTopicExists(admin, topic);
  } finally {
    await admin.disconnect();
  }
  const result = await redriveDeadLetters({
    kafka,
    deadLetterTopic: topic,
    ...(eventIds ? { eventIds } : {}),
  });
  const missing = (eventIds ?? []).filter((id) => !result.redriven.some((r) => r.eventId === id));
  return { ...result, topic, missing };
}

export function redriveText({ topic, redriven, missing }: RedriveOutcome, selective: boolean): string {
  const scope = selective ? 'the selected events' : 'everything not re-driven before';
  const lines = [
    `${topic}: re-drove ${redriven.length} message${redriven.length === 1 ? '' : 's'} (${scope})`,
  ];
  if (redriven.length > 0)
    lines.push(
      formatTable(
        [{ title: 'event id' }, { title: 'sent back to' }, { title: 'from dead-letter offset' }],
        redriven.map((r) => [r.eventId ?? '-', r.topic, r.fromOffset]),
      ),
    );
  if (missing.length > 0) lines.push(`not found in ${topic}: ${missing.join(', ')}`);
  return lines.join('\n');
}

// The table keeps one line per message; --json has the full text.
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MESSAGE_WIDTH ? `${flat.slice(0, MESSAGE_WIDTH - 1)}…` : flat;
}
