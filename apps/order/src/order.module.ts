import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule } from '@platform/messaging-nest';
import { DomainError } from './domain';
import { DeadlineSettings } from './expire-orders/deadline-settings';
import { DeadlineSweep } from './expire-orders/deadline-sweep';
import { OrderMetrics } from './order-metrics';
import { GetOrderController } from './get-order/get-order.controller';
import { OrderQueries } from './get-order/order-queries';
import { IdempotencyKeys } from './idempotency-keys';
import { PLACE_ORDER_LIMIT, type OrderConfig } from './order-config';
import { OrderRepository } from './order.repository';
import { PlaceOrderController } from './place-order/place-order.controller';
import { OrderPlacement } from './place-order/order-placement';
import { PlaceOrderHandler } from './place-order/place-order.handler';
import { PrismaService } from './prisma.service';
import { SagaReactionsController } from './react-to-saga/saga-reactions.controller';

/** The order service's composition root. */
@Module({})
export class OrderModule {
  static forRoot(config: OrderConfig): DynamicModule {
    return {
      module: OrderModule,
      imports: [
        ServiceModule.forRoot({
          app: 'order',
          config,
          prisma: PrismaService,
          consumes: [
            'StockReserved',
            'StockRejected',
            'StockReleased',
            'PaymentAuthorized',
            'PaymentDeclined',
            'PaymentRefunded',
          ],
          produces: ['OrderPlaced', 'OrderConfirmed', 'OrderCancelled', 'ReleaseStock', 'RefundPayment'],
          permanentErrors: [DomainError],
          rateLimits: {
            [PLACE_ORDER_LIMIT]: { max: config.ORDER_RATE_LIMIT_PER_MINUTE, timeWindowMs: 60_000 },
          },
        }),
      ],
      controllers: [PlaceOrderController, GetOrderController, SagaReactionsController],
      providers: [
        OrderRepository,
        IdempotencyKeys,
        OrderQueries,
        OrderPlacement,
        PlaceOrderHandler,
        OrderMetrics,
        DeadlineSweep,
        {
          provide: DeadlineSettings,
          useValue: new DeadlineSettings(
            config.ORDER_DEADLINE_SECONDS * 1000,
            config.ORDER_DEADLINE_SWEEP_MS,
          ),
        },
      ],
    };
  }
}
