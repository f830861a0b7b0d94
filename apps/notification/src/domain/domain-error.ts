/**
 * The notification domain's refusals. Codes are stable: consumers turn them into dead-letter
 * reasons and tests assert on them rather than on wording.
 */
export type NotificationErrorCode = 'INVALID_CUSTOMER_ID' | 'INVALID_AMOUNT' | 'INVALID_CURRENCY';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: NotificationErrorCode,
    message: string,
  ) {
    super(message);
  }
}
