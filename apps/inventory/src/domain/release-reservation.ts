import type { StockAdjustment, StockLine } from './stock-level';

/**
 * Gives back what an order held when its payment is declined. A reservation is released at most
 * once: PaymentDeclined may be delivered again, and adding the stock back twice would invent goods.
 */
export interface Reservation {
  readonly orderId: string;
  readonly lines: readonly StockLine[];
  readonly status: 'HELD' | 'RELEASED';
}

export type ReleaseDecision =
  | {
      readonly kind: 'released';
      /** For the StockReleased event. */
      readonly lines: readonly StockLine[];
      readonly adjustments: readonly StockAdjustment[];
    }
  | {
      readonly kind: 'nothing-to-release';
      /** NO_RESERVATION: the order's stock was rejected, so nothing was ever held. */
      readonly why: 'NO_RESERVATION' | 'ALREADY_RELEASED';
    };

export function releaseReservation(reservation: Reservation | null): ReleaseDecision {
  if (reservation === null) return { kind: 'nothing-to-release', why: 'NO_RESERVATION' };
  if (reservation.status === 'RELEASED') return { kind: 'nothing-to-release', why: 'ALREADY_RELEASED' };
  return {
    kind: 'released',
    lines: reservation.lines,
    adjustments: reservation.lines.map(({ sku, quantity }) => ({ sku, delta: quantity })),
  };
}
