import { withDefinitions } from '../catalogue/catalogued-schemas';
import { loadEventSchemas } from '../schemas/load-event-schemas';
import { SCHEMA_DIRECTORY } from '../schemas/schema-directory';
import { buildAsyncApiDocument } from './asyncapi-document';

interface Document {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
  components: {
    messages: Record<
      string,
      {
        payload: { schemaFormat?: string; schema?: { name: string; fields?: { name: string }[] } };
        'x-schema-version'?: number;
        'x-schema-compatibility'?: string;
      }
    >;
  };
}

describe('the AsyncAPI document', () => {
  const events = withDefinitions(loadEventSchemas(SCHEMA_DIRECTORY));
  const document = buildAsyncApiDocument({
    events,
    kafkaBroker: 'localhost:9092',
    schemaRegistryUrl: 'http://localhost:8081/apis/ccompat/v7',
  }) as Document;

  it('has a channel per topic, dead-letter topics included', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(Object.values(document.channels).map((c) => c.address)).toEqual([
      ...events.map((e) => e.definition.topic),
      'dead-letters.order',
      'dead-letters.inventory',
      'dead-letters.payment',
      'dead-letters.notification',
    ]);
  });

  it('describes each event with its Avro schema', () => {
    for (const { eventType } of events)
      expect(document.components.messages[eventType]?.payload).toMatchObject({
        schemaFormat: 'application/vnd.apache.avro+json;version=1.9.0',
        schema: { name: eventType },
      });
  });

  it('has a send operation for the producer and a receive operation for each consumer', () => {
    const operations = Object.entries(document.operations)
      .filter(([, operation]) => operation.channel.$ref === '#/channels/paymentDeclined')
      .map(([id, operation]) => [id, operation.action]);
    expect(operations).toEqual([
      ['paymentSendsPaymentDeclined', 'send'],
      ['orderReceivesPaymentDeclined', 'receive'],
      ['inventoryReceivesPaymentDeclined', 'receive'],
    ]);
  });

  it('follows the evolved events: OrderPlaced version 2 with channel, OrderCancelled under BACKWARD_TRANSITIVE', () => {
    const placed = document.components.messages['OrderPlaced']!;
    expect(placed['x-schema-version']).toBe(2);
    expect(placed['x-schema-compatibility']).toBe('FULL_TRANSITIVE');
    expect(placed.payload.schema?.fields?.map((f) => f.name)).toContain('channel');
    expect(document.components.messages['OrderCancelled']).toMatchObject({
      'x-schema-version': 2,
      'x-schema-compatibility': 'BACKWARD_TRANSITIVE',
    });
  });
});
