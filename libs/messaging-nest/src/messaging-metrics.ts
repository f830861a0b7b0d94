import { Counter, Gauge, Histogram, register } from 'prom-client';
import type { InboxObserver, InboxOutcome } from '@platform/messaging';

function metric<T>(name: string, create: () => T): T {
  // Tests build several Nest apps in one process; prom-client's registry is global.
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** Prometheus metrics of the messaging pipeline, shared by every app. */
export class MessagingMetrics implements InboxObserver {
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
        help: 'Time from taking an event off Kafka to its handler transaction committing (or dead-lettering)',
        labelNames: ['event_type', 'outcome'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
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

  measureBacklogWith(source: () => Promise<number>): void {
    MessagingMetrics.backlogSource = source;
  }

  onOutcome(outcome: InboxOutcome, _topic: string, eventType: string, durationMs: number): void {
    this.consumed.inc({ event_type: eventType, outcome });
    this.handlerDuration.observe({ event_type: eventType, outcome }, durationMs / 1000);
  }
}
