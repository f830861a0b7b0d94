import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceConfig } from '@platform/messaging-nest';
import { DomainError } from './domain';
import { GetOrderController } from './get-order/get-order.controller';
import { OrderQueries } from './get-order/order-queries';
import { IdempotencyKeys } from './idempotency-keys';
import { OrderRepository } from './order.repository';
import { PlaceOrderController } from './place-order/place-order.controller';
import { OrderPlacement } from './place-order/order-placement';
import { PlaceOrderHandler } from './place-order/place-order.handler';
import { PrismaService } from './prisma.service';
import { SagaReactionsController } from './react-to-saga/saga-reactions.controller';

/** The order service's composition root. */
@Module({})
export class OrderModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: OrderModule,
      imports: [
        ServiceModule.forRoot({
          app: 'order',
          config,
          prisma: PrismaService,
          consumes: ['StockReserved', 'StockRejected', 'PaymentAuthorized', 'PaymentDeclined'],
          produces: ['OrderPlaced', 'OrderConfirmed', 'OrderCancelled'],
          permanentErrors: [DomainError],
        }),
      ],
      controllers: [PlaceOrderController, GetOrderController, SagaReactionsController],
      providers: [OrderRepository, IdempotencyKeys, OrderQueries, OrderPlacement, PlaceOrderHandler],
    };
  }
}
