import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceConfig } from '@platform/messaging-nest';
import { GetOrderController } from './get-order/get-order.controller';
import { OrderQueries } from './get-order/order-queries';
import { OrderDatabaseModule } from './order-database.module';
import { OrderRepository } from './order.repository';
import { PlaceOrderController } from './place-order/place-order.controller';
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
          databaseModule: OrderDatabaseModule.forRoot(config),
          database: PrismaService,
          consumes: ['StockReserved', 'StockRejected', 'PaymentAuthorized', 'PaymentDeclined'],
          produces: ['OrderPlaced', 'OrderConfirmed', 'OrderCancelled'],
        }),
      ],
      controllers: [PlaceOrderController, GetOrderController, SagaReactionsController],
      providers: [OrderRepository, OrderQueries, PlaceOrderHandler],
    };
  }
}
