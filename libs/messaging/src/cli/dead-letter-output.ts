import type { DeadLetter } from '../dead-letter/list-dead-letters';
import type { RedriveResult } from '../dead-letter/redrive';
import { formatTable } from './format-table';

const MESSAGE_WIDTH = 60;

export function deadLetterTable(letters: DeadLetter[]): string {
  return formatTable(
    [
      'offset',
      'event id',
      'event type',
      'from topic/partition/offset',
      'group',
      'code',
      'class',
      'message',
      'failed at',
    ],
    letters.map((l) => [
      `${l.partition}:${l.offset}`,
      l.eventId ?? '-',
      l.eventType ?? '-',
      `${l.originalTopic ?? '?'}/${l.originalPartition ?? '?'}/${l.originalOffset ?? '?'}`,
      l.consumerGroup ?? '-',
      l.errorCode ?? '-',
      l.errorClass ?? '-',
      oneLine(l.errorMessage ?? '-'),
      l.failedAt ?? '-',
    ]),
  );
}

/** Everything the listing knows, value included (base64, since it may not be text or even Avro). */
export function deadLetterJson({ value, ...letter }: DeadLetter): string {
  return JSON.stringify({ ...letter, valueBase64: value?.toString('base64') ?? null }, (_key, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
}

export function redriveTable({ redriven }: RedriveResult): string {
  return formatTable(
    ['event id', 'sent back to', 'from dead-letter offset'],
    redriven.map((r) => [r.eventId ?? '-', r.topic, r.fromOffset]),
  );
}

// The table keeps one line per message; --json has the full text.
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MESSAGE_WIDTH ? `${flat.slice(0, MESSAGE_WIDTH - 1)}…` : flat;
}
