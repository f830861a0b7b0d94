import type { CompatibilityLevel } from '../catalogue/schema-compatibility';

export interface SubjectIncompatibility {
  subject: string;
  eventType: string;
  compatibility: CompatibilityLevel;
  /** Field-level reasons, e.g. "field `x` added without a default, ...". */
  reasons: string[];
  /** What the registry itself said, when it explains (Confluent does, Apicurio does not). */
  registryMessages: string[];
}

/** The registry rejected at least one schema; nothing was registered. */
export class IncompatibleSchemaError extends Error {
  readonly code = 'SCHEMA_INCOMPATIBLE';

  constructor(readonly incompatibilities: readonly SubjectIncompatibility[]) {
    super(
      [
        'Incompatible schema change; nothing was registered.',
        ...incompatibilities.map(({ subject, eventType, compatibility, reasons, registryMessages }) =>
          [
            `Subject \`${subject}\` (${eventType}) is not ${compatibility}-compatible:`,
            ...(reasons.length ? reasons : ['no field-level reason found; see the registry messages']).map(
              (reason) => `  - ${reason}`,
            ),
            ...registryMessages.map((message) => `  registry: ${message}`),
          ].join('\n'),
        ),
      ].join('\n'),
    );
    this.name = 'IncompatibleSchemaError';
  }
}
