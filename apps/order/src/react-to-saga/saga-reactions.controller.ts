import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EVENT_CATALOGUE, type EventEnvelope } from '@platform/contracts';
import { enqueueEvents, UnprocessableEventError, type IncomingMessage } from '@platform/messaging';
import { EventConsumer } from '@platform/messaging-nest';
import { decideAndApply, DomainError, type OrderCommand } from '../domain';
import { OrderRepository } from '../order.repository';
import type { OrderTransaction } from '../prisma.service';
import { toOutgoingEvents } from '../published-events';

/**
 * Where inventory's and payment's reports enter the order service. Each becomes an order
 * command; the decision, the history entry and any OrderConfirmed/OrderCancelled commit in the
 * same transaction as the event's processed-events row.
 */
@Controller()
export class SagaReactionsController {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly orders: OrderRepository,
  ) {}

  @EventPattern(EVENT_CATALOGUE.StockReserved.topic)
  stockReserved(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'StockReserved', (event, tx: OrderTransaction) =>
      this.apply(tx, event.envelope, {
        type: 'RecordStockReserved',
        orderId: event.orderId,
        now: new Date(),
      }),
    );
  }

  @EventPattern(EVENT_CATALOGUE.StockRejected.topic)
  stockRejected(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'StockRejected', (event, tx: OrderTransaction) =>
      this.apply(tx, event.envelope, {
        type: 'RecordStockRejected',
        orderId: event.orderId,
        reason: event.reason,
        shortages: event.shortages,
        now: new Date(),
      }),
    );
  }

  @EventPattern(EVENT_CATALOGUE.PaymentAuthorized.topic)
  paymentAuthorized(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'PaymentAuthorized', (event, tx: OrderTransaction) =>
      this.apply(tx, event.envelope, {
        type: 'RecordPaymentAuthorized',
        orderId: event.orderId,
        paymentId: event.paymentId,
        amount: event.amount,
        now: new Date(),
      }),
    );
  }

  @EventPattern(EVENT_CATALOGUE.PaymentDeclined.topic)
  paymentDeclined(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'PaymentDeclined', (event, tx: OrderTransaction) =>
      this.apply(tx, event.envelope, {
        type: 'RecordPaymentDeclined',
        orderId: event.orderId,
        paymentId: event.paymentId,
        amount: event.amount,
        reason: event.reason,
        now: new Date(),
      }),
    );
  }

  private async apply(
    tx: OrderTransaction,
    cause: EventEnvelope,
    command: Exclude<OrderCommand, { type: 'PlaceOrder' }>,
  ) {
    try {
      const state = await this.orders.load(tx, command.orderId, { forUpdate: true });
      const { state: next, events } = decideAndApply(command, state);
      const outgoing = toOutgoingEvents(events, { cause });
      await this.orders.appendHistory(tx, command.orderId, [cause, ...outgoing.map((o) => o.event.envelope)]);
      if (events.length === 0 || !next) return;
      await this.orders.update(tx, next);
      await enqueueEvents(tx, outgoing);
    } catch (error) {
      // A refusal by the domain will be refused again on every retry: dead-letter it at once.
      if (error instanceof DomainError)
        throw new UnprocessableEventError(`${error.code}: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
