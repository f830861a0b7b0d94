import { DomainError } from './domain-error';
import type { StockAdjustment, StockLevels, StockLine } from './stock-level';

/**
 * Reserves every line of an order or none of them: a partial reservation would hold stock for an
 * order that cannot be fulfilled and starve others. Lines naming the same SKU are summed first, so
 * two lines of 3 against a level of 5 are short, not each fine.
 */
export type StockRejectionReason = 'OUT_OF_STOCK' | 'UNKNOWN_SKU';

export interface Shortage {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;
}

export type StockReservationDecision =
  | {
      readonly kind: 'reserved';
      /** What is now held, one line per SKU in the order's first mention: keep it to release later. */
      readonly lines: readonly StockLine[];
      readonly adjustments: readonly StockAdjustment[];
    }
  | {
      readonly kind: 'rejected';
      readonly reason: StockRejectionReason;
      /**
       * The lines behind the reason: for UNKNOWN_SKU only the unknown SKUs (available 0), since
       * nothing can be promised about the rest while the order names goods that do not exist;
       * for OUT_OF_STOCK every short SKU, requested against available.
       */
      readonly shortages: readonly Shortage[];
    };

export function reserveStock(
  stockLevels: StockLevels,
  lines: readonly StockLine[],
): StockReservationDecision {
  const requested = sumBySku(lines);
  const unknown = requested.filter(({ sku }) => !stockLevels.has(sku));
  if (unknown.length > 0) {
    return {
      kind: 'rejected',
      reason: 'UNKNOWN_SKU',
      shortages: unknown.map(({ sku, quantity }) => shortage(sku, quantity, 0)),
    };
  }
  const short = requested.filter(({ sku, quantity }) => quantity > available(stockLevels, sku));
  if (short.length > 0) {
    return {
      kind: 'rejected',
      reason: 'OUT_OF_STOCK',
      shortages: short.map(({ sku, quantity }) => shortage(sku, quantity, available(stockLevels, sku))),
    };
  }
  return {
    kind: 'reserved',
    lines: requested,
    adjustments: requested.map(({ sku, quantity }) => ({ sku, delta: -quantity })),
  };
}

function sumBySku(lines: readonly StockLine[]): StockLine[] {
  if (lines.length === 0) throw new DomainError('NO_LINES', 'nothing to reserve: the order has no lines');
  const totals = new Map<string, number>();
  for (const { sku, quantity } of lines) {
    if (sku.trim().length === 0) throw new DomainError('INVALID_SKU', 'a line has a blank sku');
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      throw new DomainError('INVALID_QUANTITY', `${sku}: ${quantity} is not a positive whole quantity`);
    }
    totals.set(sku, (totals.get(sku) ?? 0) + quantity);
  }
  return [...totals].map(([sku, quantity]) => ({ sku, quantity }));
}

function available(stockLevels: StockLevels, sku: string): number {
  return stockLevels.get(sku) ?? 0;
}

function shortage(sku: string, requested: number, availableNow: number): Shortage {
  return { sku, requested, available: availableNow };
}
