import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_CATALOGUE, type StockReserved } from '@platform/contracts';
import { EventContext } from '@platform/messaging-nest';
import { AuthorizePaymentHandler } from './authorize-payment.handler';

/** Where inventory's StockReserved enters the payment service: each one asks for an authorization. */
@Controller()
export class StockReservedController {
  constructor(private readonly authorizePayment: AuthorizePaymentHandler) {}

  @EventPattern(EVENT_CATALOGUE.StockReserved.topic)
  async stockReserved(@Payload() event: StockReserved, @Ctx() { tx }: EventContext): Promise<void> {
    await this.authorizePayment.execute(tx, event);
  }
}
