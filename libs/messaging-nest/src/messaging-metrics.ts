import { Counter, Gauge, Histogram, register } from 'prom-client';
import type { ConsumerHealth, ConsumerObserver, EventOutcome, PipelineObserver } from '@platform/messaging';

function metric<T>(name: string, create: () => T): T {
  // Tests build several Nest apps in one process; prom-client's registry is global.
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** Prometheus metrics of the messaging pipeline, shared by every app. */
export class MessagingMetrics implements PipelineObserver, ConsumerObserver {
  readonly consumed = metric(
    'events_consumed_total',
    () =>
      new Counter({
        name: 'events_consumed_total',
        help: 'Events taken off Kafka, by type and outcome (processed, duplicate, dead-lettered)',
        labelNames: ['event_type', 'outcome'],
      }),
  );
  readonly produced = metric(
    'events_produced_total',
    () =>
      new Counter({
        name: 'events_produced_total',
        help: 'Events published to Kafka by the outbox relay, by topic',
        labelNames: ['topic'],
      }),
  );
  readonly handlerDuration = metric(
    'event_handler_duration_seconds',
    () =>
      new Histogram({
        name: 'event_handler_duration_seconds',
        help: 'Time of the transaction that applied the event (the whole batch), or of its dead-lettering',
        labelNames: ['event_type', 'outcome'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
  );
  readonly batchSize = metric(
    'event_batch_size',
    () =>
      new Histogram({
        name: 'event_batch_size',
        help: 'Events applied per database transaction of the consumer',
        buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      }),
  );
  readonly batchDuration = metric(
    'event_batch_duration_seconds',
    () =>
      new Histogram({
        name: 'event_batch_duration_seconds',
        help: 'Duration of the consumer transaction that applies a batch (inbox, handlers, outbox, commit)',
        buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      }),
  );
  private static consumerSource: (() => ConsumerHealth) | undefined;
  readonly groupMember = metric(
    'kafka_consumer_group_member',
    () =>
      new Gauge({
        name: 'kafka_consumer_group_member',
        help: "1 while the app's consumer is a member of its group, 0 otherwise",
      }),
  );
  readonly lag = metric(
    'kafka_consumer_lag',
    () =>
      new Gauge({
        name: 'kafka_consumer_lag',
        help: 'Records between the last committed offset and the end of the partition, as of the last batch',
        labelNames: ['topic', 'partition'],
      }),
  );
  readonly sinceLastFetch = metric(
    'kafka_consumer_seconds_since_last_fetch',
    () =>
      new Gauge({
        name: 'kafka_consumer_seconds_since_last_fetch',
        help: 'Seconds since the consumer last got an answer to a fetch (one comes at least every second while it runs)',
        collect() {
          const since = MessagingMetrics.consumerSource?.().sinceLastFetchMs;
          if (since !== undefined) this.set(since / 1000);
        },
      }),
  );
  readonly consumerRestarts = metric(
    'kafka_consumer_restarts_total',
    () =>
      new Counter({
        name: 'kafka_consumer_restarts_total',
        help: 'Times the app replaced its consumer because it crashed without coming back or stalled',
      }),
  );
  private static backlogSource: (() => Promise<number>) | undefined;
  readonly outboxBacklog = metric(
    'outbox_backlog',
    () =>
      new Gauge({
        name: 'outbox_backlog',
        help: 'Outbox rows committed but not yet published',
        // Read at scrape time, so the figure is never older than the scrape.
        async collect() {
          if (MessagingMetrics.backlogSource) this.set(await MessagingMetrics.backlogSource());
        },
      }),
  );

  measureConsumerWith(source: () => ConsumerHealth): void {
    MessagingMetrics.consumerSource = source;
  }

  onMembership(member: boolean): void {
    this.groupMember.set(member ? 1 : 0);
  }

  onLag(topic: string, partition: number, lag: number): void {
    this.lag.set({ topic, partition: String(partition) }, lag);
  }

  onRestart(): void {
    this.consumerRestarts.inc();
  }

  measureBacklogWith(source: () => Promise<number>): void {
    MessagingMetrics.backlogSource = source;
  }

  onOutcome(outcome: EventOutcome, _topic: string, eventType: string, durationMs: number): void {
    this.consumed.inc({ event_type: eventType, outcome });
    this.handlerDuration.observe({ event_type: eventType, outcome }, durationMs / 1000);
  }

  onTransaction(events: number, durationMs: number): void {
    this.batchSize.observe(events);
    this.batchDuration.observe(durationMs / 1000);
  }
}
