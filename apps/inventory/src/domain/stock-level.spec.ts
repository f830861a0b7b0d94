import { applyAdjustments, checkedStockLevel, setStockLevel } from './stock-level';
import { given } from './testing/given-when-then';

const stock = new Map([
  ['BOOK-1', 5],
  ['PEN-1', 1],
]);

describe('stock levels', () => {
  it('given levels, when a reservation and a release are applied, then the new levels, the input untouched', () => {
    given(stock)
      .when((levels) =>
        applyAdjustments(levels, [
          { sku: 'BOOK-1', delta: -5 },
          { sku: 'PEN-1', delta: 2 },
        ]),
      )
      .then(
        new Map([
          ['BOOK-1', 0],
          ['PEN-1', 3],
        ]),
      );
    expect(stock.get('BOOK-1')).toBe(5);
  });

  it('given levels, when an adjustment would take one below zero, then NEGATIVE_STOCK', () => {
    given(stock)
      .when((levels) => applyAdjustments(levels, [{ sku: 'PEN-1', delta: -2 }]))
      .thenThrows('NEGATIVE_STOCK');
  });

  it('given levels, when a level is set, then it replaces the old one', () => {
    given(stock)
      .when((levels) => setStockLevel(levels, 'PEN-1', 10).get('PEN-1'))
      .then(10);
  });

  it('given levels, when a negative level is set, then NEGATIVE_STOCK', () => {
    given(stock)
      .when((levels) => setStockLevel(levels, 'PEN-1', -1))
      .thenThrows('NEGATIVE_STOCK');
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'given level %p, when checked, then INVALID_STOCK_LEVEL',
    (level) => {
      given(level)
        .when((available) => checkedStockLevel('PEN-1', available))
        .thenThrows('INVALID_STOCK_LEVEL');
    },
  );

  it('zero is a level: sold out, still in the catalogue', () => {
    expect(checkedStockLevel('PEN-1', 0)).toBe(0);
  });
});
