import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { AppName, EventType } from '@platform/contracts';
import type { SqlTransaction, TransactionalDatabase } from '@platform/messaging';
import { HealthController, MetricsController, READINESS_CHECKS, loggingModule } from '@platform/service-kit';
import pino from 'pino';
import { MessagingModule, messagingReadinessChecks } from './messaging.module';
import type { ServiceConfig } from './service-config';
import { KAFKA } from './tokens';

export interface ServiceModuleOptions {
  app: AppName;
  config: ServiceConfig;
  /** The app's global module providing its settings and database (the class given as `database`). */
  databaseModule: DynamicModule;
  database: Type<TransactionalDatabase<SqlTransaction> & SqlTransaction>;
  consumes: EventType[];
  produces: EventType[];
}

/**
 * What every service has besides its own use cases: JSON logs, its database, the messaging
 * pipeline, and the health and metrics endpoints, with readiness covering the database, Kafka
 * and the registry. An app's root module imports this and adds only its controllers and handlers.
 */
@Module({})
export class ServiceModule {
  static forRoot({
    app,
    config,
    databaseModule,
    database,
    consumes,
    produces,
  }: ServiceModuleOptions): DynamicModule {
    return {
      module: ServiceModule,
      imports: [
        loggingModule(app),
        databaseModule,
        MessagingModule.forRoot({
          app,
          consumes,
          produces,
          kafka: config,
          databaseUrl: config.DATABASE_URL,
          database,
          logger: pino({ name: app, level: config.LOG_LEVEL }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: [database, KAFKA],
          useFactory: (db: SqlTransaction, kafka: Kafka) => [
            { name: 'database', check: () => db.$executeRawUnsafe('SELECT 1') },
            ...messagingReadinessChecks(kafka, config),
          ],
        },
      ],
    };
  }
}
