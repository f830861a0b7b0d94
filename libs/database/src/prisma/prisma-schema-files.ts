import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PrismaSchemaError } from '../errors';

/** [path, content] pairs, the shape Prisma's schema engine takes for single- and multi-file schemas. */
export type PrismaSchemaFiles = [string, string][];

/**
 * Reads a Prisma schema given as one `.prisma` file or as a directory of them (Prisma's
 * multi-file schemas), so the checks see exactly what `prisma generate --schema` sees.
 */
export async function readPrismaSchemaFiles(schemaPath: string): Promise<PrismaSchemaFiles> {
  const resolved = path.resolve(schemaPath);
  const info = await stat(resolved).catch(() => undefined);
  if (!info)
    throw new PrismaSchemaError(`Prisma schema ${schemaPath} does not exist (resolved to ${resolved})`);
  const files = info.isDirectory() ? await prismaFilesUnder(resolved) : [resolved];
  if (files.length === 0) throw new PrismaSchemaError(`No .prisma files in ${resolved}`);
  return Promise.all(
    files.map(async (file): Promise<[string, string]> => [file, await readFile(file, 'utf8')]),
  );
}

async function prismaFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.prisma'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
