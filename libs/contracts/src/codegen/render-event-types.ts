import {
  type AvroComplexSchema,
  type AvroRecordSchema,
  type AvroSchema,
  fullName,
  isNamedDefinition,
  namespaceOf,
} from '../schemas/avro-schema';
import { GENERATED_HEADER } from './generated-header';

export class ConflictingDefinitionError extends Error {
  readonly code = 'SCHEMA_CONFLICTING_DEFINITION';

  constructor(readonly typeName: string) {
    super(`type \`${typeName}\` is defined differently in two schemas; define it once in its own .avsc file`);
    this.name = 'ConflictingDefinitionError';
  }
}

/**
 * TypeScript interfaces for the events and every named type they use, in the order of first use.
 * Avro `long` and `timestamp-millis` become `number`: the codecs decode without logical types, and
 * amounts in minor units and epoch milliseconds stay far below 2^53.
 */
export function renderEventTypes(events: readonly AvroRecordSchema[]): string {
  const definitions = collectDefinitions(events);
  const names = events.map((event) => event.name.split('.').pop() ?? event.name);
  return [
    GENERATED_HEADER,
    ...[...definitions.values()].map(({ schema, namespace }) => renderDefinition(schema, namespace)),
    `/** Every event type by name: the name is the value of \`envelope.eventType\`. */\nexport interface EventTypeMap {\n${names.map((name) => `  ${name}: ${name};`).join('\n')}\n}`,
    `export type EventType = keyof EventTypeMap;`,
    `/** Any event of the platform. */\nexport type PlatformEvent = EventTypeMap[EventType];`,
    `/** Every event type, in the order the saga produces them. */\nexport const EVENT_TYPES: readonly EventType[] = [${names.map((n) => `'${n}'`).join(', ')}];`,
  ].join('\n\n');
}

interface Definition {
  schema: AvroComplexSchema & { name: string };
  namespace: string | undefined;
}

function collectDefinitions(events: readonly AvroRecordSchema[]): Map<string, Definition> {
  const found = new Map<string, Definition>();
  const shortNames = new Map<string, string>();
  const visit = (node: AvroSchema, namespace: string | undefined): void => {
    if (typeof node === 'string') return;
    if (Array.isArray(node)) return node.forEach((branch) => visit(branch, namespace));
    if (isNamedDefinition(node)) {
      const name = fullName(node.name, node.namespace ?? namespace);
      const inner = namespaceOf(name);
      const previous = found.get(name);
      if (previous) {
        if (JSON.stringify(previous.schema) !== JSON.stringify(node))
          throw new ConflictingDefinitionError(name);
        return;
      }
      // Interfaces are exported by their short name, so two namespaces must not both use one.
      const short = shortName(name);
      if (shortNames.has(short) && shortNames.get(short) !== name)
        throw new ConflictingDefinitionError(short);
      shortNames.set(short, name);
      found.set(name, { schema: node, namespace: inner });
      node.fields?.forEach((field) => visit(field.type, inner));
      return;
    }
    if (typeof node.type !== 'string') visit(node.type, namespace);
    if (node.items !== undefined) visit(node.items, namespace);
    if (node.values !== undefined) visit(node.values, namespace);
  };
  events.forEach((event) => visit(event, undefined));
  return found;
}

function renderDefinition(
  schema: AvroComplexSchema & { name: string },
  namespace: string | undefined,
): string {
  const name = shortName(schema.name);
  const doc = docComment(schema.doc, '');
  if (schema.type === 'enum')
    return `${doc}export type ${name} = ${(schema.symbols ?? []).map((s) => `'${s}'`).join(' | ')};`;
  if (schema.type === 'fixed') return `${doc}export type ${name} = Buffer;`;
  const fields = (schema.fields ?? []).map(
    (field) => `${docComment(field.doc, '  ')}  ${field.name}: ${tsType(field.type, namespace)};`,
  );
  return `${doc}export interface ${name} {\n${fields.join('\n')}\n}`;
}

function tsType(schema: AvroSchema, namespace: string | undefined): string {
  if (typeof schema === 'string') return primitiveType(schema) ?? shortName(fullName(schema, namespace));
  if (Array.isArray(schema)) {
    // `string | null` reads better than Avro's null-first order, which only matters for defaults.
    const branches = schema.map((branch) => tsType(branch, namespace));
    return [...branches.filter((b) => b !== 'null'), ...branches.filter((b) => b === 'null')].join(' | ');
  }
  if (isNamedDefinition(schema)) return shortName(schema.name);
  if (schema.type === 'array') return `${parenthesize(tsType(schema.items ?? 'null', namespace))}[]`;
  if (schema.type === 'map') return `Record<string, ${tsType(schema.values ?? 'null', namespace)}>`;
  return tsType(schema.type, namespace);
}

function primitiveType(name: string): string | undefined {
  const types: Record<string, string> = {
    null: 'null',
    boolean: 'boolean',
    int: 'number',
    long: 'number',
    float: 'number',
    double: 'number',
    bytes: 'Buffer',
    string: 'string',
  };
  return types[name];
}

function parenthesize(type: string): string {
  return type.includes(' | ') ? `(${type})` : type;
}

function shortName(name: string): string {
  return name.split('.').pop() ?? name;
}

function docComment(doc: string | undefined, indent: string): string {
  return doc ? `${indent}/** ${doc.replaceAll('*/', '* /')} */\n` : '';
}
