import type { CompatibilityLevel } from '../catalogue/schema-compatibility';

export class RegistryRequestError extends Error {
  readonly code = 'REGISTRY_REQUEST_FAILED';

  constructor(
    readonly request: string,
    readonly status: number | undefined,
    detail: string,
  ) {
    super(
      `Schema registry: ${request} failed${status === undefined ? '' : ` with HTTP ${status}`}: ${detail}`,
    );
    this.name = 'RegistryRequestError';
  }
}

export interface RegisteredSchema {
  id: number;
  version: number;
}

export interface CompatibilityVerdict {
  compatible: boolean;
  /** Confluent's registry explains itself with ?verbose=true; Apicurio's ccompat API answers without messages. */
  messages: string[];
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
// Confluent error codes, which Apicurio's ccompat API also uses.
const SUBJECT_NOT_FOUND = 40401;
const SCHEMA_NOT_FOUND = 40403;
const SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;

/**
 * The few calls of the Confluent schema registry API that applying contracts needs, over fetch.
 * `@kafkajs/confluent-schema-registry` registers and encodes but cannot check compatibility verbosely
 * or read subject configuration.
 */
export class SchemaRegistryClient {
  constructor(private readonly baseUrl: string) {}

  /** The subject's own level, or undefined when it has none (it then follows the global level). */
  async subjectCompatibility(subject: string): Promise<CompatibilityLevel | undefined> {
    const body = await this.request<{ compatibilityLevel?: CompatibilityLevel }>(
      'GET',
      `/config/${encodeURIComponent(subject)}`,
      undefined,
      [SUBJECT_NOT_FOUND, SUBJECT_COMPATIBILITY_NOT_CONFIGURED],
    );
    return body?.compatibilityLevel;
  }

  async setSubjectCompatibility(subject: string, level: CompatibilityLevel): Promise<void> {
    await this.request('PUT', `/config/${encodeURIComponent(subject)}`, { compatibility: level });
  }

  /** The id and version under which the subject already holds exactly this schema, if it does. */
  async lookup(subject: string, schema: string): Promise<RegisteredSchema | undefined> {
    const body = await this.request<RegisteredSchema>(
      'POST',
      `/subjects/${encodeURIComponent(subject)}`,
      { schema },
      [SUBJECT_NOT_FOUND, SCHEMA_NOT_FOUND],
    );
    return body && { id: body.id, version: body.version };
  }

  async versions(subject: string): Promise<number[]> {
    return (
      (await this.request<number[]>('GET', `/subjects/${encodeURIComponent(subject)}/versions`, undefined, [
        SUBJECT_NOT_FOUND,
      ])) ?? []
    );
  }

  async schemaOfVersion(subject: string, version: number): Promise<string> {
    const body = await this.request<{ schema: string }>(
      'GET',
      `/subjects/${encodeURIComponent(subject)}/versions/${version}`,
    );
    return body!.schema;
  }

  async schemaById(id: number): Promise<string> {
    return (await this.request<{ schema: string }>('GET', `/schemas/ids/${id}`))!.schema;
  }

  /**
   * Checks a schema against the latest version, or against every version (`all`) for transitive
   * levels; Apicurio checks every version on that path whatever the level, Confluent per the level.
   */
  async checkCompatibility(
    subject: string,
    schema: string,
    against: 'latest' | 'all',
  ): Promise<CompatibilityVerdict> {
    const versions = against === 'latest' ? '/versions/latest' : '/versions';
    const body = await this.request<{ is_compatible: boolean; messages?: string[] }>(
      'POST',
      `/compatibility/subjects/${encodeURIComponent(subject)}${versions}?verbose=true`,
      { schema },
    );
    return { compatible: body!.is_compatible, messages: body!.messages ?? [] };
  }

  /** Registers the schema; the registry returns the existing id when the subject already holds it. */
  async register(subject: string, schema: string): Promise<number> {
    const body = await this.request<{ id: number }>(
      'POST',
      `/subjects/${encodeURIComponent(subject)}/versions`,
      {
        schema,
      },
    );
    return body!.id;
  }

  /** Soft-deletes then permanently deletes a subject, as the registry requires; for cleaning up tests. */
  async deleteSubject(subject: string): Promise<void> {
    const path = `/subjects/${encodeURIComponent(subject)}`;
    await this.request('DELETE', path, undefined, [SUBJECT_NOT_FOUND]);
    await this.request('DELETE', `${path}?permanent=true`, undefined, [SUBJECT_NOT_FOUND]);
  }

  /** Resolves to undefined when the registry answers with one of the `absentCodes`. */
  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    absentCodes: readonly number[] = [],
  ): Promise<T | undefined> {
    const description = `${method} ${path}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { 'Content-Type': CONTENT_TYPE, Accept: CONTENT_TYPE },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new RegistryRequestError(
        description,
        undefined,
        `${(error as Error).message} (is it running at ${this.baseUrl}?)`,
      );
    }
    const text = await response.text();
    const parsed = parseJson<T & { error_code?: number; message?: string }>(text);
    if (response.ok) return parsed;
    if (parsed?.error_code !== undefined && absentCodes.includes(parsed.error_code)) return undefined;
    throw new RegistryRequestError(description, response.status, parsed?.message ?? text);
  }
}

function parseJson<T>(text: string): T | undefined {
  try {
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    // A proxy's HTML error page, say: the status and raw text still make the error message.
    return undefined;
  }
}
