import type { PlaceOrder } from '../order-commands';
import type { OrderPlaced } from '../order-events';

/** A small, valid order of 2 × 12.50 EUR + 1 × 5.00 EUR = 30.00 EUR, for tests to vary. */
export const placedAt = new Date('2025-01-01T10:00:00.000Z');
export const later = new Date('2025-01-01T10:00:05.000Z');
/** Fifteen minutes after placement, the default wait. */
export const deadlineAt = new Date('2025-01-01T10:15:00.000Z');

export function placeOrderCommand(overrides: Partial<PlaceOrder> = {}): PlaceOrder {
  return {
    type: 'PlaceOrder',
    orderId: 'order-1',
    customerId: 'ada@example.com',
    currency: 'EUR',
    paymentMethod: 'tok_visa',
    channel: 'web',
    deadlineAt,
    lines: [
      { sku: 'BOOK-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } },
      { sku: 'PEN-1', quantity: 1, unitPrice: { amountMinor: 500, currency: 'EUR' } },
    ],
    now: placedAt,
    ...overrides,
  };
}

export const orderPlaced: OrderPlaced = {
  type: 'OrderPlaced',
  orderId: 'order-1',
  customerId: 'ada@example.com',
  lines: [
    { sku: 'BOOK-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } },
    { sku: 'PEN-1', quantity: 1, unitPrice: { amountMinor: 500, currency: 'EUR' } },
  ],
  total: { amountMinor: 3000, currency: 'EUR' },
  paymentMethod: 'tok_visa',
  channel: 'web',
  placedAt,
  deadlineAt,
};
