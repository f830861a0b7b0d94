import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import type { AppName, EventType } from '@platform/contracts';
import { HealthController, MetricsController, READINESS_CHECKS, loggingModule } from '@platform/service-kit';
import pino from 'pino';
import { KafkaEventTransport } from './kafka-event-transport';
import { MessagingModule, messagingReadinessChecks } from './messaging.module';
import type { MessagingModuleOptions } from './messaging-module-options';
import { ServiceSettings, type ServiceConfig } from './service-config';
import { DATABASE_POOL, KAFKA } from './tokens';

export interface ServiceModuleOptions {
  app: AppName;
  config: ServiceConfig;
  /** The app's Prisma client class; constructed with the shared DATABASE_POOL, for its queries. */
  prisma: Type<unknown>;
  consumes: EventType[];
  produces: EventType[];
  permanentErrors?: MessagingModuleOptions['permanentErrors'];
  savepointPerEvent?: boolean;
}

// Handlers' batch transactions, HTTP commands, the relay and Prisma's queries share it; PostgreSQL's
// default of 100 connections leaves room for four apps, the registry and the tools.
const POOL_SIZE = 10;

/**
 * What every service has besides its own use cases: JSON logs, its settings and database pool,
 * its Prisma client, the messaging pipeline, and the health and metrics endpoints, with readiness
 * covering the database, Kafka and the registry. An app's root module imports this and adds only
 * its controllers and handlers.
 */
@Module({})
export class ServiceModule {
  static forRoot({
    app,
    config,
    prisma,
    consumes,
    produces,
    permanentErrors,
    savepointPerEvent,
  }: ServiceModuleOptions): DynamicModule {
    const logger = pino({ name: app, level: config.LOG_LEVEL });
    return {
      module: ServiceModule,
      global: true,
      imports: [
        loggingModule(app),
        MessagingModule.forRoot({
          app,
          consumes,
          produces,
          kafka: config,
          databaseUrl: config.DATABASE_URL,
          logger,
          ...(permanentErrors ? { permanentErrors } : {}),
          ...(savepointPerEvent ? { savepointPerEvent } : {}),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ServiceSettings, useValue: new ServiceSettings(config) },
        {
          provide: DATABASE_POOL,
          useFactory: () => {
            // A connection that cannot be had within 10 s is an outage (retried as such), never an endless wait.
            const pool = new Pool({
              connectionString: config.DATABASE_URL,
              max: POOL_SIZE,
              connectionTimeoutMillis: 10_000,
            });
            // An idle connection that the server dropped must not crash the process; the next query reconnects.
            pool.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost'));
            return pool;
          },
        },
        prisma,
        {
          provide: READINESS_CHECKS,
          inject: [DATABASE_POOL, KAFKA, KafkaEventTransport],
          useFactory: (pool: Pool, kafka: Kafka, events: KafkaEventTransport) => [
            { name: 'database', check: () => pool.query('SELECT 1') },
            ...messagingReadinessChecks(kafka, config),
            {
              // Up and connected is not enough: the consumer must be in its group and fetching.
              name: 'consumer',
              check: async () => {
                const health = events.health();
                if (!health.consuming) throw new Error(health.reason ?? 'not consuming');
              },
            },
          ],
        },
      ],
      exports: [ServiceSettings, DATABASE_POOL, prisma],
    };
  }
}
