import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EVENT_CATALOGUE,
  type EventEnvelope,
  type OrderCancelled,
  type OrderConfirmed,
} from '@platform/contracts';
import type { Transaction } from '@platform/messaging';
import { EventContext } from '@platform/messaging-nest';
import type { OrderOutcome } from '../domain';
import { NotifyCustomerHandler } from './notify-customer.handler';

/**
 * Where the end of an order's saga enters the notification service. The notification row, the
 * inbox row and NotificationSent commit in the consumer's transaction (see NotifyCustomerHandler
 * for where the mail goes out); a DomainError (a blank customerId, say) is dead-lettered.
 */
@Controller()
export class OrderOutcomesController {
  private readonly logger = new Logger(OrderOutcomesController.name);

  constructor(private readonly notifyCustomer: NotifyCustomerHandler) {}

  @EventPattern(EVENT_CATALOGUE.OrderConfirmed.topic)
  orderConfirmed(@Payload() event: OrderConfirmed, @Ctx() { tx }: EventContext) {
    return this.notify(tx, event.envelope, {
      kind: 'ORDER_CONFIRMED',
      orderId: event.orderId,
      customerId: event.customerId,
      total: event.total,
    });
  }

  @EventPattern(EVENT_CATALOGUE.OrderCancelled.topic)
  orderCancelled(@Payload() event: OrderCancelled, @Ctx() { tx }: EventContext) {
    return this.notify(tx, event.envelope, {
      kind: 'ORDER_CANCELLED',
      orderId: event.orderId,
      customerId: event.customerId,
      total: event.total,
      reason: event.reason,
      detail: event.detail,
    });
  }

  private async notify(tx: Transaction, cause: EventEnvelope, outcome: OrderOutcome) {
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
  }
}
