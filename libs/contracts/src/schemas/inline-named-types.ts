import {
  type AvroComplexSchema,
  type AvroSchema,
  PRIMITIVE_TYPES,
  fullName,
  isNamedDefinition,
  namespaceOf,
} from './avro-schema';

export class UnknownTypeNameError extends Error {
  readonly code = 'SCHEMA_UNKNOWN_TYPE';

  constructor(readonly typeName: string) {
    super(
      `type \`${typeName}\` is neither a primitive, nor defined earlier in the schema, nor a schema file`,
    );
    this.name = 'UnknownTypeNameError';
  }
}

/**
 * Replaces the first reference to each shared named type (the envelope, Money, ...) with its
 * definition, so the result is self-contained. Registry schema references would avoid the copies,
 * but every client and tool would then have to resolve them, and Avro allows a name to be defined
 * only once per schema, so later references stay names.
 */
export function inlineNamedTypes(
  schema: AvroSchema,
  library: ReadonlyMap<string, AvroComplexSchema>,
): AvroSchema {
  const defined = new Set<string>();

  const visit = (node: AvroSchema, namespace: string | undefined): AvroSchema => {
    if (typeof node === 'string') {
      if (PRIMITIVE_TYPES.has(node)) return node;
      const name = fullName(node, namespace);
      if (defined.has(name)) return node;
      const definition = library.get(name);
      if (!definition) throw new UnknownTypeNameError(name);
      return visit(definition, namespace);
    }
    if (Array.isArray(node)) return node.map((branch) => visit(branch, namespace));
    if (isNamedDefinition(node)) {
      const name = fullName(node.name, node.namespace ?? namespace);
      // Marked before the fields are visited, so a recursive record refers to itself by name.
      defined.add(name);
      if (!node.fields) return node;
      const inner = namespaceOf(name);
      return { ...node, fields: node.fields.map((field) => ({ ...field, type: visit(field.type, inner) })) };
    }
    const copy: AvroComplexSchema = { ...node };
    if (typeof node.type !== 'string' || !['array', 'map'].includes(node.type)) {
      copy.type = visit(node.type, namespace);
      // `{ "type": "platform.events.Money" }` is the named type itself, not a wrapper around it.
      if (typeof node.type === 'string' && !PRIMITIVE_TYPES.has(node.type) && Object.keys(node).length === 1)
        return copy.type;
    }
    if (node.items !== undefined) copy.items = visit(node.items, namespace);
    if (node.values !== undefined) copy.values = visit(node.values, namespace);
    return copy;
  };

  return visit(schema, undefined);
}
