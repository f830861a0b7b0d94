import { DomainError } from './domain-error';

/**
 * Available quantity per SKU. A SKU absent from the map is not in the catalogue, which is not the
 * same as a SKU with nothing left: the first rejects an order as UNKNOWN_SKU, the second as
 * OUT_OF_STOCK. A level is never negative, so "available" always means what can still be sold.
 */
export type StockLevels = ReadonlyMap<string, number>;

export interface StockLine {
  readonly sku: string;
  readonly quantity: number;
}

/** A signed change to one SKU's level: negative when stock is reserved, positive when given back. */
export interface StockAdjustment {
  readonly sku: string;
  readonly delta: number;
}

/** Returns `available` if it can be a stock level, and refuses it otherwise. */
export function checkedStockLevel(sku: string, available: number): number {
  if (!Number.isSafeInteger(available)) {
    throw new DomainError('INVALID_STOCK_LEVEL', `${sku}: ${available} is not a whole quantity`);
  }
  if (available < 0) {
    throw new DomainError('NEGATIVE_STOCK', `${sku}: stock cannot go below zero (asked for ${available})`);
  }
  return available;
}

export function setStockLevel(levels: StockLevels, sku: string, available: number): Map<string, number> {
  return new Map(levels).set(sku, checkedStockLevel(sku, available));
}

/** The levels after the adjustments; refuses, changing nothing, if any level would go negative. */
export function applyAdjustments(
  levels: StockLevels,
  adjustments: readonly StockAdjustment[],
): Map<string, number> {
  return adjustments.reduce(
    (next, { sku, delta }) => next.set(sku, checkedStockLevel(sku, (next.get(sku) ?? 0) + delta)),
    new Map(levels),
  );
}
