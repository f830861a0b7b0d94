import {
  type KafkaSecuritySettings,
  hasExplicitKafkaSecurity,
  kafkaClientSecurity,
  kafkaSecurityFromEnv,
  localEndpoints,
} from '@platform/config';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { accessRules } from '../catalogue/access-rules';
import { DEAD_LETTER_APPS, DEAD_LETTER_PARTITIONS, deadLetterTopic } from '../catalogue/dead-letter-topics';
import { withDefinitions } from '../catalogue/catalogued-schemas';
import { CATALOGUE_ENTRIES } from '../catalogue/event-catalogue';
import type { CompatibilityLevel } from '../catalogue/schema-compatibility';
import { valueSubject } from '../catalogue/value-subject';
import type { AvroRecordSchema } from '../schemas/avro-schema';
import { loadEventSchemas } from '../schemas/load-event-schemas';
import { IncompatibleSchemaError } from './apply-errors';
import { type SubjectContract, checkSubject } from './check-subject';
import { ensureAcls } from './ensure-acls';
import { type TopicOutcome, type TopicSpec, ensureTopics } from './ensure-topics';
import { SchemaRegistryClient } from './registry-client';

export interface ApplyContractsOptions {
  /** Defaults to localEndpoints(): KAFKA_BROKERS, or infra/local.env. */
  brokers?: string[];
  /** Defaults to localEndpoints(): SCHEMA_REGISTRY_URL, or infra/local.env. */
  registryUrl?: string;
  /** Read the schemas from this directory instead of using the ones generated into the library. */
  schemaDir?: string;
  /** Put before every topic and subject name, so tests apply into names of their own. */
  namePrefix?: string;
  /** One level for every subject instead of each event's own (SCHEMA_COMPATIBILITY unless the catalogue says otherwise). */
  compatibility?: CompatibilityLevel;
  /** -1, the default, takes the broker's default.replication.factor. */
  replicationFactor?: number;
  /**
   * How to connect: KAFKA_SSL and KAFKA_SASL_* of the environment when set there, else the local
   * broker's `admin` principal (it creates topics and ACLs, so it is a super user).
   */
  kafkaSecurity?: KafkaSecuritySettings;
}

export interface SubjectOutcome {
  subject: string;
  eventType: string;
  id: number;
  /** The registry's version number of the schema. */
  version: number;
  /** The version the catalogue puts in envelopes; below `version` when someone forgot to bump it (above it in a registry that never held the earlier versions). */
  catalogueVersion: number;
  /** False when the subject already held exactly this schema. */
  registered: boolean;
  compatibilityChanged: boolean;
}

export interface ApplyReport {
  topics: TopicOutcome[];
  subjects: SubjectOutcome[];
  /** ACL entries granted from the access rules; 0 on a broker without authentication. */
  acls: number;
}

/**
 * Makes the broker and the registry match the contracts: every topic exists, every subject has the
 * compatibility level and the current schema. Every subject is checked before any schema is
 * registered or topic created, so a rejected change registers nothing. Running it again changes nothing.
 */
export async function applyContracts(options: ApplyContractsOptions = {}): Promise<ApplyReport> {
  const endpoints = options.brokers && options.registryUrl ? undefined : localEndpoints();
  const brokers = options.brokers ?? endpoints!.kafkaBrokers;
  const registry = new SchemaRegistryClient(options.registryUrl ?? endpoints!.schemaRegistryUrl);
  const prefix = options.namePrefix ?? '';
  const contracts = subjectContracts(prefix, options.schemaDir);
  const checks = await Promise.all(
    contracts.map((contract) =>
      checkSubject(registry, contract, options.compatibility ?? contract.compatibility),
    ),
  );
  const incompatibilities = checks.flatMap((check) => check.incompatibility ?? []);
  if (incompatibilities.length > 0) throw new IncompatibleSchemaError(incompatibilities);

  const security =
    options.kafkaSecurity ??
    (hasExplicitKafkaSecurity(process.env)
      ? kafkaSecurityFromEnv(process.env)
      : (endpoints ?? localEndpoints()).kafkaSecurity('admin'));
  // ACLs name the catalogue's topics, so a prefixed (test) application grants none; neither does a
  // broker without authentication, which has no principals to grant to.
  const grantAcls = prefix === '' && security.KAFKA_SASL_MECHANISM !== undefined;
  const { topics, acls } = await withAdmin(brokers, security, async (admin) => ({
    topics: await ensureTopics(admin, topicSpecs(prefix), options.replicationFactor ?? -1),
    acls: grantAcls ? await ensureAcls(admin, accessRules()) : 0,
  }));
  const subjects: SubjectOutcome[] = [];
  for (const { contract, existing, compatibilityChanged } of checks) {
    const outcome = existing ?? (await registerAndLookUp(registry, contract));
    subjects.push({
      subject: contract.subject,
      eventType: contract.eventType,
      ...outcome,
      catalogueVersion: contract.catalogueVersion,
      registered: !existing,
      compatibilityChanged,
    });
  }
  return { topics, subjects, acls };
}

function subjectContracts(prefix: string, schemaDir: string | undefined): SubjectContract[] {
  const schemas = schemaDir ? schemasFrom(schemaDir) : undefined;
  return CATALOGUE_ENTRIES.map((entry) => ({
    eventType: entry.eventType,
    catalogueVersion: entry.version,
    compatibility: entry.compatibility,
    subject: valueSubject(prefix + entry.topic),
    // Compact JSON of the self-contained schema: the text a lookup must match to find it again.
    schema: JSON.stringify(schemas ? schemas.get(entry.eventType) : entry.schema),
  }));
}

function schemasFrom(dir: string): Map<string, AvroRecordSchema> {
  return new Map(withDefinitions(loadEventSchemas(dir)).map((event) => [event.eventType, event.schema]));
}

function topicSpecs(prefix: string): TopicSpec[] {
  return [
    ...CATALOGUE_ENTRIES.map((entry) => ({ topic: prefix + entry.topic, partitions: entry.partitions })),
    ...DEAD_LETTER_APPS.map((app) => ({
      topic: prefix + deadLetterTopic(app),
      partitions: DEAD_LETTER_PARTITIONS,
    })),
  ];
}

async function registerAndLookUp(registry: SchemaRegistryClient, { subject, schema }: SubjectContract) {
  const id = await registry.register(subject, schema);
  // Registering answers only the id; the version number is worth reporting.
  const found = await registry.lookup(subject, schema);
  return { id, version: found?.version ?? -1 };
}

async function withAdmin<T>(
  brokers: string[],
  security: KafkaSecuritySettings,
  work: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({
    clientId: 'contracts-apply',
    brokers,
    logLevel: logLevel.ERROR,
    ...kafkaClientSecurity(security),
  }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
