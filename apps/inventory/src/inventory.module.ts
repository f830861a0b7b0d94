import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceConfig } from '@platform/messaging-nest';
import { GetReservationController } from './get-reservation/get-reservation.controller';
import { GetStockController } from './get-stock/get-stock.controller';
import { DomainError } from './domain';
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
        ServiceModule.forRoot({
          app: 'inventory',
          config,
          prisma: PrismaService,
          consumes: ['OrderPlaced', 'PaymentDeclined', 'OrderCancelled', 'ReleaseStock'],
          produces: ['StockReserved', 'StockRejected', 'StockReleased'],
          permanentErrors: [DomainError],
          // Reservations lock stock rows shared by every order naming the SKU, in SKU order per order
          // but not across a batch: concurrent batch transactions could deadlock on them.
          lanes: 1,
        }),
      ],
      controllers: [
        GetStockController,
        SetStockLevelController,
        GetReservationController,
        SagaReactionsController,
      ],
      providers: [
        StockRepository,
        ReservationRepository,
        ReserveStockHandler,
        ReleaseStockHandler,
        SampleStockSeeder,
      ],
    };
  }
}
