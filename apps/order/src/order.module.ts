import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  KAFKA,
  MessagingModule,
  messagingReadinessChecks,
  type ServiceConfig,
} from '@platform/messaging-nest';
import { HealthController, MetricsController, READINESS_CHECKS, loggingModule } from '@platform/service-kit';
import pino from 'pino';
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
        loggingModule('order'),
        OrderDatabaseModule.forRoot(config),
        MessagingModule.forRoot({
          app: 'order',
          consumes: ['StockReserved', 'StockRejected', 'PaymentAuthorized', 'PaymentDeclined'],
          produces: ['OrderPlaced', 'OrderConfirmed', 'OrderCancelled'],
          kafka: config,
          databaseUrl: config.DATABASE_URL,
          database: PrismaService,
          logger: pino({ name: 'order', level: config.LOG_LEVEL }),
        }),
      ],
      controllers: [
        PlaceOrderController,
        GetOrderController,
        SagaReactionsController,
        HealthController,
        MetricsController,
      ],
      providers: [
        OrderRepository,
        OrderQueries,
        PlaceOrderHandler,
        {
          provide: READINESS_CHECKS,
          inject: [PrismaService, KAFKA],
          useFactory: (prisma: PrismaService, kafka: Kafka) => [
            { name: 'database', check: () => prisma.$queryRaw`SELECT 1` },
            ...messagingReadinessChecks(kafka, config),
          ],
        },
      ],
    };
  }
}
