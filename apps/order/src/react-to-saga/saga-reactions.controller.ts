import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EVENT_CATALOGUE,
  type EventEnvelope,
  type PaymentAuthorized,
  type PaymentDeclined,
  type PaymentRefunded,
  type StockRejected,
  type StockReleased,
  type StockReserved,
} from '@platform/contracts';
import type { Transaction } from '@platform/messaging';
import { EventContext } from '@platform/messaging-nest';
import { decideAndApply, isFinal, type OrderCommand } from '../domain';
import { OrderMetrics } from '../order-metrics';
import { OrderRepository } from '../order.repository';
import { toOutgoingEvents } from '../published-events';

/**
 * Where inventory's and payment's reports enter the order service. Each becomes an order command;
 * the decision, the history entry and any OrderConfirmed/OrderCancelled commit in the consumer's
 * transaction, with the event's inbox row. A DomainError (an unknown order, say) is dead-lettered.
 * A late StockReserved or PaymentAuthorized for a cancelled order is answered with ReleaseStock or
 * RefundPayment; StockReleased and PaymentRefunded only join the order's history.
 */
@Controller()
export class SagaReactionsController {
  constructor(
    private readonly orders: OrderRepository,
    private readonly metrics: OrderMetrics,
  ) {}

  @EventPattern(EVENT_CATALOGUE.StockReserved.topic)
  stockReserved(@Payload() event: StockReserved, @Ctx() { tx }: EventContext) {
    return this.apply(tx, event.envelope, {
      type: 'RecordStockReserved',
      orderId: event.orderId,
      now: new Date(),
    });
  }

  @EventPattern(EVENT_CATALOGUE.StockRejected.topic)
  stockRejected(@Payload() event: StockRejected, @Ctx() { tx }: EventContext) {
    return this.apply(tx, event.envelope, {
      type: 'RecordStockRejected',
      orderId: event.orderId,
      reason: event.reason,
      shortages: event.shortages,
      now: new Date(),
    });
  }

  @EventPattern(EVENT_CATALOGUE.PaymentAuthorized.topic)
  paymentAuthorized(@Payload() event: PaymentAuthorized, @Ctx() { tx }: EventContext) {
    return this.apply(tx, event.envelope, {
      type: 'RecordPaymentAuthorized',
      orderId: event.orderId,
      paymentId: event.paymentId,
      amount: event.amount,
      now: new Date(),
    });
  }

  @EventPattern(EVENT_CATALOGUE.PaymentDeclined.topic)
  paymentDeclined(@Payload() event: PaymentDeclined, @Ctx() { tx }: EventContext) {
    return this.apply(tx, event.envelope, {
      type: 'RecordPaymentDeclined',
      orderId: event.orderId,
      paymentId: event.paymentId,
      amount: event.amount,
      reason: event.reason,
      now: new Date(),
    });
  }

  @EventPattern(EVENT_CATALOGUE.StockReleased.topic)
  stockReleased(@Payload() event: StockReleased, @Ctx() { tx }: EventContext) {
    return this.apply(tx, event.envelope, {
      type: 'RecordCompensation',
      orderId: event.orderId,
      compensation: 'StockReleased',
      now: new Date(),
    });
  }

  @EventPattern(EVENT_CATALOGUE.PaymentRefunded.topic)
  paymentRefunded(@Payload() event: PaymentRefunded, @Ctx() { tx }: EventContext) {
    return this.apply(tx, event.envelope, {
      type: 'RecordCompensation',
      orderId: event.orderId,
      compensation: 'PaymentRefunded',
      now: new Date(),
    });
  }

  private async apply(
    tx: Transaction,
    cause: EventEnvelope,
    command: Exclude<OrderCommand, { type: 'PlaceOrder' | 'ExpireOrder' }>,
  ) {
    const state = await this.orders.loadForUpdate(tx, command.orderId);
    const { state: next, events } = decideAndApply(command, state);
    const outgoing = toOutgoingEvents(events, { cause });
    const history = [cause, ...outgoing.map((o) => o.event.envelope)];
    tx.enqueue(...outgoing);
    if (!next || next === state) return this.orders.appendHistory(tx, command.orderId, history);
    await this.orders.update(tx, next, history);
    if (state && !isFinal(state) && isFinal(next)) this.metrics.settled(next, command.now);
  }
}
