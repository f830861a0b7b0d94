import { type CompatibilityLevel, compatibilityDirections } from '../catalogue/schema-compatibility';
import { avroType } from '../schemas/avro-type';
import type { SubjectIncompatibility } from './apply-errors';
import { incompatibilityReasons } from './incompatibility-reasons';
import type { RegisteredSchema, SchemaRegistryClient } from './registry-client';

export interface SubjectContract {
  eventType: string;
  catalogueVersion: number;
  /** The subject's compatibility level as the catalogue gives it. */
  compatibility: CompatibilityLevel;
  subject: string;
  /** The schema as registered: the compact JSON text of the self-contained schema. */
  schema: string;
}

export interface SubjectCheck {
  contract: SubjectContract;
  compatibilityChanged: boolean;
  /** Set when the subject already holds exactly this schema: there is nothing to register. */
  existing?: RegisteredSchema;
  incompatibility?: SubjectIncompatibility;
}

/**
 * Sets the subject's compatibility level and asks the registry whether the schema may be registered.
 * The registry's verdict is the gate; the field-level reasons only explain a rejection.
 */
export async function checkSubject(
  registry: SchemaRegistryClient,
  contract: SubjectContract,
  compatibility: CompatibilityLevel,
): Promise<SubjectCheck> {
  const { subject, schema } = contract;
  const compatibilityChanged = (await registry.subjectCompatibility(subject)) !== compatibility;
  if (compatibilityChanged) await registry.setSubjectCompatibility(subject, compatibility);

  const existing = await registry.lookup(subject, schema);
  if (existing) return { contract, compatibilityChanged, existing };
  const versions = await registry.versions(subject);
  if (versions.length === 0) return { contract, compatibilityChanged };

  const directions = compatibilityDirections(compatibility);
  const verdict = await registry.checkCompatibility(
    subject,
    schema,
    directions.transitive ? 'all' : 'latest',
  );
  if (verdict.compatible) return { contract, compatibilityChanged };

  const next = avroType(JSON.parse(schema));
  const reasons: string[] = [];
  for (const version of (directions.transitive ? versions : versions.slice(-1)).reverse()) {
    const previous = avroType(JSON.parse(await registry.schemaOfVersion(subject, version)));
    reasons.push(...incompatibilityReasons(previous, next, version, directions));
  }
  return {
    contract,
    compatibilityChanged,
    incompatibility: {
      subject,
      eventType: contract.eventType,
      compatibility,
      reasons,
      registryMessages: verdict.messages,
    },
  };
}
