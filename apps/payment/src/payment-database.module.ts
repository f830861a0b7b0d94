import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceSettings, type ServiceConfig } from '@platform/messaging-nest';
import { PrismaService } from './prisma.service';

/** Settings and the database, global so the messaging module can run handlers in its transactions. */
@Module({})
export class PaymentDatabaseModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PaymentDatabaseModule,
      global: true,
      providers: [{ provide: ServiceSettings, useValue: new ServiceSettings(config) }, PrismaService],
      exports: [ServiceSettings, PrismaService],
    };
  }
}
