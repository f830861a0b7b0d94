import { assertNever } from './assert-never';
import type { CancellationReason, PaymentDeclineReason, StockRejectionReason, StockShortage } from './order';

/**
 * Turns what inventory or payment reported into the reason an order is cancelled with. The reason
 * is what the customer is told; the detail keeps the precise upstream cause for support.
 */
export interface Cancellation {
  readonly reason: CancellationReason;
  readonly detail: string | null;
}

export function cancellationForStock(
  reason: StockRejectionReason,
  shortages: readonly StockShortage[],
): Cancellation {
  if (shortages.length === 0) return { reason, detail: null };
  switch (reason) {
    case 'OUT_OF_STOCK': {
      const short = shortages.map((s) => `${s.sku} (requested ${s.requested}, available ${s.available})`);
      return { reason, detail: `Not enough stock for ${short.join(', ')}` };
    }
    case 'UNKNOWN_SKU':
      return { reason, detail: `Unknown SKU: ${shortages.map((s) => s.sku).join(', ')}` };
    default:
      return assertNever(reason);
  }
}

/**
 * A processing error is the processor's failure, not the card's, but the customer can do the same
 * thing about both (try again or use another card), so both read as a declined payment.
 */
export function cancellationReasonForDecline(reason: PaymentDeclineReason): CancellationReason {
  switch (reason) {
    case 'CARD_DECLINED':
    case 'PROCESSING_ERROR':
      return 'PAYMENT_DECLINED';
    case 'INSUFFICIENT_FUNDS':
      return 'INSUFFICIENT_FUNDS';
    case 'EXPIRED_CARD':
      return 'EXPIRED_CARD';
    default:
      return assertNever(reason);
  }
}

export function cancellationForPayment(reason: PaymentDeclineReason, paymentId: string): Cancellation {
  return {
    reason: cancellationReasonForDecline(reason),
    detail: `Payment ${paymentId} declined (${reason})`,
  };
}
