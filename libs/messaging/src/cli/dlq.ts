/**
 * `npm run dlq -- list|redrive <app|topic>`: inspects a dead-letter topic and sends its messages
 * back once their cause is fixed. Reads KAFKA_BROKERS and SCHEMA_REGISTRY_URL (defaults from
 * infra/local.env). Exit codes: 0 done, 1 failed (or an --event-id was not found), 2 bad usage.
 */
import { APP_NAMES, hasExplicitKafkaSecurity, localEndpoints } from '@platform/config';
import { AvroCodec } from '../codec/avro-codec';
import { listDeadLetters } from '../dead-letter/list-dead-letters';
import { redriveDeadLetters } from '../dead-letter/redrive';
import {
  createKafka,
  createSchemaRegistry,
  kafkaSettingsFromEnv,
  type KafkaSettings,
} from '../kafka/kafka-settings';
import { assertTopicExists, TopicNotFoundError } from '../kafka/topic-not-found';
import { deadLetterJson, deadLetterTable, redriveTable } from './dead-letter-output';
import { deadLetterTopicFor } from './dead-letter-target';
import { DLQ_USAGE, UsageError, parseDlqArgs, type DlqCommand } from './dlq-args';
import { assertBrokerReachable, assertRegistryReachable } from '../kafka/reachability';

/** The local broker as the operator principal, unless KAFKA_SSL or KAFKA_SASL_* say otherwise. */
function settingsFromEnv(): KafkaSettings {
  const endpoints = localEndpoints();
  return kafkaSettingsFromEnv({
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    KAFKA_CLIENT_ID: 'dlq-cli',
    ...(hasExplicitKafkaSecurity(process.env) ? {} : endpoints.kafkaSecurity('operator')),
    ...process.env,
  });
}

async function list(
  settings: KafkaSettings,
  { target, json, decode }: Extract<DlqCommand, { command: 'list' }>,
) {
  const deadLetterTopic = deadLetterTopicFor(target);
  if (decode) await assertRegistryReachable(settings.SCHEMA_REGISTRY_URL);
  const codec = decode ? new AvroCodec(createSchemaRegistry(settings)) : undefined;
  const letters = await listDeadLetters({
    kafka: createKafka(settings),
    deadLetterTopic,
    ...(codec ? { codec } : {}),
  });
  if (json) {
    for (const letter of letters) console.log(deadLetterJson(letter));
    return 0;
  }
  console.log(
    `${deadLetterTopic}: ${letters.length} dead-lettered message${letters.length === 1 ? '' : 's'}`,
  );
  if (letters.length > 0) console.log(deadLetterTable(letters));
  return 0;
}

async function redrive(
  settings: KafkaSettings,
  { target, json, eventIds }: Extract<DlqCommand, { command: 'redrive' }>,
) {
  const deadLetterTopic = deadLetterTopicFor(target);
  const kafka = createKafka(settings);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await assertTopicExists(admin, deadLetterTopic);
  } finally {
    await admin.disconnect();
  }
  const result = await redriveDeadLetters({ kafka, deadLetterTopic, ...(eventIds ? { eventIds } : {}) });
  const missing = (eventIds ?? []).filter((id) => !result.redriven.some((r) => r.eventId === id));
  if (json) {
    for (const r of result.redriven) console.log(JSON.stringify(r));
  } else {
    const scope = eventIds ? 'the selected events' : 'everything not re-driven before';
    console.log(`${deadLetterTopic}: re-drove ${result.redriven.length} message(s) (${scope})`);
    if (result.redriven.length > 0) console.log(redriveTable(result));
  }
  if (missing.length > 0) {
    console.error(`not found in ${deadLetterTopic}: ${missing.join(', ')}`);
    return 1;
  }
  return 0;
}

async function main(): Promise<number> {
  let command: DlqCommand | 'help';
  try {
    command = parseDlqArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`dlq: ${error.message}\n\n${DLQ_USAGE}`);
    return 2;
  }
  if (command === 'help') {
    console.log(DLQ_USAGE);
    return 0;
  }
  const settings = settingsFromEnv();
  try {
    await assertBrokerReachable(settings.KAFKA_BROKERS.split(',').map((b) => b.trim()));
    return command.command === 'list' ? await list(settings, command) : await redrive(settings, command);
  } catch (error) {
    console.error(`dlq: ${explain(error, settings)}`);
    return 1;
  }
}

function explain(error: unknown, settings: KafkaSettings): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TopicNotFoundError)
    return `${message} An app name (${APP_NAMES.join(', ')}) stands for its topic dead-letters.<app>; \`npm run contracts:apply\` creates those.`;
  // kafkajs's messages ("Closed connection", "Connection timeout") do not say which broker.
  if (error instanceof Error && error.name.startsWith('KafkaJS'))
    return `Kafka at ${settings.KAFKA_BROKERS} failed: ${message}`;
  return message;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`dlq: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
