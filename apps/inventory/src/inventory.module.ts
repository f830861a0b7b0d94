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
import { GetReservationController } from './get-reservation/get-reservation.controller';
import { GetStockController } from './get-stock/get-stock.controller';
import { InventoryDatabaseModule } from './inventory-database.module';
import { PrismaService } from './prisma.service';
import { SagaReactionsController } from './react-to-saga/saga-reactions.controller';
import { ReleaseStockHandler } from './release-stock/release-stock.handler';
import { ReservationRepository } from './reservation.repository';
import { ReserveStockHandler } from './reserve-stock/reserve-stock.handler';
import { SampleStockSeeder } from './sample-stock';
import { SetStockLevelController } from './set-stock-level/set-stock-level.controller';
import { StockRepository } from './stock.repository';

/** The inventory service's composition root. */
@Module({})
export class InventoryModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: InventoryModule,
      imports: [
        loggingModule('inventory'),
        InventoryDatabaseModule.forRoot(config),
        MessagingModule.forRoot({
          app: 'inventory',
          consumes: ['OrderPlaced', 'PaymentDeclined'],
          produces: ['StockReserved', 'StockRejected', 'StockReleased'],
          kafka: config,
          databaseUrl: config.DATABASE_URL,
          database: PrismaService,
          logger: pino({ name: 'inventory', level: config.LOG_LEVEL }),
        }),
      ],
      controllers: [
        GetStockController,
        SetStockLevelController,
        GetReservationController,
        SagaReactionsController,
        HealthController,
        MetricsController,
      ],
      providers: [
        StockRepository,
        ReservationRepository,
        ReserveStockHandler,
        ReleaseStockHandler,
        SampleStockSeeder,
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
