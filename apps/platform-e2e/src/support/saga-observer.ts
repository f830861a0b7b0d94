import { CATALOGUE_ENTRIES, type EventEnvelope } from '@platform/contracts';
import { AvroCodec, createKafka, createSchemaRegistry, type KafkaSettings } from '@platform/messaging';
import { localEndpoints } from '@platform/config';
import { uniqueName } from '@platform/testing';
import type { Consumer } from 'kafkajs';
import { startObserver } from './start-observer';

export interface ObservedEvent {
  topic: string;
  eventType: string;
  envelope: EventEnvelope;
  event: Record<string, unknown> & { envelope: EventEnvelope; orderId: string };
}

/**
 * Watches every saga topic from the moment it joins, decoding each event, so tests can check
 * what the services said to each other: which events an order produced, with which
 * correlation and causation ids, and that nothing happened twice.
 */
export class SagaObserver {
  private readonly events: ObservedEvent[] = [];
  private readonly listeners: ((event: ObservedEvent) => void)[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(): Promise<SagaObserver> {
    const endpoints = localEndpoints();
    const settings: KafkaSettings = {
      KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: 'e2e-observer',
      SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
      // A unique group on every saga topic: a test harness's, so the admin principal.
      ...endpoints.kafkaSecurity('admin'),
    };
    const codec = new AvroCodec(createSchemaRegistry(settings));
    const consumer = createKafka(settings).consumer({ groupId: uniqueName('e2e-observer') });
    const observer = new SagaObserver(consumer);
    await startObserver(consumer, {
      topics: CATALOGUE_ENTRIES.map((entry) => entry.topic),
      readyOn: 'join',
      run: {
        eachMessage: async ({ topic, message }) => {
          const event = await codec.decode<ObservedEvent['event']>(message.value);
          const observed = { topic, eventType: event.envelope.eventType, envelope: event.envelope, event };
          observer.events.push(observed);
          for (const listener of observer.listeners) listener(observed);
        },
      },
    });
    return observer;
  }

  onEvent(listener: (event: ObservedEvent) => void): void {
    this.listeners.push(listener);
  }

  eventsOf(orderId: string): ObservedEvent[] {
    return this.events
      .filter((observed) => observed.event.orderId === orderId)
      .sort((a, b) => a.envelope.occurredAt - b.envelope.occurredAt);
  }

  typesOf(orderId: string): string[] {
    return this.eventsOf(orderId).map((observed) => observed.eventType);
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
