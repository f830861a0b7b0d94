import { authorizeOnce } from './authorize-once';
import type { AuthorizePayment, Payment } from './authorize-payment';
import { given } from './testing/given-when-then';

const first = new Date('2025-01-01T10:00:00.000Z');
const retry = new Date('2025-01-01T11:00:00.000Z');
const amount = { amountMinor: 3000, currency: 'EUR' };
const request: AuthorizePayment = {
  orderId: 'order-1',
  amount,
  paymentMethod: 'tok_visa',
  paymentId: 'pay-2',
  now: retry,
};
const declined: Payment = {
  kind: 'declined',
  orderId: 'order-1',
  paymentId: 'pay-1',
  amount,
  reason: 'INSUFFICIENT_FUNDS',
  decidedAt: first,
};

describe('one payment per order', () => {
  it('given no payment for the order, when asked to authorize, then the card is charged', () => {
    given(null)
      .when((existing) => authorizeOnce(existing, request))
      .then({
        kind: 'charged',
        payment: { kind: 'authorized', orderId: 'order-1', paymentId: 'pay-2', amount, decidedAt: retry },
      });
  });

  it('given a payment already decided, when asked again, then the same outcome and no second charge', () => {
    // The retry names a card that would be authorized: the first decision stands all the same.
    given(declined)
      .when((existing) => authorizeOnce(existing, request))
      .then({ kind: 'already-decided', payment: declined });
  });

  it('given a payment for another amount, when asked again, then PAYMENT_MISMATCH', () => {
    given(declined)
      .when((existing) =>
        authorizeOnce(existing, { ...request, amount: { amountMinor: 2999, currency: 'EUR' } }),
      )
      .thenThrows('PAYMENT_MISMATCH');
  });

  it("given another order's payment, when asked for this order, then PAYMENT_MISMATCH", () => {
    given(declined)
      .when((existing) => authorizeOnce(existing, { ...request, orderId: 'order-2' }))
      .thenThrows('PAYMENT_MISMATCH');
  });
});
