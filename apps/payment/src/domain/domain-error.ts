/**
 * The payment domain's refusals. Codes are stable: consumers turn them into dead-letter reasons
 * and tests assert on them rather than on wording. A declined card is not an error: it is an outcome.
 */
export type PaymentErrorCode =
  | 'INVALID_ORDER_ID'
  | 'INVALID_PAYMENT_ID'
  | 'INVALID_PAYMENT_METHOD'
  | 'INVALID_AMOUNT'
  | 'INVALID_CURRENCY'
  | 'PAYMENT_MISMATCH';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: PaymentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
