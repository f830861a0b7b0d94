import type { Payment } from './authorize-payment';
import { refundPayment } from './refund-payment';

const decidedAt = new Date('2025-01-01T10:00:00.000Z');
const now = new Date('2025-01-01T10:20:00.000Z');
const facts = {
  orderId: 'order-1',
  paymentId: 'pay-1',
  amount: { amountMinor: 3000, currency: 'EUR' },
  decidedAt,
};
const authorized: Payment = { kind: 'authorized', ...facts };

describe('refunding the payment of a cancelled order', () => {
  it('given an authorized payment, when a refund is asked for, then it is refunded', () => {
    expect(refundPayment(authorized, now)).toEqual({
      kind: 'refunded',
      payment: { kind: 'refunded', ...facts, refundedAt: now },
    });
  });

  it('given a refunded payment, when a refund is asked for again, then nothing: it happens once', () => {
    expect(refundPayment({ kind: 'refunded', ...facts, refundedAt: now }, now)).toEqual({
      kind: 'nothing-to-refund',
      why: 'ALREADY_REFUNDED',
    });
  });

  it('given a declined payment, when a refund is asked for, then nothing: nothing was charged', () => {
    expect(refundPayment({ kind: 'declined', ...facts, reason: 'CARD_DECLINED' }, now)).toEqual({
      kind: 'nothing-to-refund',
      why: 'DECLINED',
    });
  });

  it('given no payment yet, when OrderCancelled asks for a refund, then nothing (a late authorization is refunded on RefundPayment)', () => {
    expect(refundPayment(null, now)).toEqual({ kind: 'nothing-to-refund', why: 'NO_PAYMENT' });
  });
});
