import { authorizePayment, type AuthorizePayment } from './authorize-payment';
import { given } from './testing/given-when-then';
import { TEST_CARDS } from './test-cards';

const now = new Date('2025-01-01T10:00:00.000Z');
const request = (paymentMethod: string): AuthorizePayment => ({
  orderId: 'order-1',
  amount: { amountMinor: 3000, currency: 'EUR' },
  paymentMethod,
  paymentId: 'pay-1',
  now,
});
const facts = {
  orderId: 'order-1',
  paymentId: 'pay-1',
  amount: { amountMinor: 3000, currency: 'EUR' },
  decidedAt: now,
};

describe('authorizing a payment', () => {
  it.each(['tok_visa', 'tok_mastercard'])('given card %s, when authorized, then authorized', (token) => {
    given(request(token))
      .when(authorizePayment)
      .then({ kind: 'authorized', ...facts });
  });

  it.each([
    ['tok_chargeDeclined', 'CARD_DECLINED'],
    ['tok_chargeDeclinedInsufficientFunds', 'INSUFFICIENT_FUNDS'],
    ['tok_chargeDeclinedExpiredCard', 'EXPIRED_CARD'],
    ['tok_processingError', 'PROCESSING_ERROR'],
  ] as const)('given card %s, when authorized, then declined with %s', (token, reason) => {
    given(request(token))
      .when(authorizePayment)
      .then({ kind: 'declined', ...facts, reason });
  });

  it.each(['tok_unknown', 'TOK_VISA', '4242424242424242'])(
    'given token %p the gateway does not know, when authorized, then declined with CARD_DECLINED',
    (token) => {
      given(request(token))
        .when(authorizePayment)
        .then({ kind: 'declined', ...facts, reason: 'CARD_DECLINED' });
    },
  );

  it('given a zero total (free items), when authorized with a good card, then authorized', () => {
    given({ ...request('tok_visa'), amount: { amountMinor: 0, currency: 'EUR' } })
      .when(authorizePayment)
      .thenIt((payment) => expect(payment.kind).toBe('authorized'));
  });

  it.each([
    [{ amount: { amountMinor: -1, currency: 'EUR' } }, 'INVALID_AMOUNT'],
    [{ amount: { amountMinor: 10.5, currency: 'EUR' } }, 'INVALID_AMOUNT'],
    [{ amount: { amountMinor: 100, currency: 'eur' } }, 'INVALID_CURRENCY'],
    [{ paymentMethod: ' ' }, 'INVALID_PAYMENT_METHOD'],
    [{ paymentId: '' }, 'INVALID_PAYMENT_ID'],
    [{ orderId: '' }, 'INVALID_ORDER_ID'],
  ] as const)('given %p, when authorized, then %s', (overrides, code) => {
    given({ ...request('tok_visa'), ...overrides })
      .when(authorizePayment)
      .thenThrows(code);
  });

  it('lists every test token with its outcome, the table the README shows', () => {
    expect(TEST_CARDS.map(({ token, outcome }) => [token, outcome])).toEqual([
      ['tok_visa', 'AUTHORIZED'],
      ['tok_mastercard', 'AUTHORIZED'],
      ['tok_chargeDeclined', 'CARD_DECLINED'],
      ['tok_chargeDeclinedInsufficientFunds', 'INSUFFICIENT_FUNDS'],
      ['tok_chargeDeclinedExpiredCard', 'EXPIRED_CARD'],
      ['tok_processingError', 'PROCESSING_ERROR'],
    ]);
  });
});
