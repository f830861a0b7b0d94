import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { PrismaSchemaError } from '../errors';
import type { PrismaSchemaFiles } from './prisma-schema-files';

/** The parts of Prisma's DMMF datamodel the schema check reads. */
export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  nativeType?: [string, string[]] | null;
}
export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
}

export interface GeneratorConfig {
  name: string;
  provider: string;
  /** Absolute path the generator writes to, if it declares one. */
  output?: string;
  config: Record<string, string | string[] | undefined>;
  sourceFilePath: string;
}

/**
 * Parses a schema with the WebAssembly build of Prisma's own schema engine (the one the CLI
 * bundles), so validation and name mapping are Prisma's and nothing is downloaded. Loaded on
 * first use because compiling the module costs time an app that never checks should not pay.
 */
export async function getDatamodel(files: PrismaSchemaFiles): Promise<DmmfDatamodel> {
  const wasm = await import('@prisma/prisma-schema-wasm');
  const dmmf = callEngine(() => wasm.get_dmmf(JSON.stringify({ prismaSchema: files })), files) as {
    datamodel: DmmfDatamodel;
  };
  return dmmf.datamodel;
}

export async function getGenerators(files: PrismaSchemaFiles): Promise<GeneratorConfig[]> {
  const wasm = await import('@prisma/prisma-schema-wasm');
  const result = callEngine(
    () => wasm.get_config(JSON.stringify({ prismaSchema: files, datasourceOverrides: {}, env: {} })),
    files,
  ) as {
    config: { generators: RawGenerator[] };
    errors: { message: string }[];
  };
  if (result.errors.length > 0) throw invalid(files, result.errors.map((e) => e.message).join('\n'));
  return result.config.generators.map((g) => {
    const sourceFilePath = g.sourceFilePath;
    const output = g.output?.value ?? undefined;
    return {
      name: g.name,
      provider: g.provider.value ?? '',
      ...(output === undefined ? {} : { output: resolveFrom(sourceFilePath, output) }),
      config: g.config,
      sourceFilePath,
    };
  });
}

interface RawGenerator {
  name: string;
  provider: { value: string | null };
  output: { value: string | null } | null;
  config: Record<string, string | string[] | undefined>;
  sourceFilePath: string;
}

function resolveFrom(schemaFile: string, relative: string): string {
  // Prisma resolves a generator's output against the directory of the file that declares it.
  return path.resolve(path.dirname(schemaFile), relative);
}

function callEngine(call: () => string, files: PrismaSchemaFiles): unknown {
  try {
    return JSON.parse(call());
  } catch (error) {
    throw invalid(files, engineMessage(error));
  }
}

/** The engine throws errors whose message is JSON with an ANSI-coloured `message`. */
function engineMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(raw) as { message?: string };
    return stripVTControlCharacters(parsed.message ?? raw);
  } catch {
    return stripVTControlCharacters(raw);
  }
}

function invalid(files: PrismaSchemaFiles, message: string): PrismaSchemaError {
  return new PrismaSchemaError(
    `Invalid Prisma schema ${files.map(([file]) => file).join(', ')}:\n${message}`,
  );
}
