import { loadEventSchemas } from '../schemas/load-event-schemas';
import { SCHEMA_DIRECTORY } from '../schemas/schema-directory';
import { SchemaSetMismatchError, withDefinitions } from './catalogued-schemas';

describe('withDefinitions', () => {
  const events = loadEventSchemas(SCHEMA_DIRECTORY);

  it('pairs every schema with its definition in the order of the saga', () => {
    expect(withDefinitions([...events].reverse()).map((e) => [e.eventType, e.definition.topic])).toEqual([
      ['OrderPlaced', 'orders.order-placed'],
      ['StockReserved', 'inventory.stock-reserved'],
      ['StockRejected', 'inventory.stock-rejected'],
      ['StockReleased', 'inventory.stock-released'],
      ['PaymentAuthorized', 'payments.payment-authorized'],
      ['PaymentDeclined', 'payments.payment-declined'],
      ['OrderConfirmed', 'orders.order-confirmed'],
      ['OrderCancelled', 'orders.order-cancelled'],
      ['ReleaseStock', 'orders.release-stock'],
      ['RefundPayment', 'orders.refund-payment'],
      ['PaymentRefunded', 'payments.payment-refunded'],
      ['NotificationSent', 'notifications.notification-sent'],
    ]);
  });

  it('refuses a catalogued event without a schema, and a schema without a catalogue entry', () => {
    expect(() => withDefinitions(events.filter((e) => e.eventType !== 'StockReleased'))).toThrow(
      new SchemaSetMismatchError(
        'The catalogue lists StockReleased, but no schema file defines a record of that name whose first field is the envelope',
      ),
    );
    const shipped = { ...events[0]!, file: 'order-shipped.avsc', eventType: 'OrderShipped' };
    expect(() => withDefinitions([...events, shipped])).toThrow(
      /order-shipped.avsc defines event OrderShipped/,
    );
  });
});
