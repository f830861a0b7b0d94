import { localEndpoints } from '@platform/config';
/**
 * A test's own copy of the saga topics: one uniquely named topic per event type, with the event's
 * schema registered under `<topic>-value` as contracts:apply does for the real ones, so tests
 * share the broker and registry with running apps without touching their topics.
 */
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import { CATALOGUE_ENTRIES, type EventType, type PlatformEvent, valueSubject } from '@platform/contracts';
import {
  AvroCodec,
  createIdempotentProducer,
  createKafka,
  createSchemaRegistry,
  envelopeHeaders,
  type KafkaSettings,
} from '@platform/messaging';
import { uniqueName } from '@platform/testing';
import type { Kafka, Producer } from 'kafkajs';
import { settingsFromEnv } from '../connection/cli-connection';

export interface SagaTestTopics {
  settings: KafkaSettings;
  kafka: Kafka;
  codec: AvroCodec;
  /** Every test topic, in the order of the saga. */
  topics: string[];
  topicOf(eventType: EventType): string;
  /** Publishes the events in the given order, each keyed by its order id, as the outbox relay would. */
  publish(events: readonly PlatformEvent[]): Promise<void>;
  /** Deletes the topics and their registry subjects. */
  remove(): Promise<void>;
}

export async function createSagaTestTopics(prefix = 'events-cli-test'): Promise<SagaTestTopics> {
  // Creating topics takes the admin principal; the CLI under test reads them as the operator.
  const settings = settingsFromEnv({
    ...process.env,
    KAFKA_CLIENT_ID: 'events-cli-test',
    ...localEndpoints().kafkaSecurity('admin'),
  });
  const kafka = createKafka(settings);
  const run = uniqueName(prefix);
  const topicByType = new Map(CATALOGUE_ENTRIES.map((e) => [e.eventType, `${run}.${e.topic}`]));
  const topics = [...topicByType.values()];
  const topicOf = (eventType: EventType) => topicByType.get(eventType)!;

  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: 3 })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
  const registry = createSchemaRegistry(settings);
  const subjects = CATALOGUE_ENTRIES.map((e) => ({
    subject: valueSubject(topicOf(e.eventType)),
    schema: e.schema,
  }));
  for (const { subject, schema } of subjects)
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
  const codec = new AvroCodec(registry);
  await codec.prepare(subjects);

  let producer: Producer | undefined;
  return {
    settings,
    kafka,
    codec,
    topics,
    topicOf,
    async publish(events) {
      if (!producer) {
        producer = createIdempotentProducer(kafka);
        await producer.connect();
      }
      for (const event of events) {
        const topic = topicOf(event.envelope.eventType as EventType);
        await producer.send({
          topic,
          acks: -1,
          messages: [
            {
              key: event.orderId,
              value: codec.encode(valueSubject(topic), event),
              headers: envelopeHeaders(event.envelope),
            },
          ],
        });
      }
    },
    async remove() {
      await producer?.disconnect();
      const cleanup = kafka.admin();
      await cleanup.connect();
      await cleanup.deleteTopics({ topics }).catch(() => undefined);
      await cleanup.disconnect();
      // The registry keeps a subject until it is deleted softly and then permanently.
      const base = settings.SCHEMA_REGISTRY_URL.replace(/\/$/, '');
      for (const { subject } of subjects) {
        for (const query of ['', '?permanent=true'])
          await fetch(`${base}/subjects/${encodeURIComponent(subject)}${query}`, { method: 'DELETE' }).catch(
            () => undefined,
          );
      }
    },
  };
}
