import type { StockAdjustment, StockLine } from './stock-level';

/**
 * Gives back what an order held when its payment is declined or the order is cancelled (or asks for
 * it, after a late StockReserved). A reservation is released at most once: those can all come for
 * one order, and each may be delivered again; adding the stock back twice would invent goods.
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
      /**
       * NO_RESERVATION: nothing was ever held (the stock was rejected), or not yet: OrderCancelled can
       * come before a late OrderPlaced, whose StockReserved the order then answers with ReleaseStock.
       */
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
