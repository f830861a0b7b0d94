/**
 * The Kafka client and Avro codec the commands share, built from KAFKA_BROKERS and
 * SCHEMA_REGISTRY_URL (defaults from infra/local.env), after checking both answer.
 */
import { hasExplicitKafkaSecurity, localEndpoints } from '@platform/config';
import {
  AvroCodec,
  type KafkaSettings,
  TopicNotFoundError,
  createKafka,
  createSchemaRegistry,
  kafkaSettingsFromEnv,
} from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import { UnreachableError, assertBrokerReachable, assertRegistryReachable } from '@platform/messaging';

export interface CliConnection {
  settings: KafkaSettings;
  kafka: Kafka;
  codec: AvroCodec;
}

/** The local broker as the operator principal, unless KAFKA_SSL or KAFKA_SASL_* say otherwise. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): KafkaSettings {
  const endpoints = localEndpoints(env);
  return kafkaSettingsFromEnv({
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    KAFKA_CLIENT_ID: 'events-cli',
    ...(hasExplicitKafkaSecurity(env) ? {} : endpoints.kafkaSecurity('operator')),
    ...env,
  });
}

/** Checks the broker (and the registry, when values are to be decoded) before connecting anything. */
export async function connect(
  settings: KafkaSettings,
  { decode }: { decode: boolean } = { decode: true },
): Promise<CliConnection> {
  await assertBrokerReachable(settings.KAFKA_BROKERS.split(',').map((b) => b.trim()));
  if (decode) await assertRegistryReachable(settings.SCHEMA_REGISTRY_URL);
  // No logger: kafkajs's own lines would interleave with the command's output.
  return { settings, kafka: createKafka(settings), codec: new AvroCodec(createSchemaRegistry(settings)) };
}

/** One line that says what failed and where, for any error a command ends with. */
export function explainFailure(error: unknown, settings: KafkaSettings | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UnreachableError) return message;
  if (error instanceof TopicNotFoundError)
    return `${message} \`npm run contracts:apply\` creates the saga and dead-letter topics.`;
  // kafkajs's messages ("Closed connection", "Connection timeout") do not say which broker.
  if (settings && error instanceof Error && error.name.startsWith('KafkaJS'))
    return `Kafka at ${settings.KAFKA_BROKERS} failed: ${message}`;
  if (
    settings &&
    error instanceof Error &&
    /Confluent_Schema_Registry|ECONNREFUSED|fetch failed|socket hang up/i.test(message)
  )
    return `The schema registry at ${settings.SCHEMA_REGISTRY_URL} failed: ${message}`;
  return message;
}
