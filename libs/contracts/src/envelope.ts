import type { EventEnvelope } from './generated/event-types';
import { newId as timeOrderedId } from './new-id';

// Generated from schemas/envelope.avsc; every event carries one as its `envelope` field.
export type { EventEnvelope };

export interface NewEnvelope {
  eventType: string;
  version: number;
  source: string;
  /** The event this one reacts to: its correlationId is carried on and its eventId becomes the causationId. */
  cause?: Pick<EventEnvelope, 'eventId' | 'correlationId'>;
  /** For the first event of a flow, the request's correlation id; a new one is made when absent. */
  correlationId?: string;
  now?: () => Date;
  newId?: () => string;
}

export function createEnvelope({
  eventType,
  version,
  source,
  cause,
  correlationId,
  now = () => new Date(),
  newId = timeOrderedId,
}: NewEnvelope): EventEnvelope {
  return {
    eventId: newId(),
    eventType,
    version,
    occurredAt: now().getTime(),
    source,
    correlationId: cause?.correlationId ?? correlationId ?? newId(),
    causationId: cause?.eventId ?? null,
  };
}
