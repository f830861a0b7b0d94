import { EVENT_CATALOGUE, type EventEnvelope } from '@platform/contracts';
import { orderPlacedVersion1 } from '@platform/contracts/testing';
import { localEndpoints } from '@platform/config';
import { createKafka, createSchemaRegistry, type KafkaSettings } from '@platform/messaging';
import { uniqueName, waitFor } from '@platform/testing';
import avro from 'avsc';
import type { Consumer } from 'kafkajs';
import { finalOrder, orderRequest, placeOrder, reservationOf, setStock } from './support/platform-api';
import { usePlatform } from './support/platform-lifecycle';

usePlatform('event-evolution');

/**
 * A consumer of OrderPlaced still built against version 1: its reader schema is version 1 (the
 * current one without `channel`), the writer's schema comes from the registry by the id in each
 * message, and Avro's schema resolution drops what the reader does not know. This is what an app
 * deployed before version 2 does when the order service starts writing version 2.
 */
class Version1Reader {
  readonly read: (Record<string, unknown> & { envelope: EventEnvelope; orderId: string })[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(): Promise<Version1Reader> {
    const endpoints = localEndpoints();
    const settings: KafkaSettings = {
      KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: 'e2e-version-1-reader',
      SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
      // A consumer group of its own on the saga topics, as a test harness: the admin principal.
      ...endpoints.kafkaSecurity('admin'),
    };
    const registry = createSchemaRegistry(settings);
    const reader = avro.Type.forSchema(orderPlacedVersion1() as avro.Schema);
    const consumer = createKafka(settings).consumer({ groupId: uniqueName('e2e-version-1-reader') });
    const version1 = new Version1Reader(consumer);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [EVENT_CATALOGUE.OrderPlaced.topic], fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = message.value!;
        // The registry client returns the avsc type of the writer's schema.
        const writer = (await registry.getSchema(value.readInt32BE(1))) as unknown as avro.Type;
        version1.read.push(reader.fromBuffer(value.subarray(5), reader.createResolver(writer)));
      },
    });
    await joined;
    return version1;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

let version1: Version1Reader;
beforeAll(async () => {
  version1 = await Version1Reader.start();
}, 60_000);
afterAll(() => version1?.stop());

it('the order service writes OrderPlaced version 2: inventory uses `channel`, a consumer still on version 1 reads it without', async () => {
  const sku = uniqueName('SKU').toUpperCase();
  await setStock(sku, 2);

  const { orderId } = await placeOrder({ ...orderRequest(sku), channel: 'mobile' });

  expect((await finalOrder(orderId)).status).toBe('CONFIRMED');
  expect(await reservationOf(orderId)).toMatchObject({ status: 'HELD', channel: 'mobile' });
  const seen = await waitFor(() => version1.read.find((event) => event.orderId === orderId), {
    description: 'the version-1 consumer to read the order',
  });
  expect(seen.envelope).toMatchObject({ eventType: 'OrderPlaced', version: 2 });
  expect(seen).toMatchObject({
    customerId: 'e2e@example.com',
    paymentMethod: 'tok_visa',
    lines: [{ sku, quantity: 1 }],
  });
  expect(seen).not.toHaveProperty('channel');
});

it('an order placed without a channel (a client built before version 2) reads as `api` everywhere', async () => {
  const sku = uniqueName('SKU').toUpperCase();
  await setStock(sku, 2);

  const { orderId } = await placeOrder(orderRequest(sku));

  expect((await finalOrder(orderId)).status).toBe('CONFIRMED');
  expect(await reservationOf(orderId)).toMatchObject({ channel: 'api' });
});
