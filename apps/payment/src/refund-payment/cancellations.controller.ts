import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_CATALOGUE, type OrderCancelled, type RefundPayment } from '@platform/contracts';
import { EventContext } from '@platform/messaging-nest';
import { RefundPaymentHandler } from './refund-payment.handler';

/** Where cancellations enter the payment service: each refunds what was authorized for the order, if anything. */
@Controller()
export class CancellationsController {
  constructor(private readonly refundPayment: RefundPaymentHandler) {}

  @EventPattern(EVENT_CATALOGUE.OrderCancelled.topic)
  async orderCancelled(@Payload() event: OrderCancelled, @Ctx() { tx }: EventContext): Promise<void> {
    await this.refundPayment.execute(tx, event);
  }

  /** The order's answer to a PaymentAuthorized that came after it was cancelled. */
  @EventPattern(EVENT_CATALOGUE.RefundPayment.topic)
  async refundPaymentCommand(@Payload() command: RefundPayment, @Ctx() { tx }: EventContext): Promise<void> {
    await this.refundPayment.execute(tx, command);
  }
}
