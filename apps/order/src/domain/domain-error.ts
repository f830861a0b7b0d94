/**
 * The order domain's refusals. Codes are stable: the HTTP layer maps them to a 422 body naming the
 * field and the rule, consumers to a dead-letter reason, and tests assert on them rather than on wording.
 */
export type OrderErrorCode =
  | 'INVALID_ORDER_ID'
  | 'INVALID_CUSTOMER_ID'
  | 'INVALID_PAYMENT_METHOD'
  | 'INVALID_CHANNEL'
  | 'INVALID_DEADLINE'
  | 'INVALID_CURRENCY'
  | 'NO_LINES'
  | 'INVALID_SKU'
  | 'DUPLICATE_SKU'
  | 'INVALID_QUANTITY'
  | 'INVALID_AMOUNT'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'CURRENCY_MISMATCH'
  | 'ORDER_ALREADY_PLACED'
  | 'ORDER_NOT_FOUND'
  | 'ORDER_NOT_PENDING'
  | 'ORDER_ID_MISMATCH'
  | 'PAYMENT_AMOUNT_MISMATCH';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: OrderErrorCode,
    message: string,
    /** The request field the rule is about (`lines[1].quantity`), when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}
