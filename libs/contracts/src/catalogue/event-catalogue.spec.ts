import { EVENT_TYPES } from '../generated/event-types';
import { deadLetterTopic } from './dead-letter-topics';
import { envelopeFor } from './envelope-for';
import {
  CATALOGUE_ENTRIES,
  EVENT_CATALOGUE,
  UnknownEventTypeError,
  catalogueEntry,
  entryForTopic,
  eventTypesProducedBy,
  topicsConsumedBy,
} from './event-catalogue';

describe('the event catalogue', () => {
  it.each([
    ['OrderPlaced', 'orders.order-placed', 'order', ['inventory'], 2],
    ['StockReserved', 'inventory.stock-reserved', 'inventory', ['payment', 'order'], 1],
    ['StockRejected', 'inventory.stock-rejected', 'inventory', ['order'], 1],
    ['StockReleased', 'inventory.stock-released', 'inventory', ['order'], 1],
    ['PaymentAuthorized', 'payments.payment-authorized', 'payment', ['order'], 1],
    ['PaymentDeclined', 'payments.payment-declined', 'payment', ['order', 'inventory'], 1],
    ['OrderConfirmed', 'orders.order-confirmed', 'order', ['notification'], 1],
    ['OrderCancelled', 'orders.order-cancelled', 'order', ['notification', 'inventory', 'payment'], 2],
    ['ReleaseStock', 'orders.release-stock', 'order', ['inventory'], 1],
    ['RefundPayment', 'orders.refund-payment', 'order', ['payment'], 1],
    ['PaymentRefunded', 'payments.payment-refunded', 'payment', ['order'], 1],
    ['NotificationSent', 'notifications.notification-sent', 'notification', [], 1],
  ] as const)(
    'carries %s on %s, from %s to %j, at version %d',
    (eventType, topic, producer, consumers, version) => {
      expect(EVENT_CATALOGUE[eventType]).toMatchObject({
        eventType,
        topic,
        subject: `${topic}-value`,
        key: 'orderId',
        partitions: 3,
        version,
        producer,
        consumers,
      });
      expect(EVENT_CATALOGUE[eventType].schema.name).toBe(eventType);
    },
  );

  it('lists every event type once, in the order of the saga', () => {
    expect(CATALOGUE_ENTRIES.map((e) => e.eventType)).toEqual(EVENT_TYPES);
    expect(new Set(CATALOGUE_ENTRIES.map((e) => e.topic)).size).toBe(EVENT_TYPES.length);
  });

  it('names topics <domain>.<event> in kebab case', () => {
    for (const { eventType, topic } of CATALOGUE_ENTRIES) {
      const kebab = eventType.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());
      expect(topic).toMatch(new RegExp(`^[a-z]+\\.${kebab}$`));
    }
  });

  it('finds entries by event type and by topic', () => {
    expect(catalogueEntry('PaymentDeclined').topic).toBe('payments.payment-declined');
    expect(() => catalogueEntry('OrderShipped' as never)).toThrow(UnknownEventTypeError);
    expect(entryForTopic('inventory.stock-released')?.eventType).toBe('StockReleased');
    expect(entryForTopic(deadLetterTopic('order'))).toBeUndefined();
  });

  it('tells each app what it consumes and produces', () => {
    expect(topicsConsumedBy('order')).toEqual([
      'inventory.stock-reserved',
      'inventory.stock-rejected',
      'inventory.stock-released',
      'payments.payment-authorized',
      'payments.payment-declined',
      'payments.payment-refunded',
    ]);
    expect(topicsConsumedBy('inventory')).toEqual([
      'orders.order-placed',
      'payments.payment-declined',
      'orders.order-cancelled',
      'orders.release-stock',
    ]);
    expect(topicsConsumedBy('payment')).toEqual([
      'inventory.stock-reserved',
      'orders.order-cancelled',
      'orders.refund-payment',
    ]);
    expect(topicsConsumedBy('notification')).toEqual(['orders.order-confirmed', 'orders.order-cancelled']);
    expect(eventTypesProducedBy('payment')).toEqual([
      'PaymentAuthorized',
      'PaymentDeclined',
      'PaymentRefunded',
    ]);
  });

  it('gives every subject FULL_TRANSITIVE compatibility, except OrderCancelled: its reasons grow consumers first', () => {
    expect(
      CATALOGUE_ENTRIES.filter((e) => e.compatibility !== 'FULL_TRANSITIVE').map((e) => [
        e.eventType,
        e.compatibility,
      ]),
    ).toEqual([['OrderCancelled', 'BACKWARD_TRANSITIVE']]);
  });

  it('gives every consuming app a dead-letter topic', () => {
    expect(
      ['order', 'inventory', 'payment', 'notification'].map((app) => deadLetterTopic(app as never)),
    ).toEqual([
      'dead-letters.order',
      'dead-letters.inventory',
      'dead-letters.payment',
      'dead-letters.notification',
    ]);
  });
});

describe('envelopeFor', () => {
  it('takes the version and the producing app from the catalogue and chains the cause', () => {
    const cause = { eventId: 'event-1', correlationId: 'request-1' };
    expect(
      envelopeFor('StockReserved', { cause, now: () => new Date(1_000), newId: () => 'event-2' }),
    ).toEqual({
      eventId: 'event-2',
      eventType: 'StockReserved',
      version: 1,
      occurredAt: 1_000,
      source: 'inventory',
      correlationId: 'request-1',
      causationId: 'event-1',
    });
  });
});
