import type { DecodedRecord } from '../events/decode-record';
import { orderStory } from '../testing/order-story';
import { eventJsonLine, eventPrettyLine } from './format-event';

const position = {
  topic: 'payments.payment-declined',
  partition: 2,
  offset: '17',
  timestamp: '2025-06-01T12:00:01.000Z',
  key: 'order-1',
};
const declined = orderStory('order-1', 'payment-declined', { start: Date.UTC(2025, 5, 1, 12) })[2]!;
const record: DecodedRecord = { ...position, event: declined };

describe('eventJsonLine', () => {
  it('puts position, envelope and payload into one line of JSON', () => {
    const line = eventJsonLine(record);

    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      ...position,
      envelope: declined.envelope,
      payload: {
        orderId: 'order-1',
        paymentId: 'order-1-payment',
        amount: { amountMinor: 3998, currency: 'EUR' },
        reason: 'CARD_DECLINED',
      },
    });
  });

  it('says why a record could not be decoded in place of envelope and payload', () => {
    expect(
      JSON.parse(eventJsonLine({ ...position, decodeError: 'Schema id 7 is not in the registry' })),
    ).toEqual({
      ...position,
      decodeError: 'Schema id 7 is not in the registry',
    });
  });
});

describe('eventPrettyLine', () => {
  it('shows time, type, order, producer, position and key facts on one line', () => {
    expect(eventPrettyLine(record)).toBe(
      '12:00:00.020 PaymentDeclined   order=order-1 from payment, correlation=correlation-order-1 ' +
        'payments.payment-declined[2]@17 reason: CARD_DECLINED, amount: 39.98 EUR, paymentId: order-1-payment',
    );
  });
});
