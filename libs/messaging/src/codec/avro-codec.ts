import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import avro from 'avsc';
import { UndecodableMessageError, UnknownSchemaError } from '../errors';

const MAGIC_BYTE = 0;
const HEADER_LENGTH = 5;

export interface SubjectSchema {
  subject: string;
  /** The Avro schema as parsed JSON; for a consumer this is its reader schema. */
  schema: object;
}

/**
 * Avro in the Confluent wire format (magic byte 0, 4-byte schema id, Avro body).
 *
 * Schema ids are looked up once in `prepare` and kept, because the registry client would otherwise
 * ask the registry on every encode. Decoding resolves the writer's schema (fetched once per id)
 * into the reader's own schema, so a consumer keeps working when producers add fields.
 */
export class AvroCodec {
  private readonly idsBySubject = new Map<string, number>();
  private readonly readerTypes = new Map<string, avro.Type>();
  private readonly writerTypes = new Map<number, Promise<avro.Type>>();
  private readonly resolvers = new Map<string, avro.Resolver>();

  constructor(private readonly registry: SchemaRegistry) {}

  /** Resolves (and for producers, checks registration of) the id of each subject's schema. */
  async prepare(subjects: SubjectSchema[]): Promise<void> {
    await Promise.all(
      subjects.map(async ({ subject, schema }) => {
        this.readerTypes.set(subject, avro.Type.forSchema(schema as avro.Schema));
        const id = await this.registry.getRegistryIdBySchema(subject, {
          type: SchemaType.AVRO,
          schema: JSON.stringify(schema),
        });
        this.idsBySubject.set(subject, id);
      }),
    );
  }

  schemaId(subject: string): number {
    const id = this.idsBySubject.get(subject);
    if (id === undefined)
      throw new Error(`No schema prepared for subject ${subject}; call prepare() at startup`);
    return id;
  }

  encode(subject: string, value: unknown): Buffer {
    const id = this.schemaId(subject);
    const type = this.readerTypes.get(subject)!;
    const header = Buffer.alloc(HEADER_LENGTH);
    header.writeUInt8(MAGIC_BYTE, 0);
    header.writeInt32BE(id, 1);
    return Buffer.concat([header, type.toBuffer(value)]);
  }

  /** Decodes into the shape of the subject's prepared schema (or the writer's, if none was prepared). */
  async decode<T = unknown>(buffer: Buffer | null, readerSubject?: string): Promise<T> {
    if (!buffer || buffer.length < HEADER_LENGTH || buffer.readUInt8(0) !== MAGIC_BYTE) {
      throw new UndecodableMessageError(
        'Value is not in the Confluent Avro wire format (magic byte 0 + schema id)',
      );
    }
    const writerId = buffer.readInt32BE(1);
    const writer = await this.writerType(writerId);
    const reader = readerSubject ? this.readerTypes.get(readerSubject) : undefined;
    try {
      const body = buffer.subarray(HEADER_LENGTH);
      if (!reader) return writer.fromBuffer(body) as T;
      return reader.fromBuffer(body, this.resolver(writerId, readerSubject!, reader, writer)) as T;
    } catch (error) {
      throw new UndecodableMessageError(`Avro body does not match schema id ${writerId}: ${String(error)}`, {
        cause: error,
      });
    }
  }

  private writerType(id: number): Promise<avro.Type> {
    let type = this.writerTypes.get(id);
    if (!type) {
      type = this.fetchWriterType(id);
      this.writerTypes.set(id, type);
      // A registry outage must not be cached as if the schema did not exist.
      type.catch(() => this.writerTypes.delete(id));
    }
    return type;
  }

  private async fetchWriterType(id: number): Promise<avro.Type> {
    try {
      // The registry client returns the avsc Type it parsed (and caches) for this id.
      return (await this.registry.getSchema(id)) as unknown as avro.Type;
    } catch (error) {
      if (isNotFound(error))
        throw new UnknownSchemaError(`Schema id ${id} is not in the registry`, { cause: error });
      throw error;
    }
  }

  private resolver(writerId: number, subject: string, reader: avro.Type, writer: avro.Type): avro.Resolver {
    const key = `${writerId}:${subject}`;
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      resolver = reader.createResolver(writer);
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }
}

function isNotFound(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return status === 404 || /not found/i.test(String((error as Error)?.message ?? ''));
}
