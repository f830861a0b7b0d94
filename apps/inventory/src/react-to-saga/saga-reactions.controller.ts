import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EVENT_CATALOGUE,
  type OrderCancelled,
  type OrderPlaced,
  type PaymentDeclined,
  type ReleaseStock,
} from '@platform/contracts';
import { EventContext } from '@platform/messaging-nest';
import { ReleaseStockHandler } from '../release-stock/release-stock.handler';
import { ReserveStockHandler } from '../reserve-stock/reserve-stock.handler';

/**
 * Where the order's and payment's events enter the inventory service (and the order's ReleaseStock). Each handler runs in the
 * consumer's transaction, with the event's inbox row; a DomainError (an order without lines, say)
 * is dead-lettered.
 */
@Controller()
export class SagaReactionsController {
  constructor(
    private readonly reserveStock: ReserveStockHandler,
    private readonly releaseStock: ReleaseStockHandler,
  ) {}

  @EventPattern(EVENT_CATALOGUE.OrderPlaced.topic)
  orderPlaced(@Payload() event: OrderPlaced, @Ctx() { tx }: EventContext) {
    return this.reserveStock.apply(tx, event);
  }

  @EventPattern(EVENT_CATALOGUE.PaymentDeclined.topic)
  paymentDeclined(@Payload() event: PaymentDeclined, @Ctx() { tx }: EventContext) {
    return this.releaseStock.apply(tx, event);
  }

  /** Every cancellation (a timed-out order above all) gives back what the order holds, if anything. */
  @EventPattern(EVENT_CATALOGUE.OrderCancelled.topic)
  orderCancelled(@Payload() event: OrderCancelled, @Ctx() { tx }: EventContext) {
    return this.releaseStock.apply(tx, event);
  }

  /** The order's answer to a StockReserved that came after it was cancelled. */
  @EventPattern(EVENT_CATALOGUE.ReleaseStock.topic)
  releaseStockCommand(@Payload() command: ReleaseStock, @Ctx() { tx }: EventContext) {
    return this.releaseStock.apply(tx, command);
  }
}
