import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EVENT_CATALOGUE } from '@platform/contracts';
import { UnprocessableEventError, type IncomingMessage } from '@platform/messaging';
import { EventConsumer } from '@platform/messaging-nest';
import { DomainError } from '../domain';
import type { InventoryTransaction } from '../prisma.service';
import { ReleaseStockHandler } from '../release-stock/release-stock.handler';
import { ReserveStockHandler } from '../reserve-stock/reserve-stock.handler';

/**
 * Where the order's and payment's events enter the inventory service. The inbox runs each
 * handler in one transaction with the event's processed-events row, and commits the offset after.
 */
@Controller()
export class SagaReactionsController {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly reserveStock: ReserveStockHandler,
    private readonly releaseStock: ReleaseStockHandler,
  ) {}

  @EventPattern(EVENT_CATALOGUE.OrderPlaced.topic)
  orderPlaced(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'OrderPlaced', (event, tx: InventoryTransaction) =>
      refusalsAreUnprocessable(() => this.reserveStock.apply(tx, event)),
    );
  }

  @EventPattern(EVENT_CATALOGUE.PaymentDeclined.topic)
  paymentDeclined(@Payload() message: IncomingMessage, @Ctx() context: KafkaContext) {
    return this.consumer.consume(message, context, 'PaymentDeclined', (event, tx: InventoryTransaction) =>
      refusalsAreUnprocessable(() => this.releaseStock.apply(tx, event)),
    );
  }
}

/** A refusal by the domain (an order without lines, say) will be refused again on every retry: dead-letter it at once. */
async function refusalsAreUnprocessable(handle: () => Promise<unknown>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (error instanceof DomainError)
      throw new UnprocessableEventError(`${error.code}: ${error.message}`, { cause: error });
    throw error;
  }
}
