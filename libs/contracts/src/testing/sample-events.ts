import type { EventTypeMap } from '../generated/event-types';
import { envelopeFor } from '../catalogue/envelope-for';

const ORDER_ID = '7f9c2ba4-e88f-4e56-8a57-4c0d1f3a9b21';
const CUSTOMER_ID = 'customer-42';
const PAYMENT_ID = '0d6f5a8e-3c2b-4e1f-9a7d-5b8c1e2f3a4d';
const TOTAL = { amountMinor: 4497, currency: 'EUR' };
const LINES = [
  { sku: 'SKU-MUG', quantity: 2, unitPrice: { amountMinor: 1299, currency: 'EUR' } },
  { sku: 'SKU-TEA', quantity: 1, unitPrice: { amountMinor: 1899, currency: 'EUR' } },
];

/**
 * One valid event of every type, all about the same order and chained by correlation and causation
 * as the saga would chain them. Deterministic: fixed ids and times, so tests can compare values.
 */
export function sampleEvents(): EventTypeMap {
  let clock = Date.UTC(2025, 0, 15, 9, 30);
  let sequence = 0;
  const next = (cause?: { envelope: { eventId: string; correlationId: string } }) => ({
    now: () => new Date((clock += 1_000)),
    newId: () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
    ...(cause && { cause: cause.envelope }),
  });

  const OrderPlaced = {
    envelope: envelopeFor('OrderPlaced', { ...next(), correlationId: 'request-1' }),
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    lines: LINES,
    total: TOTAL,
    paymentMethod: 'tok_visa',
    channel: 'web',
  };
  const StockReserved = {
    envelope: envelopeFor('StockReserved', next(OrderPlaced)),
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    lines: LINES,
    total: TOTAL,
    paymentMethod: 'tok_visa',
  };
  const StockRejected = {
    envelope: envelopeFor('StockRejected', next(OrderPlaced)),
    orderId: ORDER_ID,
    reason: 'OUT_OF_STOCK' as const,
    shortages: [{ sku: 'SKU-MUG', requested: 2, available: 1 }],
  };
  const PaymentDeclined = {
    envelope: envelopeFor('PaymentDeclined', next(StockReserved)),
    orderId: ORDER_ID,
    paymentId: PAYMENT_ID,
    amount: TOTAL,
    reason: 'INSUFFICIENT_FUNDS' as const,
  };
  const StockReleased = {
    envelope: envelopeFor('StockReleased', next(PaymentDeclined)),
    orderId: ORDER_ID,
    lines: LINES.map(({ sku, quantity }) => ({ sku, quantity })),
  };
  const PaymentAuthorized = {
    envelope: envelopeFor('PaymentAuthorized', next(StockReserved)),
    orderId: ORDER_ID,
    paymentId: PAYMENT_ID,
    amount: TOTAL,
  };
  const OrderConfirmed = {
    envelope: envelopeFor('OrderConfirmed', next(PaymentAuthorized)),
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    total: TOTAL,
  };
  const OrderCancelled = {
    envelope: envelopeFor('OrderCancelled', next(PaymentDeclined)),
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    total: TOTAL,
    reason: 'INSUFFICIENT_FUNDS' as const,
    detail: null,
  };
  const NotificationSent = {
    envelope: envelopeFor('NotificationSent', next(OrderConfirmed)),
    orderId: ORDER_ID,
    customerId: CUSTOMER_ID,
    kind: 'ORDER_CONFIRMED' as const,
    channel: 'LOG' as const,
    recipient: CUSTOMER_ID,
  };
  // The compensation of late replies, created last so the events above keep their ids.
  const ReleaseStock = { envelope: envelopeFor('ReleaseStock', next(StockReserved)), orderId: ORDER_ID };
  const RefundPayment = {
    envelope: envelopeFor('RefundPayment', next(PaymentAuthorized)),
    orderId: ORDER_ID,
    paymentId: PAYMENT_ID,
    amount: TOTAL,
  };
  const PaymentRefunded = {
    envelope: envelopeFor('PaymentRefunded', next(RefundPayment)),
    orderId: ORDER_ID,
    paymentId: PAYMENT_ID,
    amount: TOTAL,
  };
  return {
    OrderPlaced,
    StockReserved,
    StockRejected,
    StockReleased,
    PaymentAuthorized,
    PaymentDeclined,
    OrderConfirmed,
    OrderCancelled,
    ReleaseStock,
    RefundPayment,
    PaymentRefunded,
    NotificationSent,
  };
}
