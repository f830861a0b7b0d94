import * as avro from 'avsc';

/** One way in which a reader schema cannot read what a writer schema wrote. */
interface Mismatch {
  /** Dotted path of the field, `[]` for array items, e.g. `lines[].unitPrice.currency`. */
  field: string;
  kind: 'missing-in-writer' | 'type' | 'enum-symbol';
  readerType?: string;
  writerType?: string;
  symbol?: string;
}

/**
 * Field-level reasons why `next` is not compatible with a `previous` version in the given directions.
 * The registry decides; this only explains, because Apicurio's compatibility answer names no field.
 */
export function incompatibilityReasons(
  previous: avro.Type,
  next: avro.Type,
  previousVersion: number,
  directions: { backward: boolean; forward: boolean },
): string[] {
  const reasons: string[] = [];
  if (directions.backward)
    for (const m of mismatches(next, previous, ''))
      reasons.push(
        m.kind === 'missing-in-writer'
          ? `field \`${m.field}\` added without a default, so the new schema cannot read events written with version ${previousVersion}`
          : m.kind === 'enum-symbol'
            ? `field \`${m.field}\` lost enum symbol ${m.symbol}, which events written with version ${previousVersion} may hold`
            : `field \`${m.field}\` changed from ${m.writerType} to ${m.readerType}, which cannot read the ${m.writerType} values written with version ${previousVersion}`,
      );
  if (directions.forward)
    for (const m of mismatches(previous, next, ''))
      reasons.push(
        m.kind === 'missing-in-writer'
          ? `field \`${m.field}\` removed, but consumers still on version ${previousVersion} need it (it has no default in the reader)`
          : m.kind === 'enum-symbol'
            ? `field \`${m.field}\` gained enum symbol ${m.symbol}, which consumers still on version ${previousVersion} cannot read (their enum has no default)`
            : `field \`${m.field}\` changed from ${m.readerType} to ${m.writerType}, which consumers still on version ${previousVersion} cannot read`,
      );
  return [...new Set(reasons)];
}

/** Where `reader` cannot resolve data written with `writer`, by Avro's schema resolution rules. */
function mismatches(reader: avro.Type, writer: avro.Type, path: string): Mismatch[] {
  if (
    reader instanceof avro.types.RecordType &&
    writer instanceof avro.types.RecordType &&
    (reader.name === writer.name || (reader.aliases ?? []).includes(writer.name ?? ''))
  ) {
    return reader.fields.flatMap((field) => {
      const fieldPath = path ? `${path}.${field.name}` : field.name;
      const written = writer.fields.find((w) => w.name === field.name || field.aliases.includes(w.name));
      if (written) return mismatches(field.type, written.type, fieldPath);
      return field.defaultValue() === undefined
        ? [{ field: fieldPath, kind: 'missing-in-writer' as const }]
        : [];
    });
  }
  if (reader instanceof avro.types.ArrayType && writer instanceof avro.types.ArrayType)
    return mismatches(reader.itemsType, writer.itemsType, `${path}[]`);
  if (reader instanceof avro.types.MapType && writer instanceof avro.types.MapType)
    return mismatches(reader.valuesType as avro.Type, writer.valuesType as avro.Type, `${path}{}`);
  if (reader instanceof avro.types.EnumType && writer instanceof avro.types.EnumType) {
    // An enum default (Avro 1.9) makes unknown symbols readable.
    if ((reader.schema() as { default?: string }).default !== undefined) return [];
    return writer.symbols
      .filter((symbol) => !reader.symbols.includes(symbol))
      .map((symbol) => ({ field: path, kind: 'enum-symbol' as const, symbol }));
  }
  try {
    reader.createResolver(writer);
    return [];
  } catch {
    return [{ field: path, kind: 'type', readerType: label(reader), writerType: label(writer) }];
  }
}

function label(type: avro.Type): string {
  if (type instanceof avro.types.ArrayType) return `array of ${label(type.itemsType)}`;
  if (type instanceof avro.types.MapType) return `map of ${label(type.valuesType as avro.Type)}`;
  if (type instanceof avro.types.UnwrappedUnionType || type instanceof avro.types.WrappedUnionType)
    return type.types.map(label).join(' | ');
  return type.name ?? type.typeName;
}
