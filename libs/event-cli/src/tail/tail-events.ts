/** Follows topics and hands over their events decoded, filtered, up to a maximum. */
import type { AvroCodec } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import { type DecodedRecord, decodeRecord } from '../events/decode-record';
import { readTopics } from '../reading/read-topics';
import { type EventFilter, matchesFilter } from './event-filter';

export interface TailOptions {
  kafka: Kafka;
  codec: AvroCodec;
  topics: readonly string[];
  /** From each partition's first retained offset; otherwise only what is produced from now on. */
  fromBeginning?: boolean;
  filter?: EventFilter;
  /** Stop after this many matching records; without it, follow until `signal` aborts. */
  max?: number;
  onEvent: (record: DecodedRecord) => void | Promise<void>;
  /** Called once the start offsets are fixed: anything produced afterwards will be seen. */
  onReady?: () => void;
  signal?: AbortSignal;
}

/** Resolves with the number of matching records once `max` is reached or `signal` aborts. */
export async function tailEvents({
  kafka,
  codec,
  topics,
  fromBeginning = false,
  filter = {},
  max,
  onEvent,
  onReady,
  signal,
}: TailOptions): Promise<{ matched: number }> {
  let matched = 0;
  if (max === 0) return { matched };
  await readTopics({
    kafka,
    topics,
    from: fromBeginning ? 'beginning' : 'end',
    until: 'follow',
    ...(onReady ? { onReady } : {}),
    ...(signal ? { signal } : {}),
    onRecord: async (record) => {
      const decoded = await decodeRecord(codec, record);
      if (!matchesFilter(decoded, filter)) return;
      matched++;
      await onEvent(decoded);
      if (max !== undefined && matched >= max) return 'stop';
    },
  });
  return { matched };
}
