import { type DecodedRecord, isDecoded } from '../events/decode-record';

/** Which events to show; an absent criterion lets everything through. */
export interface EventFilter {
  orderId?: string;
  correlationId?: string;
}

/** A record that could not be decoded passes only an empty filter: nothing says whose it is. */
export function matchesFilter(record: DecodedRecord, { orderId, correlationId }: EventFilter): boolean {
  if (orderId === undefined && correlationId === undefined) return true;
  if (!isDecoded(record)) return false;
  const { event } = record;
  if (orderId !== undefined && event.orderId !== orderId) return false;
  if (correlationId !== undefined && event.envelope.correlationId !== correlationId) return false;
  return true;
}
