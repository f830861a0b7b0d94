import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Kafka, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { Pool } from 'pg';
import { consumerGroupOf, deadLetterTopic, entryForTopic } from '@platform/contracts';
import {
  DeadLetterPublisher,
  EventPipeline,
  KafkaEventConsumer,
  OutboxRelay,
  type AvroCodec,
  type ConsumerHealth,
  type EventRoute,
} from '@platform/messaging';
import { EventContext } from './event-context';
import type { MessagingModuleOptions } from './messaging-module-options';
import { MessagingMetrics } from './messaging-metrics';
import { AVRO_CODEC, KAFKA, KAFKA_PRODUCER, MESSAGING_OPTIONS, MESSAGING_POOL } from './tokens';

export { consumerGroupOf } from '@platform/contracts';

/**
 * Nest's transport for this platform's events: the app's @EventPattern(topic) handlers become the
 * routes of an EventPipeline fed by a KafkaEventConsumer in the app's own group. Each handler is
 * called as `(event, EventContext)` inside the batch's transaction, through Nest's usual handler
 * proxy; what it throws reaches the pipeline unchanged (see PassErrorsToTransport), so the pipeline
 * decides between retrying and dead-lettering.
 */
@Injectable()
export class KafkaEventTransport
  extends Server
  implements CustomTransportStrategy, BeforeApplicationShutdown
{
  private consumer: KafkaEventConsumer | undefined;
  private giveUp: (reason: string) => void = () => undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_POOL) private readonly pool: Pool,
    @Inject(AVRO_CODEC) private readonly codec: AvroCodec,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
    private readonly metrics: MessagingMetrics,
  ) {
    super();
  }

  async listen(callback: () => void): Promise<void> {
    const { app, logger, retry, permanentErrors = [], savepointPerEvent = false } = this.options;
    const group = consumerGroupOf(app);
    const pipeline = new EventPipeline({
      pool: this.pool,
      codec: this.codec,
      consumerGroup: group,
      routes: this.routes(),
      deadLetters: new DeadLetterPublisher(this.producer, deadLetterTopic(app), group),
      logger,
      observer: this.metrics,
      savepointPerEvent,
      outboxWakeup: this.relay,
      isPermanent: (error) => permanentErrors.some((type) => error instanceof type),
      ...(retry ? { retry } : {}),
    });
    this.consumer = new KafkaEventConsumer({
      kafka: this.kafka,
      pipeline,
      logger,
      observer: this.metrics,
      ...(this.options.lanes ? { lanes: this.options.lanes } : {}),
      onGiveUp: (reason) => this.giveUp(reason),
    });
    this.metrics.measureConsumerWith(() => this.health());
    await this.consumer.start();
    callback();
  }

  /** What the app does when its consumer cannot come back by itself: exit non-zero, for its supervisor to restart it. */
  onGiveUp(giveUp: (reason: string) => void): void {
    this.giveUp = giveUp;
  }

  health(): ConsumerHealth {
    return (
      this.consumer?.health() ?? {
        consuming: false,
        member: false,
        sinceLastFetchMs: undefined,
        reason: 'not started',
      }
    );
  }

  /** Before Nest disposes anything: stop fetching, let the batch in flight commit its offsets, leave the group. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaEventTransport emits no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private routes(): EventRoute[] {
    return [...this.messageHandlers].map(([topic, handler]) => {
      const entry = entryForTopic(topic);
      if (!entry) throw new Error(`@EventPattern('${topic}') names no topic of the event catalogue`);
      return {
        topic,
        eventType: entry.eventType,
        handle: async (event, tx, message) =>
          lastValueFrom(this.transformToObservable(await handler(event, new EventContext([tx, message]))), {
            defaultValue: undefined,
          }),
      };
    });
  }
}
