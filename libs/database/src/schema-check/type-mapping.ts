import type { ActualColumn } from './actual-schema';
import type { ExpectedColumn } from './expected-schema';

/** PostgreSQL type names (pg_type.typname) behind each `@db.X` native type of Prisma's PostgreSQL connector. */
const NATIVE_TYPES: Record<string, string> = {
  Text: 'text',
  VarChar: 'varchar',
  Char: 'bpchar',
  Uuid: 'uuid',
  Xml: 'xml',
  Inet: 'inet',
  Citext: 'citext',
  Bit: 'bit',
  VarBit: 'varbit',
  Integer: 'int4',
  SmallInt: 'int2',
  Oid: 'oid',
  BigInt: 'int8',
  DoublePrecision: 'float8',
  Real: 'float4',
  Decimal: 'numeric',
  Money: 'money',
  Timestamp: 'timestamp',
  Timestamptz: 'timestamptz',
  Date: 'date',
  Time: 'time',
  Timetz: 'timetz',
  Boolean: 'bool',
  Json: 'json',
  JsonB: 'jsonb',
  ByteA: 'bytea',
};

/**
 * Column types a Prisma scalar without `@db.X` reads and writes correctly. Prisma's own default
 * comes first; the others differ only in ways its queries do not notice (a length limit, a
 * time zone, json vs jsonb). Anything else (a uuid column behind a plain String, say) fails at
 * query time, so it is reported.
 */
const SCALAR_TYPES: Record<string, string[]> = {
  String: ['text', 'varchar'],
  Int: ['int4'],
  BigInt: ['int8'],
  Float: ['float8'],
  Decimal: ['numeric'],
  DateTime: ['timestamp', 'timestamptz'],
  Boolean: ['bool'],
  Json: ['jsonb', 'json'],
  Bytes: ['bytea'],
};

const FRIENDLY_NAMES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
};

const LENGTH_TYPES = new Set(['varchar', 'bpchar', 'bit', 'varbit']);
const PRECISION_TYPES = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);

/** A type check: the accepted PostgreSQL types and, when `@db.X(args)` fixes them, the modifiers. */
export interface ExpectedType {
  udtNames: string[];
  modifiers: number[];
  isEnum: boolean;
}

/** What the Prisma field requires of its column; undefined for types this check does not know. */
export function expectedTypeOf(column: ExpectedColumn): ExpectedType | undefined {
  const udtNames = baseTypesOf(column);
  if (udtNames === undefined) return undefined;
  return {
    // PostgreSQL names an array type after its element type with a leading underscore.
    udtNames: column.isList ? udtNames.map((name) => `_${name}`) : udtNames,
    // information_schema reports no length or precision for arrays, so only scalars are compared.
    modifiers: column.nativeType && !column.isList ? column.nativeType[1].map(Number) : [],
    isEnum: column.kind === 'enum',
  };
}

function baseTypesOf(column: ExpectedColumn): string[] | undefined {
  if (column.kind === 'enum') return [column.enumName ?? column.type];
  if (column.nativeType) {
    const native = NATIVE_TYPES[column.nativeType[0]];
    return native === undefined ? undefined : [native];
  }
  return SCALAR_TYPES[column.type];
}

export function typeMatches(expected: ExpectedType, actual: ActualColumn): boolean {
  if (!expected.udtNames.includes(actual.udtName)) return false;
  return expected.modifiers.every((value, index) => modifiersOf(actual)[index] === value);
}

function modifiersOf(column: ActualColumn): (number | null)[] {
  if (LENGTH_TYPES.has(column.udtName)) return [column.charLength];
  if (PRECISION_TYPES.has(column.udtName)) return [column.datetimePrecision];
  if (column.udtName === 'numeric') return [column.numericPrecision, column.numericScale];
  return [];
}

export function describeExpectedType(expected: ExpectedType): string {
  const names = expected.udtNames.map((name) => (expected.isEnum ? `enum ${name}` : friendly(name)));
  const modifiers = expected.modifiers.length > 0 ? `(${expected.modifiers.join(',')})` : '';
  return names.map((name) => name + modifiers).join(' or ');
}

export function describeActualType(column: ActualColumn): string {
  if (column.dataType === 'USER-DEFINED') return column.udtName;
  const modifiers = modifiersOf(column).filter((m): m is number => m !== null);
  return friendly(column.udtName) + (modifiers.length > 0 ? `(${modifiers.join(',')})` : '');
}

function friendly(udtName: string): string {
  return udtName.startsWith('_') ? `${friendly(udtName.slice(1))}[]` : (FRIENDLY_NAMES[udtName] ?? udtName);
}

/** How the field reads in the Prisma schema, e.g. `String? @db.VarChar(100)`. */
export function describePrismaField(column: ExpectedColumn): string {
  const type = `${column.type}${column.isList ? '[]' : column.isRequired ? '' : '?'}`;
  if (!column.nativeType) return type;
  const [name, args] = column.nativeType;
  return `${type} @db.${name}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
}
