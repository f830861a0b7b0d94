import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { EVENT_CATALOGUE, deadLetterTopic, type AppName, type EventType } from '@platform/contracts';
import {
  AvroCodec,
  DeadLetterPublisher,
  EventInbox,
  OutboxRelay,
  createIdempotentProducer,
  createKafka,
  createSchemaRegistry,
  type KafkaSettings,
  type Logger,
  type RetryPolicy,
  type SqlTransaction,
  type TransactionalDatabase,
} from '@platform/messaging';
import type { ReadinessCheck } from '@platform/service-kit';
import { EventConsumer } from './event-consumer';
import { MessagingMetrics } from './messaging-metrics';
import { AVRO_CODEC, EVENT_INBOX, KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, OUTBOX_POOL } from './tokens';

export interface MessagingModuleOptions {
  app: AppName;
  /** Event types this app handles; their schemas become the codec's reader schemas. */
  consumes: EventType[];
  /** Event types this app writes to its outbox; their schema ids are resolved at startup. */
  produces: EventType[];
  kafka: KafkaSettings;
  databaseUrl: string;
  /** The app's Prisma client provider: handlers get its transaction client. */
  database: Type<TransactionalDatabase<SqlTransaction>>;
  logger: Logger;
  retry?: RetryPolicy;
  relay?: { batchSize?: number; pollIntervalMs?: number; retentionMs?: number };
}

export function consumerGroupOf(app: AppName): string {
  return `${app}-service`;
}

/** Starts the relay once the app is up; stops it only after Nest has closed the Kafka consumer. */
@Injectable()
export class MessagingLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly consumer: EventConsumer,
    private readonly relay: OutboxRelay,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(OUTBOX_POOL) private readonly pool: Pool,
    private readonly metrics: MessagingMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.metrics.measureBacklogWith(() => this.relay.backlog());
  }

  /** Runs before Nest closes the Kafka transport: let in-flight messages finish and commit. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
    await this.pool.end();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const { app, consumes, produces, kafka: settings, databaseUrl, database, logger } = options;
    const subjects = [...new Set([...consumes, ...produces])].map((type) => ({
      subject: EVENT_CATALOGUE[type].subject,
      schema: EVENT_CATALOGUE[type].schema,
    }));
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
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
        { provide: OUTBOX_POOL, useFactory: () => new Pool({ connectionString: databaseUrl, max: 4 }) },
        {
          provide: EVENT_INBOX,
          inject: [database, AVRO_CODEC, KAFKA_PRODUCER, MessagingMetrics],
          useFactory: (
            db: TransactionalDatabase<SqlTransaction>,
            codec: AvroCodec,
            producer: Producer,
            metrics: MessagingMetrics,
          ) =>
            new EventInbox({
              db,
              codec,
              consumerGroup: consumerGroupOf(app),
              deadLetters: new DeadLetterPublisher(producer, deadLetterTopic(app), consumerGroupOf(app)),
              logger,
              observer: metrics,
              ...(options.retry ? { retry: options.retry } : {}),
            }),
        },
        {
          provide: OutboxRelay,
          inject: [OUTBOX_POOL, KAFKA_PRODUCER, AVRO_CODEC, MessagingMetrics],
          useFactory: (pool: Pool, producer: Producer, codec: AvroCodec, metrics: MessagingMetrics) =>
            new OutboxRelay({
              pool,
              connectionString: databaseUrl,
              producer,
              codec,
              logger,
              ...options.relay,
              onPublished: (counts) =>
                counts.forEach((count, topic) => metrics.produced.inc({ topic }, count)),
            }),
        },
        EventConsumer,
        MessagingLifecycle,
      ],
      exports: [EventConsumer, OutboxRelay, KAFKA, AVRO_CODEC, MessagingMetrics],
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
