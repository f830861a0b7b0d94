import { DomainError } from './domain-error';

/** Money as on the wire: an integer number of minor units plus an ISO 4217 code, never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export function checkedMoney(amount: Money): Money {
  if (!/^[A-Z]{3}$/.test(amount.currency)) {
    throw new DomainError('INVALID_CURRENCY', `"${amount.currency}" is not an ISO 4217 currency code`);
  }
  if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor < 0) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `${amount.amountMinor} is not a non-negative whole number of minor units`,
    );
  }
  return { amountMinor: amount.amountMinor, currency: amount.currency };
}

export function moneyEquals(a: Money, b: Money): boolean {
  return a.amountMinor === b.amountMinor && a.currency === b.currency;
}
