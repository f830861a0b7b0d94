import { CATALOGUE_ENTRIES } from '@platform/contracts';
import { UnknownTopicError, resolveTopics } from './resolve-topics';

describe('resolveTopics', () => {
  it('means every saga topic when none is named', () => {
    expect(resolveTopics([])).toEqual(CATALOGUE_ENTRIES.map((e) => e.topic));
  });

  it('accepts topic names and event types in any case, each topic once, in the order of the saga', () => {
    expect(
      resolveTopics(['orders.order-cancelled', 'orderplaced', 'OrderPlaced', 'PaymentDeclined']),
    ).toEqual(['orders.order-placed', 'payments.payment-declined', 'orders.order-cancelled']);
  });

  it('refuses unknown names and lists every known topic with its event type', () => {
    const error = (() => {
      try {
        resolveTopics(['OrderShipped', 'orders.order-placed', 'dead-letters.order']);
      } catch (e) {
        return e as UnknownTopicError;
      }
    })();

    expect(error).toBeInstanceOf(UnknownTopicError);
    expect(error!.unknown).toEqual(['OrderShipped', 'dead-letters.order']);
    expect(error!.message).toContain('Unknown topic or event type: OrderShipped, dead-letters.order.');
    for (const { eventType, topic } of CATALOGUE_ENTRIES)
      expect(error!.message).toMatch(new RegExp(`${eventType} +${topic}`));
  });
});
