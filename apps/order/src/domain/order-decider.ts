import { assertNever } from './assert-never';
import { cancellationForPayment, cancellationForStock, type Cancellation } from './cancellation';
import { cancellationForTimeout, isPastDeadline } from './deadline';
import { compensateLateReply } from './late-replies';
import { DomainError } from './domain-error';
import { moneyEquals } from './money';
import type { OrderCommand } from './order-commands';
import type { OrderCancelled, OrderEvent } from './order-events';
import type { Order, OrderState, PendingOrder } from './order';
import { placeOrder } from './place-order';

/**
 * The order's side of the saga as a decider: `decide` says what happens, `evolve` applies it.
 *
 * Once an order is final, what inventory or payment still report about it changes nothing, but a
 * StockReserved or PaymentAuthorized for a CANCELLED order is compensated (see late-replies.ts).
 * Redeliveries and late events are expected under at-least-once delivery, so they are not errors.
 * Events of one order travel on different topics with no ordering between them, so a payment can
 * be authorized before the order has heard that the stock is reserved; the order is confirmed all
 * the same, and the late StockReserved then finds it final.
 */
export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  if (command.type === 'PlaceOrder') {
    if (state !== null) {
      throw new DomainError('ORDER_ALREADY_PLACED', `order ${state.orderId} already exists`, 'orderId');
    }
    return [placeOrder(command)];
  }
  const order = existing(state, command.orderId);
  if (command.type === 'RecordCompensation') return []; // history only
  if (order.status !== 'PENDING') {
    return command.type === 'RecordStockReserved' || command.type === 'RecordPaymentAuthorized'
      ? compensateLateReply(order, command)
      : [];
  }
  switch (command.type) {
    case 'ExpireOrder':
      // The sweep may have read the order before a reply settled it or before its time; check again here.
      return isPastDeadline(order, command.now)
        ? [cancel(order, cancellationForTimeout(order), command.now)]
        : [];
    case 'RecordStockReserved':
      if (order.stockReservedAt !== null) return [];
      return [{ type: 'StockReservationRecorded', orderId: order.orderId, reservedAt: command.now }];
    case 'RecordStockRejected':
      return [cancel(order, cancellationForStock(command.reason, command.shortages), command.now)];
    case 'RecordPaymentAuthorized':
      if (!moneyEquals(command.amount, order.total)) {
        // Confirming on a partial (or foreign-currency) authorization would ship unpaid goods.
        throw new DomainError(
          'PAYMENT_AMOUNT_MISMATCH',
          `payment ${command.paymentId} authorized ${command.amount.amountMinor} ${command.amount.currency}, ` +
            `order total is ${order.total.amountMinor} ${order.total.currency}`,
        );
      }
      return [
        {
          type: 'OrderConfirmed',
          orderId: order.orderId,
          customerId: order.customerId,
          total: order.total,
          paymentId: command.paymentId,
          confirmedAt: command.now,
        },
      ];
    case 'RecordPaymentDeclined':
      return [cancel(order, cancellationForPayment(command.reason, command.paymentId), command.now)];
    default:
      return assertNever(command);
  }
}

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderPlaced': {
      // The channel only travels on the event; the order service keeps no use for it.
      const { type: _type, channel: _channel, ...placed } = event;
      return { status: 'PENDING', ...placed, stockReservedAt: null };
    }
    case 'StockReservationRecorded':
      return { ...pending(state, event), stockReservedAt: event.reservedAt };
    case 'OrderConfirmed':
      return {
        ...pending(state, event),
        status: 'CONFIRMED',
        paymentId: event.paymentId,
        confirmedAt: event.confirmedAt,
      };
    case 'OrderCancelled':
      return {
        ...pending(state, event),
        status: 'CANCELLED',
        reason: event.reason,
        detail: event.detail,
        cancelledAt: event.cancelledAt,
      };
    case 'StockReleaseRequested':
    case 'PaymentRefundRequested':
      return state;
    default:
      return assertNever(event);
  }
}

/** Decides and applies in one step: the new state to save and the events to record with it. */
export function decideAndApply(
  command: OrderCommand,
  state: OrderState,
): { readonly state: OrderState; readonly events: OrderEvent[] } {
  const events = decide(command, state);
  return { state: events.reduce(evolve, state), events };
}

function existing(state: OrderState, orderId: string): Order {
  // Inventory and payment only react to an OrderPlaced this service committed first, so an
  // unknown order means a message that can never succeed: refuse it and let it be dead-lettered.
  if (state === null) throw new DomainError('ORDER_NOT_FOUND', `no order ${orderId}`);
  if (state.orderId !== orderId) {
    throw new DomainError('ORDER_ID_MISMATCH', `command for ${orderId} applied to order ${state.orderId}`);
  }
  return state;
}

function pending(state: OrderState, event: OrderEvent): PendingOrder {
  if (state === null || state.status !== 'PENDING' || state.orderId !== event.orderId) {
    throw new DomainError(
      'ORDER_NOT_PENDING',
      `${event.type} applies only to pending order ${event.orderId}`,
    );
  }
  return state;
}

function cancel(order: PendingOrder, { reason, detail }: Cancellation, now: Date): OrderCancelled {
  return {
    type: 'OrderCancelled',
    orderId: order.orderId,
    customerId: order.customerId,
    total: order.total,
    reason,
    detail,
    cancelledAt: now,
  };
}
