/**
 * The inventory domain's refusals. Codes are stable: consumers turn them into dead-letter reasons
 * and tests assert on them rather than on wording.
 */
export type InventoryErrorCode =
  'NO_LINES' | 'INVALID_SKU' | 'INVALID_QUANTITY' | 'INVALID_STOCK_LEVEL' | 'NEGATIVE_STOCK';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: InventoryErrorCode,
    message: string,
  ) {
    super(message);
  }
}
