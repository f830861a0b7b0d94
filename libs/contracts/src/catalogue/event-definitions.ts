import type { AppName } from '@platform/config';
import type { EventType } from '../generated/event-types';
import type { CompatibilityLevel } from './schema-compatibility';

/** What the catalogue says about an event type besides its schema. */
export interface EventDefinition {
  /** `<domain>.<event>` in kebab case. */
  topic: string;
  /** Version of the event type's schema, carried in every envelope; bump it with every schema change. */
  version: number;
  producer: AppName;
  consumers: readonly AppName[];
  /** The subject's level when it differs from SCHEMA_COMPATIBILITY (FULL_TRANSITIVE); say why beside it. */
  compatibility?: CompatibilityLevel;
}

/** Every event is keyed by its order, so all events of one order keep their order within a topic. */
export const EVENT_KEY_FIELD = 'orderId';

/** Room for three consumers per group; the number cannot shrink later and growing it re-maps keys. */
export const EVENT_TOPIC_PARTITIONS = 3;

/**
 * Where each event type travels and who produces and consumes it, in the order of the saga. Only type
 * imports above: the code generator reads this file before the generated modules exist.
 */
export const EVENT_DEFINITIONS: { readonly [T in EventType]: EventDefinition } = {
  // Version 2 adds `channel` (with a default): readers on either version read both. See the README's
  // "Changing an event safely".
  OrderPlaced: { topic: 'orders.order-placed', version: 2, producer: 'order', consumers: ['inventory'] },
  StockReserved: {
    topic: 'inventory.stock-reserved',
    version: 1,
    producer: 'inventory',
    consumers: ['payment', 'order'],
  },
  StockRejected: {
    topic: 'inventory.stock-rejected',
    version: 1,
    producer: 'inventory',
    consumers: ['order'],
  },
  StockReleased: {
    topic: 'inventory.stock-released',
    version: 1,
    producer: 'inventory',
    consumers: ['order'],
  },
  PaymentAuthorized: {
    topic: 'payments.payment-authorized',
    version: 1,
    producer: 'payment',
    consumers: ['order'],
  },
  PaymentDeclined: {
    topic: 'payments.payment-declined',
    version: 1,
    producer: 'payment',
    consumers: ['order', 'inventory'],
  },
  OrderConfirmed: {
    topic: 'orders.order-confirmed',
    version: 1,
    producer: 'order',
    consumers: ['notification'],
  },
  OrderCancelled: {
    topic: 'orders.order-cancelled',
    version: 2,
    producer: 'order',
    consumers: ['notification', 'inventory', 'payment'],
    // Version 2 adds the reason TIMED_OUT. The reason enum of version 1 has no default symbol, so no
    // reader of version 1 can read a new symbol and FULL compatibility can never allow one: consumers
    // must deploy before the producer. BACKWARD_TRANSITIVE still refuses what would break a reader on
    // the new version, and every later version should keep readers of the old ones working.
    compatibility: 'BACKWARD_TRANSITIVE',
  },
  ReleaseStock: {
    topic: 'orders.release-stock',
    version: 1,
    producer: 'order',
    consumers: ['inventory'],
  },
  RefundPayment: {
    topic: 'orders.refund-payment',
    version: 1,
    producer: 'order',
    consumers: ['payment'],
  },
  PaymentRefunded: {
    topic: 'payments.payment-refunded',
    version: 1,
    producer: 'payment',
    consumers: ['order'],
  },
  NotificationSent: {
    topic: 'notifications.notification-sent',
    version: 1,
    producer: 'notification',
    consumers: [],
  },
};
