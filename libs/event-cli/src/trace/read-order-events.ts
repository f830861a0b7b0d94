/** Collects the events of some orders from the saga topics, as they are when the call begins. */
import { CATALOGUE_ENTRIES } from '@platform/contracts';
import type { AvroCodec } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import { type UndecodableRecord, decodeRecord, isDecoded } from '../events/decode-record';
import { readTopicsToEnd } from '../reading/read-topics';
import type { TracedEvent } from './build-trace';

/** Every topic an event of the saga travels on. */
export const SAGA_TOPICS: readonly string[] = CATALOGUE_ENTRIES.map((entry) => entry.topic);

export interface ReadOrderEventsOptions {
  kafka: Kafka;
  codec: AvroCodec;
  orderIds: readonly string[];
  /** The saga topics unless given (tests point this at topics of their own). */
  topics?: readonly string[];
  timeoutMs?: number;
}

export interface OrderEvents {
  /** The orders' events, by order id, in the order they were read. */
  byOrder: Map<string, TracedEvent[]>;
  /** Records no schema could decode: they may belong to one of the orders, so the caller should say so. */
  undecodable: UndecodableRecord[];
}

/**
 * Reads every topic from its beginning to its end as of the call and keeps the orders' events.
 * Every event is keyed by its order id, but the decoded orderId decides, so a wrongly keyed event
 * is still found.
 */
export async function readOrderEvents({
  kafka,
  codec,
  orderIds,
  topics = SAGA_TOPICS,
  timeoutMs,
}: ReadOrderEventsOptions): Promise<OrderEvents> {
  const byOrder = new Map(orderIds.map((id) => [id, [] as TracedEvent[]]));
  const undecodable: UndecodableRecord[] = [];
  await readTopicsToEnd({
    kafka,
    topics,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    onRecord: async (record) => {
      const decoded = await decodeRecord(codec, record);
      if (!isDecoded(decoded)) return void undecodable.push(decoded);
      byOrder.get(decoded.event.orderId)?.push(decoded);
    },
  });
  return { byOrder, undecodable };
}
