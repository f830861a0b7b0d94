import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceSettings } from '@platform/messaging-nest';
import type { NotificationConfig } from './notification-config';
import { PrismaService } from './prisma.service';

/** Settings and the database, global so the messaging module can run handlers in its transactions. */
@Module({})
export class NotificationDatabaseModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationDatabaseModule,
      global: true,
      providers: [{ provide: ServiceSettings, useValue: new ServiceSettings(config) }, PrismaService],
      exports: [ServiceSettings, PrismaService],
    };
  }
}
