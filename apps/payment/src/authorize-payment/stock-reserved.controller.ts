import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EVENT_CATALOGUE } from '@platform/contracts';
import type { IncomingMessage } from '@platform/messaging';
import { EventConsumer } from '@platform/messaging-nest';
import type { PaymentTransaction } from '../prisma.service';
import { AuthorizePaymentHandler } from './authorize-payment.handler';

/** Where inventory's StockReserved enters the payment service: each one asks for an authorization. */
@Controller()
export class StockReservedController {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly authorizePayment: AuthorizePaymentHandler,
  ) {}

  @EventPattern(EVENT_CATALOGUE.StockReserved.topic)
  stockReserved(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'StockReserved', async (event, tx: PaymentTransaction) => {
      await this.authorizePayment.execute(tx, event);
    });
  }
}
