import { DomainError } from './domain-error';
import type { Money } from './order-outcome';

/**
 * Formats minor units for people (3000 EUR → "€30.00", 3000 JPY → "¥3,000"). The number of minor
 * digits is the one Intl knows for the currency, which is the ISO 4217 exponent. The amount goes
 * to Intl as an exact decimal string, not a divided float, so no amount is ever shown rounded.
 */
export function formatMoney({ amountMinor, currency }: Money, locale = 'en-US'): string {
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new DomainError('INVALID_CURRENCY', `"${currency}" is not an ISO 4217 currency code`);
  }
  if (!Number.isSafeInteger(amountMinor)) {
    throw new DomainError('INVALID_AMOUNT', `${amountMinor} is not a whole number of minor units`);
  }
  const { format, minorDigits } = currencyFormat(locale, currency);
  return format.format(toDecimal(amountMinor, minorDigits));
}

interface CurrencyFormat {
  format: Intl.NumberFormat;
  minorDigits: number;
}

/** Codes and locales seen are few; the bound only guards against a stream of made-up codes. */
const FORMATS_MAX = 1_000;
const formats = new Map<string, CurrencyFormat>();

// Building an Intl.NumberFormat costs ~0.06 ms on an idle core, ninety times formatting with one, and
// was the notification service's costliest function of its own under bench:orders (--cpu-prof); one
// per locale and currency is built once.
function currencyFormat(locale: string, currency: string): CurrencyFormat {
  const key = `${locale} ${currency}`;
  let known = formats.get(key);
  if (!known) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    known = { format, minorDigits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    if (formats.size >= FORMATS_MAX) formats.clear();
    formats.set(key, known);
  }
  return known;
}

function toDecimal(amountMinor: number, minorDigits: number): `${number}` {
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(minorDigits + 1, '0');
  if (minorDigits === 0) return `${sign}${digits}` as `${number}`;
  return `${sign}${digits.slice(0, -minorDigits)}.${digits.slice(-minorDigits)}` as `${number}`;
}
