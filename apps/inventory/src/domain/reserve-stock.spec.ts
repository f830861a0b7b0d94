import { reserveStock } from './reserve-stock';
import { given } from './testing/given-when-then';

const stock = new Map([
  ['BOOK-1', 5],
  ['PEN-1', 1],
  ['MUG-1', 0],
]);

describe('reserving stock', () => {
  it('given enough of every sku, when reserved, then every line is held', () => {
    given(stock)
      .when((levels) =>
        reserveStock(levels, [
          { sku: 'BOOK-1', quantity: 5 },
          { sku: 'PEN-1', quantity: 1 },
        ]),
      )
      .then({
        kind: 'reserved',
        lines: [
          { sku: 'BOOK-1', quantity: 5 },
          { sku: 'PEN-1', quantity: 1 },
        ],
        adjustments: [
          { sku: 'BOOK-1', delta: -5 },
          { sku: 'PEN-1', delta: -1 },
        ],
      });
  });

  it('given one short line among good ones, when reserved, then nothing is held: OUT_OF_STOCK', () => {
    given(stock)
      .when((levels) =>
        reserveStock(levels, [
          { sku: 'BOOK-1', quantity: 2 },
          { sku: 'PEN-1', quantity: 3 },
        ]),
      )
      .then({
        kind: 'rejected',
        reason: 'OUT_OF_STOCK',
        shortages: [{ sku: 'PEN-1', requested: 3, available: 1 }],
      });
  });

  it('given several short lines, when reserved, then every shortage is listed, a sold-out sku as available 0', () => {
    given(stock)
      .when((levels) =>
        reserveStock(levels, [
          { sku: 'PEN-1', quantity: 2 },
          { sku: 'BOOK-1', quantity: 1 },
          { sku: 'MUG-1', quantity: 1 },
        ]),
      )
      .then({
        kind: 'rejected',
        reason: 'OUT_OF_STOCK',
        shortages: [
          { sku: 'PEN-1', requested: 2, available: 1 },
          { sku: 'MUG-1', requested: 1, available: 0 },
        ],
      });
  });

  it('given two lines of one sku that fit apart but not together, when reserved, then they are summed: OUT_OF_STOCK', () => {
    given(stock)
      .when((levels) =>
        reserveStock(levels, [
          { sku: 'BOOK-1', quantity: 3 },
          { sku: 'BOOK-1', quantity: 3 },
        ]),
      )
      .then({
        kind: 'rejected',
        reason: 'OUT_OF_STOCK',
        shortages: [{ sku: 'BOOK-1', requested: 6, available: 5 }],
      });
  });

  it('given two lines of one sku that fit together, when reserved, then one summed line is held', () => {
    given(stock)
      .when((levels) =>
        reserveStock(levels, [
          { sku: 'BOOK-1', quantity: 2 },
          { sku: 'BOOK-1', quantity: 3 },
        ]),
      )
      .then({
        kind: 'reserved',
        lines: [{ sku: 'BOOK-1', quantity: 5 }],
        adjustments: [{ sku: 'BOOK-1', delta: -5 }],
      });
  });

  it('given an unknown sku and a short one together, when reserved, then UNKNOWN_SKU listing only the unknown', () => {
    given(stock)
      .when((levels) =>
        reserveStock(levels, [
          { sku: 'PEN-1', quantity: 9 },
          { sku: 'GHOST-1', quantity: 2 },
          { sku: 'GHOST-2', quantity: 1 },
        ]),
      )
      .then({
        kind: 'rejected',
        reason: 'UNKNOWN_SKU',
        shortages: [
          { sku: 'GHOST-1', requested: 2, available: 0 },
          { sku: 'GHOST-2', requested: 1, available: 0 },
        ],
      });
  });

  it('given no lines, when reserved, then NO_LINES', () => {
    given(stock)
      .when((levels) => reserveStock(levels, []))
      .thenThrows('NO_LINES');
  });

  it.each([0, -1, 1.5])('given quantity %p, when reserved, then INVALID_QUANTITY', (quantity) => {
    given(stock)
      .when((levels) => reserveStock(levels, [{ sku: 'BOOK-1', quantity }]))
      .thenThrows('INVALID_QUANTITY');
  });

  it('given a blank sku, when reserved, then INVALID_SKU', () => {
    given(stock)
      .when((levels) => reserveStock(levels, [{ sku: ' ', quantity: 1 }]))
      .thenThrows('INVALID_SKU');
  });
});
