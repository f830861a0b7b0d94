import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EVENT_CATALOGUE, type EventEnvelope } from '@platform/contracts';
import { UnprocessableEventError, type IncomingMessage } from '@platform/messaging';
import { EventConsumer } from '@platform/messaging-nest';
import { DomainError, type OrderOutcome } from '../domain';
import type { NotificationTransaction } from '../prisma.service';
import { NotifyCustomerHandler } from './notify-customer.handler';

/**
 * Where the end of an order's saga enters the notification service. The notification row, the
 * processed-events row and NotificationSent commit in one transaction (see NotifyCustomerHandler
 * for where the mail goes out).
 */
@Controller()
export class OrderOutcomesController {
  private readonly logger = new Logger(OrderOutcomesController.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly notifyCustomer: NotifyCustomerHandler,
  ) {}

  @EventPattern(EVENT_CATALOGUE.OrderConfirmed.topic)
  orderConfirmed(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'OrderConfirmed', (event, tx: NotificationTransaction) =>
      this.notify(tx, event.envelope, {
        kind: 'ORDER_CONFIRMED',
        orderId: event.orderId,
        customerId: event.customerId,
        total: event.total,
      }),
    );
  }

  @EventPattern(EVENT_CATALOGUE.OrderCancelled.topic)
  orderCancelled(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'OrderCancelled', (event, tx: NotificationTransaction) =>
      this.notify(tx, event.envelope, {
        kind: 'ORDER_CANCELLED',
        orderId: event.orderId,
        customerId: event.customerId,
        total: event.total,
        reason: event.reason,
        detail: event.detail,
      }),
    );
  }

  private async notify(tx: NotificationTransaction, cause: EventEnvelope, outcome: OrderOutcome) {
    try {
      const result = await this.notifyCustomer.execute(tx, outcome, cause);
      const context = {
        orderId: outcome.orderId,
        kind: outcome.kind,
        eventId: cause.eventId,
        correlationId: cause.correlationId,
      };
      if (result === 'FAILED')
        this.logger.warn(context, 'notification refused by the mail server; recorded as FAILED');
      if (result === 'ALREADY_NOTIFIED')
        this.logger.log(context, 'order outcome already notified; nothing sent');
    } catch (error) {
      // A refusal by the domain (a blank customerId, a malformed amount) will be refused again on
      // every retry: dead-letter it at once.
      if (error instanceof DomainError)
        throw new UnprocessableEventError(`${error.code}: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
