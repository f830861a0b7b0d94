import { formatMoney } from './format-money';
import { given } from './testing/given-when-then';

describe('formatting money', () => {
  it.each([
    [3000, 'EUR', '€30.00'],
    [5, 'USD', '$0.05'],
    [123456789, 'USD', '$1,234,567.89'],
    [3000, 'JPY', '¥3,000'],
    [1500, 'KWD', 'KWD\u00a01.500'],
    [0, 'GBP', '£0.00'],
  ] as const)('given %p minor units of %s, when formatted, then %p', (amountMinor, currency, shown) => {
    given({ amountMinor, currency })
      .when((amount) => formatMoney(amount))
      .then(shown);
  });

  it('given the largest exact amount, when formatted, then every digit is kept', () => {
    given({ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' })
      .when((amount) => formatMoney(amount))
      .then('€90,071,992,547,409.91');
  });

  it('given another locale, when formatted, then its conventions', () => {
    given({ amountMinor: 123456, currency: 'EUR' })
      .when((amount) => formatMoney(amount, 'de-DE'))
      .then('1.234,56\u00a0€');
  });

  it.each([
    [{ amountMinor: 1.5, currency: 'EUR' }, 'INVALID_AMOUNT'],
    [{ amountMinor: 100, currency: 'euro' }, 'INVALID_CURRENCY'],
  ] as const)('given %p, when formatted, then %s', (amount, code) => {
    given(amount)
      .when((money) => formatMoney(money))
      .thenThrows(code);
  });
});
