import { orderStory } from '../testing/order-story';
import { eventFacts, factsText, formatMoney } from './event-facts';

describe('event facts', () => {
  it('formats money in the currency’s own minor units', () => {
    expect(formatMoney({ amountMinor: 1999, currency: 'EUR' })).toBe('19.99 EUR');
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' })).toBe('500 JPY');
    expect(formatMoney({ amountMinor: 1234, currency: 'XYZ' })).toBe('12.34 XYZ');
  });

  it('names the reason and the lines where an event has them', () => {
    const [, , declined, released] = orderStory('order-1', 'payment-declined');

    expect(eventFacts(released!)).toEqual({ lines: 'SKU-MUG×2' });
    expect(factsText(eventFacts(declined!))).toBe(
      'reason: CARD_DECLINED, amount: 39.98 EUR, paymentId: order-1-payment',
    );
  });

  it('has no facts for an event type the catalogue does not know', () => {
    const [placed] = orderStory('order-1', 'pending');

    expect(eventFacts({ ...placed!, envelope: { ...placed!.envelope, eventType: 'OrderShipped' } })).toEqual(
      {},
    );
  });
});
