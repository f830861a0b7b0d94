import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import type { AppName, EventType } from '@platform/contracts';
import {
  AuthModule,
  HealthController,
  MetricsController,
  READINESS_CHECKS,
  loggingModule,
  type RateLimit,
} from '@platform/service-kit';
import pino from 'pino';
import { KafkaEventTransport } from './kafka-event-transport';
import { MessagingModule, messagingReadinessChecks } from './messaging.module';
import type { MessagingModuleOptions } from './messaging-module-options';
import { ServiceSettings, type ServiceConfig } from './service-config';
import { DATABASE_POOL, KAFKA } from './tokens';
import { IDLE_CONNECTION_KEPT_MS } from './idle-connections';

export interface ServiceModuleOptions {
  app: AppName;
  config: ServiceConfig;
  /** The app's Prisma client class; constructed with the shared DATABASE_POOL, for its queries. */
  prisma: Type<unknown>;
  consumes: EventType[];
  produces: EventType[];
  permanentErrors?: MessagingModuleOptions['permanentErrors'];
  savepointPerEvent?: boolean;
  lanes?: number;
  /** Per-caller limits that the app's routes name with @RateLimitPerCaller(name). */
  rateLimits?: Record<string, RateLimit>;
}

// HTTP commands and Prisma's queries (the consumer and relay have their own, MESSAGING_POOL); with
// those, four apps stay well inside PostgreSQL's default of 100 connections, beside the registry and tools.
const POOL_SIZE = 10;

/** Closes the HTTP side's pool once Nest has stopped serving requests. */
@Injectable()
class DatabasePoolLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * What every service has besides its own use cases: JSON logs, bearer-token checks on every REST
 * route (AuthModule), its settings and database pool,
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
    lanes,
    rateLimits,
  }: ServiceModuleOptions): DynamicModule {
    const logger = pino({ name: app, level: config.LOG_LEVEL });
    if (config.AUTH_MODE === 'off')
      logger.warn(
        'AUTH_MODE=off: REST calls are not authenticated; anyone who reaches this port is an operator',
      );
    return {
      module: ServiceModule,
      global: true,
      imports: [
        loggingModule(app),
        AuthModule.forRoot(config, rateLimits),
        MessagingModule.forRoot({
          app,
          consumes,
          produces,
          kafka: config,
          databaseUrl: config.DATABASE_URL,
          logger,
          ...(permanentErrors ? { permanentErrors } : {}),
          ...(savepointPerEvent ? { savepointPerEvent } : {}),
          ...(lanes ? { lanes } : {}),
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
              idleTimeoutMillis: IDLE_CONNECTION_KEPT_MS,
            });
            // An idle connection that the server dropped must not crash the process; the next query reconnects.
            pool.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost'));
            return pool;
          },
        },
        prisma,
        DatabasePoolLifecycle,
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
