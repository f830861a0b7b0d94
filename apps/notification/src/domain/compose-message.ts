import { assertNever } from './assert-never';
import { formatMoney } from './format-money';
import type { CancellationReason, OrderOutcome } from './order-outcome';

/** The words the customer reads. Plain text: it reads the same in a mail client and in a log line. */
export interface Message {
  readonly subject: string;
  readonly text: string;
}

export function composeMessage(outcome: OrderOutcome, locale = 'en-US'): Message {
  const total = formatMoney(outcome.total, locale);
  switch (outcome.kind) {
    case 'ORDER_CONFIRMED':
      return {
        subject: `Your order ${outcome.orderId} is confirmed`,
        text: [
          'Hello,',
          '',
          `Thank you for your order ${outcome.orderId}. Your payment of ${total} has been authorized`,
          'and your order is confirmed.',
        ].join('\n'),
      };
    case 'ORDER_CANCELLED':
      return {
        subject: `Your order ${outcome.orderId} has been cancelled`,
        text: [
          'Hello,',
          '',
          `We are sorry: your order ${outcome.orderId} (total ${total}) has been cancelled`,
          `because ${reasonInWords(outcome.reason)}.`,
          // An order is cancelled before or instead of an authorization; one that timed out may have
          // been authorized late, and that authorization is voided (PaymentRefunded), never captured.
          'You have not been charged.',
          ...(outcome.detail === null ? [] : ['', `Details: ${outcome.detail}`]),
        ].join('\n'),
      };
    default:
      return assertNever(outcome);
  }
}

export function reasonInWords(reason: CancellationReason): string {
  switch (reason) {
    case 'OUT_OF_STOCK':
      return 'some items are out of stock';
    case 'UNKNOWN_SKU':
      return 'some items are not in our catalogue';
    case 'PAYMENT_DECLINED':
      return 'your payment was declined';
    case 'INSUFFICIENT_FUNDS':
      return 'your card has insufficient funds';
    case 'EXPIRED_CARD':
      return 'your card has expired';
    case 'TIMED_OUT':
      return 'we could not confirm it in time';
    default:
      return assertNever(reason);
  }
}
