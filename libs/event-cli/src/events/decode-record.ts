/**
 * A record read from a topic, decoded with the writer's schema from the registry: whatever version
 * produced it, the tool shows every field it was written with.
 */
import type { EventEnvelope, PlatformEvent } from '@platform/contracts';
import { type AvroCodec, describeError, isPermanent } from '@platform/messaging';
import type { TopicRecord } from '../reading/read-topics';

export type RecordPosition = Pick<TopicRecord, 'topic' | 'partition' | 'offset' | 'timestamp' | 'key'>;

export interface DecodedEvent extends RecordPosition {
  event: PlatformEvent;
}

/** Not Avro in the registry's wire format, of a schema the registry does not know, or not an event. */
export interface UndecodableRecord extends RecordPosition {
  decodeError: string;
}

export type DecodedRecord = DecodedEvent | UndecodableRecord;

export function isDecoded(record: DecodedRecord): record is DecodedEvent {
  return 'event' in record;
}

/** A registry that does not answer throws: that is an outage, not a property of the message. */
export async function decodeRecord(codec: AvroCodec, record: TopicRecord): Promise<DecodedRecord> {
  const position: RecordPosition = {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: record.key,
  };
  let value: unknown;
  try {
    value = await codec.decode(record.value);
  } catch (error) {
    if (!isPermanent(error)) throw error;
    return { ...position, decodeError: describeError(error) };
  }
  if (!isPlatformEvent(value))
    return { ...position, decodeError: 'Decoded, but not an event: it has no envelope with an eventType' };
  return { ...position, event: value };
}

function isPlatformEvent(value: unknown): value is PlatformEvent {
  const envelope = (value as { envelope?: Partial<EventEnvelope> } | null)?.envelope;
  return typeof envelope?.eventType === 'string' && typeof envelope.eventId === 'string';
}
