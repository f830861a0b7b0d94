import { DomainError } from './domain-error';

/**
 * Money as on the wire: an integer number of minor units plus an ISO 4217 code. Amounts never pass
 * through floats, so totals are exact; they stay within Number.MAX_SAFE_INTEGER, beyond which
 * arithmetic on numbers would lose units silently, so overflow is refused instead.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): boolean {
  return CURRENCY_CODE.test(value);
}

/** Builds a Money after checking it: a non-negative integer amount and a three-letter code. */
export function money(amountMinor: number, currency: string, field?: string): Money {
  if (!isCurrencyCode(currency)) {
    throw new DomainError('INVALID_CURRENCY', `"${currency}" is not an ISO 4217 currency code`, field);
  }
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new DomainError(
      'INVALID_AMOUNT',
      `${amountMinor} is not a non-negative whole number of minor units`,
      field,
    );
  }
  return { amountMinor, currency };
}

export function zero(currency: string): Money {
  return money(0, currency);
}

export function assertSameCurrency(a: Money, b: Money, field?: string): void {
  if (a.currency !== b.currency) {
    throw new DomainError('CURRENCY_MISMATCH', `cannot combine ${a.currency} with ${b.currency}`, field);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: checked(a.amountMinor + b.amountMinor), currency: a.currency };
}

/** The price of `quantity` items at `unitPrice` each. */
export function multiplyMoney(unitPrice: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new DomainError('INVALID_QUANTITY', `${quantity} is not a whole, non-negative quantity`);
  }
  return { amountMinor: checked(unitPrice.amountMinor * quantity), currency: unitPrice.currency };
}

export function moneyEquals(a: Money, b: Money): boolean {
  return a.amountMinor === b.amountMinor && a.currency === b.currency;
}

function checked(amountMinor: number): number {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new DomainError('AMOUNT_OUT_OF_RANGE', `${amountMinor} minor units is beyond exact arithmetic`);
  }
  return amountMinor;
}
