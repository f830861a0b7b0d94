import { addMoney, assertSameCurrency, money, moneyEquals, multiplyMoney } from './money';
import { given } from './testing/given-when-then';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

describe('Money', () => {
  it('given two amounts in one currency, when added, then the minor units add up exactly', () => {
    given([eur(1999), eur(1)] as const)
      .when(([a, b]) => addMoney(a, b))
      .then(eur(2000));
  });

  it('given amounts in two currencies, when added, then CURRENCY_MISMATCH', () => {
    given([eur(100), usd(100)] as const)
      .when(([a, b]) => addMoney(a, b))
      .thenThrows('CURRENCY_MISMATCH');
    given([eur(100), usd(100)] as const)
      .when(([a, b]) => assertSameCurrency(a, b, 'total'))
      .thenThrows('CURRENCY_MISMATCH', 'total');
  });

  it('given a unit price, when multiplied by a quantity, then the line price', () => {
    given(eur(1250))
      .when((price) => multiplyMoney(price, 3))
      .then(eur(3750));
  });

  it.each([-1, 1.5, Number.NaN])('given quantity %p, when multiplying, then INVALID_QUANTITY', (quantity) => {
    given(eur(1250))
      .when((price) => multiplyMoney(price, quantity))
      .thenThrows('INVALID_QUANTITY');
  });

  it('given amounts near the safe-integer limit, when combined, then AMOUNT_OUT_OF_RANGE rather than a rounded sum', () => {
    given(eur(Number.MAX_SAFE_INTEGER))
      .when((big) => addMoney(big, eur(1)))
      .thenThrows('AMOUNT_OUT_OF_RANGE');
    given(eur(2 ** 52))
      .when((big) => multiplyMoney(big, 4))
      .thenThrows('AMOUNT_OUT_OF_RANGE');
  });

  it.each([
    [-1, 'EUR', 'INVALID_AMOUNT'],
    [0.5, 'EUR', 'INVALID_AMOUNT'],
    [100, 'eur', 'INVALID_CURRENCY'],
    [100, 'EURO', 'INVALID_CURRENCY'],
  ] as const)('given %p %p, when built, then %s', (amountMinor, currency, code) => {
    given({ amountMinor, currency })
      .when((raw) => money(raw.amountMinor, raw.currency))
      .thenThrows(code);
  });

  it('compares amount and currency', () => {
    expect(moneyEquals(eur(100), eur(100))).toBe(true);
    expect(moneyEquals(eur(100), usd(100))).toBe(false);
    expect(moneyEquals(eur(100), eur(101))).toBe(false);
  });
});
