import { composeMessage } from './compose-message';
import type { CancellationReason, OrderCancelledOutcome, OrderConfirmedOutcome } from './order-outcome';
import { prepareNotification } from './prepare-notification';
import { given } from './testing/given-when-then';

const confirmed: OrderConfirmedOutcome = {
  kind: 'ORDER_CONFIRMED',
  orderId: 'order-1',
  customerId: 'ada@example.com',
  total: { amountMinor: 3000, currency: 'EUR' },
};
const cancelled: OrderCancelledOutcome = {
  kind: 'ORDER_CANCELLED',
  orderId: 'order-1',
  customerId: 'customer-42',
  total: { amountMinor: 3000, currency: 'EUR' },
  reason: 'OUT_OF_STOCK',
  detail: 'Not enough stock for PEN-1 (requested 3, available 1)',
};

describe('notifying the customer', () => {
  it('given an order confirmed and no SMTP, when prepared, then a confirmation logged for the customer', () => {
    given(confirmed)
      .when((outcome) => prepareNotification(outcome, { smtpConfigured: false }))
      .then({
        orderId: 'order-1',
        customerId: 'ada@example.com',
        kind: 'ORDER_CONFIRMED',
        channel: 'LOG',
        emailAddress: 'ada@example.com',
        recipient: 'ada@example.com',
        subject: 'Your order order-1 is confirmed',
        text:
          'Hello,\n\nThank you for your order order-1. Your payment of €30.00 has been authorized\n' +
          'and your order is confirmed.',
      });
  });

  it('given an order cancelled and SMTP configured, when prepared, then an e-mail with the reason in words and the detail', () => {
    given(cancelled)
      .when((outcome) => prepareNotification(outcome, { smtpConfigured: true }))
      .then({
        orderId: 'order-1',
        customerId: 'customer-42',
        kind: 'ORDER_CANCELLED',
        channel: 'EMAIL',
        emailAddress: 'customer-42@customers.example',
        recipient: 'customer-42@customers.example',
        subject: 'Your order order-1 has been cancelled',
        text:
          'Hello,\n\nWe are sorry: your order order-1 (total €30.00) has been cancelled\n' +
          'because some items are out of stock.\nYou have not been charged.\n\n' +
          'Details: Not enough stock for PEN-1 (requested 3, available 1)',
      });
  });

  it('given a customer id that is not an address and no SMTP, when prepared, then the log names the customer id', () => {
    given(cancelled)
      .when((outcome) => prepareNotification(outcome, { smtpConfigured: false }))
      .thenIt(({ channel, emailAddress, recipient }) =>
        expect({ channel, emailAddress, recipient }).toEqual({
          channel: 'LOG',
          emailAddress: 'customer-42@customers.example',
          recipient: 'customer-42',
        }),
      );
  });

  it('given a cancellation without detail, when composed, then no details line', () => {
    given({ ...cancelled, detail: null })
      .when((outcome) => composeMessage(outcome))
      .thenIt(({ text }) => expect(text).not.toContain('Details'));
  });

  it.each([
    ['OUT_OF_STOCK', 'some items are out of stock'],
    ['UNKNOWN_SKU', 'some items are not in our catalogue'],
    ['PAYMENT_DECLINED', 'your payment was declined'],
    ['INSUFFICIENT_FUNDS', 'your card has insufficient funds'],
    ['EXPIRED_CARD', 'your card has expired'],
    ['TIMED_OUT', 'we could not confirm it in time'],
  ] as const)(
    'given cancellation reason %s, when composed, then it says %p',
    (reason: CancellationReason, words) => {
      given({ ...cancelled, reason })
        .when((outcome) => composeMessage(outcome))
        .thenIt(({ text }) => expect(text).toContain(`because ${words}.`));
    },
  );

  it('given a locale, when prepared, then the amount is in its conventions', () => {
    given(confirmed)
      .when((outcome) => prepareNotification(outcome, { smtpConfigured: false, locale: 'de-DE' }))
      .thenIt(({ text }) => expect(text).toContain('30,00\u00a0€'));
  });
});
