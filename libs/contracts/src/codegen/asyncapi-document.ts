import { DEAD_LETTER_APPS, DEAD_LETTER_PARTITIONS, deadLetterTopic } from '../catalogue/dead-letter-topics';
import {
  type EventDefinition,
  EVENT_KEY_FIELD,
  EVENT_TOPIC_PARTITIONS,
} from '../catalogue/event-definitions';
import { SCHEMA_COMPATIBILITY } from '../catalogue/schema-compatibility';
import { valueSubject } from '../catalogue/value-subject';
import type { AvroRecordSchema } from '../schemas/avro-schema';

export interface AsyncApiInput {
  /** Event type, its catalogue definition and its self-contained schema, in the order of the saga. */
  events: readonly { eventType: string; definition: EventDefinition; schema: AvroRecordSchema }[];
  kafkaBroker: string;
  schemaRegistryUrl: string;
}

const KAFKA_BINDING_VERSION = '0.5.0';
const AVRO_FORMAT = 'application/vnd.apache.avro+json;version=1.9.0';

/**
 * An AsyncAPI 3.0 description of the topics: a channel per topic, a message per event type with its
 * Avro schema, and a send or receive operation per producing or consuming app.
 */
export function buildAsyncApiDocument({ events, kafkaBroker, schemaRegistryUrl }: AsyncApiInput): object {
  const channels: Record<string, object> = {};
  const operations: Record<string, object> = {};
  const messages: Record<string, object> = {};

  for (const { eventType, definition, schema } of events) {
    const { topic } = definition;
    const channelId = lowerFirst(eventType);
    channels[channelId] = {
      address: topic,
      title: eventType,
      description: `${schema.doc ?? eventType} Keyed by ${EVENT_KEY_FIELD}; values are registered under subject ${valueSubject(topic)}.`,
      messages: { [eventType]: { $ref: `#/components/messages/${eventType}` } },
      bindings: {
        kafka: { topic, partitions: EVENT_TOPIC_PARTITIONS, bindingVersion: KAFKA_BINDING_VERSION },
      },
    };
    messages[eventType] = eventMessage(eventType, definition, schema);
    const message = { $ref: `#/channels/${channelId}/messages/${eventType}` };
    operations[`${definition.producer}Sends${eventType}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `${definition.producer} publishes ${eventType} through its outbox.`,
      messages: [message],
      tags: [{ name: definition.producer }],
    };
    for (const consumer of definition.consumers)
      operations[`${consumer}Receives${eventType}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channelId}` },
        summary: `${consumer} handles ${eventType}.`,
        messages: [message],
        tags: [{ name: consumer }],
      };
  }

  for (const app of DEAD_LETTER_APPS) {
    const topic = deadLetterTopic(app);
    const channelId = `deadLetters${upperFirst(app)}`;
    channels[channelId] = {
      address: topic,
      title: `Dead letters of ${app}`,
      description: `Messages the ${app} app's consumers could never handle, with the original key and value bytes.`,
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
      bindings: {
        kafka: { topic, partitions: DEAD_LETTER_PARTITIONS, bindingVersion: KAFKA_BINDING_VERSION },
      },
    };
    operations[`${app}SendsDeadLetter`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `${app} moves a message it can never handle here and carries on.`,
      messages: [{ $ref: `#/channels/${channelId}/messages/DeadLetter` }],
      tags: [{ name: app }],
    };
  }
  messages['DeadLetter'] = {
    name: 'DeadLetter',
    title: 'Dead letter',
    summary:
      'A message copied unchanged from the topic it failed on; headers say where it came from and why.',
    contentType: 'application/octet-stream',
    payload: { type: 'string', format: 'binary' },
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Kafka saga platform events',
      version: '1.0.0',
      description:
        'The events of the order saga. Values are Avro in the Confluent wire format (magic byte, schema id, body), registered in the schema registry under `<topic>-value`. Generated from schemas/*.avsc and the catalogue in libs/contracts by `npm run contracts:generate`.',
    },
    servers: {
      local: {
        host: kafkaBroker,
        protocol: 'kafka',
        description: 'The local broker started by `npm run infra:up`.',
        bindings: {
          kafka: {
            schemaRegistryUrl,
            schemaRegistryVendor: 'apicurio',
            bindingVersion: KAFKA_BINDING_VERSION,
          },
        },
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

function eventMessage(eventType: string, definition: EventDefinition, schema: AvroRecordSchema): object {
  return {
    name: eventType,
    title: eventType,
    summary: schema.doc,
    contentType: 'application/vnd.apache.avro+binary',
    correlationId: {
      description: 'The same for every event caused by one order request.',
      location: '$message.payload#/envelope/correlationId',
    },
    payload: { schemaFormat: AVRO_FORMAT, schema },
    bindings: {
      kafka: {
        key: { type: 'string', description: `The event's ${EVENT_KEY_FIELD}.` },
        schemaIdLocation: 'payload',
        schemaIdPayloadEncoding: 'confluent',
        schemaLookupStrategy: 'TopicIdStrategy',
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    'x-schema-version': definition.version,
    // The registry's rule for the next version: under FULL either side deploys first, under BACKWARD consumers do.
    'x-schema-compatibility': definition.compatibility ?? SCHEMA_COMPATIBILITY,
  };
}

// Channel ids are references inside the document (the address is the topic); AsyncAPI allows no dots in them.
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
