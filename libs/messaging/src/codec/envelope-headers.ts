import { createHash } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import type { EventEnvelope } from '@platform/contracts';

/** Header names, readable in `kafka-console-consumer --formatter-property print.headers=true`. */
export const HEADER = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  occurredAt: 'occurred-at',
  source: 'source',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  traceparent: 'traceparent',
} as const;

/**
 * The envelope repeated as plain-text headers, so tools that cannot decode Avro still see which
 * event this is and which order flow it belongs to. The W3C traceparent derives its trace id from
 * the correlation id and its span id from the event id, so a tracing backend groups one order's
 * events into one trace without any tracing SDK in the services.
 */
export function envelopeHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [HEADER.eventId]: envelope.eventId,
    [HEADER.eventType]: envelope.eventType,
    [HEADER.eventVersion]: String(envelope.version),
    [HEADER.occurredAt]: new Date(envelope.occurredAt).toISOString(),
    [HEADER.source]: envelope.source,
    [HEADER.correlationId]: envelope.correlationId,
    [HEADER.traceparent]: traceparent(envelope),
  };
  if (envelope.causationId) headers[HEADER.causationId] = envelope.causationId;
  return headers;
}

export function traceparent({
  correlationId,
  eventId,
}: Pick<EventEnvelope, 'correlationId' | 'eventId'>): string {
  return `00-${hex(correlationId, 32)}-${hex(eventId, 16)}-01`;
}

/** Reads a header as text whatever form kafkajs delivered it in. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

// UUIDs are 32 hex digits once the dashes go; anything else is hashed into hex so the header stays
// valid. The last digits are taken: a UUIDv7 begins with its timestamp, so two ids made in the same
// millisecond share their first digits and differ only in their random end.
function hex(id: string, length: number): string {
  const digits = id.replace(/-/g, '').toLowerCase();
  if (/^[0-9a-f]+$/.test(digits) && digits.length >= length && !/^0+$/.test(digits.slice(-length))) {
    return digits.slice(-length);
  }
  return createHash('sha256').update(id).digest('hex').slice(0, length);
}
