import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { EVENT_CATALOGUE } from '@platform/contracts';
import {
  AvroCodec,
  OutboxRelay,
  createIdempotentProducer,
  createKafka,
  createSchemaRegistry,
  type KafkaSettings,
  DEFAULT_LANES,
} from '@platform/messaging';
import type { ReadinessCheck } from '@platform/service-kit';
import { KafkaEventTransport } from './kafka-event-transport';
import { Transactions } from './transactions';
import type { MessagingModuleOptions } from './messaging-module-options';
import { MessagingMetrics } from './messaging-metrics';
import { IDLE_CONNECTION_KEPT_MS } from './idle-connections';
import { AVRO_CODEC, KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, MESSAGING_POOL } from './tokens';

/**
 * Starts the relay once the app is up. On shutdown the transport has already drained the consumer
 * (beforeApplicationShutdown); then the relay publishes what the last batches enqueued, and the
 * producer and pool close.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(MESSAGING_POOL) private readonly pool: Pool,
    private readonly metrics: MessagingMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.metrics.measureBacklogWith(() => this.relay.backlog());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
    await this.pool.end();
  }
}

/** Kafka, the registry, the outbox relay and the event transport of one app, on a database pool of their own. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const { consumes, produces, kafka: settings, logger } = options;
    const subjects = [...new Set([...consumes, ...produces])].map((type) => ({
      subject: EVENT_CATALOGUE[type].subject,
      schema: EVENT_CATALOGUE[type].schema,
    }));
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MESSAGING_POOL,
          useFactory: () => {
            // A connection per lane, one for the relay, one spare (the readiness check, a backlog scrape).
            const pool = new Pool({
              connectionString: options.databaseUrl,
              max: (options.lanes ?? DEFAULT_LANES) + 2,
              connectionTimeoutMillis: 10_000,
              idleTimeoutMillis: IDLE_CONNECTION_KEPT_MS,
            });
            pool.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost'));
            return pool;
          },
        },
        MessagingMetrics,
        { provide: KAFKA, useFactory: () => createKafka(settings, logger) },
        {
          provide: AVRO_CODEC,
          useFactory: async () => {
            const codec = new AvroCodec(createSchemaRegistry(settings));
            await codec.prepare(subjects).catch((error: unknown) => {
              throw new Error(
                `Could not resolve the schemas of ${subjects.map((s) => s.subject).join(', ')} in the registry at ` +
                  `${settings.SCHEMA_REGISTRY_URL}; run 'npm run contracts:apply' first. Cause: ${String(error)}`,
              );
            });
            return codec;
          },
        },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA],
          useFactory: async (kafka: Kafka) => {
            const producer = createIdempotentProducer(kafka);
            await producer.connect();
            return producer;
          },
        },
        {
          provide: OutboxRelay,
          inject: [MESSAGING_POOL, KAFKA_PRODUCER, AVRO_CODEC, MessagingMetrics],
          useFactory: (pool: Pool, producer: Producer, codec: AvroCodec, metrics: MessagingMetrics) =>
            new OutboxRelay({
              pool,
              connectionString: options.databaseUrl,
              producer,
              codec,
              logger,
              ...options.relay,
              onPublished: (counts) =>
                counts.forEach((count, topic) => metrics.produced.inc({ topic }, count)),
            }),
        },
        KafkaEventTransport,
        Transactions,
        MessagingLifecycle,
      ],
      exports: [KafkaEventTransport, Transactions, OutboxRelay, KAFKA, AVRO_CODEC, MessagingMetrics],
    };
  }
}

/** Readiness checks for Kafka and the registry, for the app's HealthController. */
export function messagingReadinessChecks(kafka: Kafka, settings: KafkaSettings): ReadinessCheck[] {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  return [
    {
      name: 'kafka',
      check: async () => {
        connected ??= admin.connect().catch((error: unknown) => {
          connected = undefined;
          throw error;
        });
        await connected;
        await admin.describeCluster();
      },
    },
    {
      name: 'schemaRegistry',
      check: async () => {
        const response = await fetch(`${settings.SCHEMA_REGISTRY_URL}/subjects`);
        if (!response.ok) throw new Error(`registry answered ${response.status}`);
      },
    },
  ];
}
