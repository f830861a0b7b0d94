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
import { AuthorizePaymentHandler } from './authorize-payment/authorize-payment.handler';
import { StockReservedController } from './authorize-payment/stock-reserved.controller';
import { GetPaymentController } from './get-payment/get-payment.controller';
import { PaymentQueries } from './get-payment/payment-queries';
import { PaymentDatabaseModule } from './payment-database.module';
import { PaymentRepository } from './payment.repository';
import { PrismaService } from './prisma.service';
import { TestCardsController } from './test-cards/test-cards.controller';

/** The payment service's composition root. */
@Module({})
export class PaymentModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PaymentModule,
      imports: [
        loggingModule('payment'),
        PaymentDatabaseModule.forRoot(config),
        MessagingModule.forRoot({
          app: 'payment',
          consumes: ['StockReserved'],
          produces: ['PaymentAuthorized', 'PaymentDeclined'],
          kafka: config,
          databaseUrl: config.DATABASE_URL,
          database: PrismaService,
          logger: pino({ name: 'payment', level: config.LOG_LEVEL }),
        }),
      ],
      controllers: [
        GetPaymentController,
        TestCardsController,
        StockReservedController,
        HealthController,
        MetricsController,
      ],
      providers: [
        PaymentRepository,
        PaymentQueries,
        AuthorizePaymentHandler,
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
