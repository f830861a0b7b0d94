import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AvroRecordSchema } from '../schemas/avro-schema';
import { SCHEMA_DIRECTORY } from '../schemas/schema-directory';

export interface EditedSchemaDirectory {
  dir: string;
  remove(): void;
}

/**
 * A copy of schemas/ in a temporary directory with one file changed, to see what a schema change
 * would do (to the generated files, to the registry) without touching the repository.
 */
export function editedSchemaDirectory(
  file: string,
  edit: (schema: AvroRecordSchema) => AvroRecordSchema,
): EditedSchemaDirectory {
  const dir = mkdtempSync(path.join(tmpdir(), 'schemas-'));
  cpSync(SCHEMA_DIRECTORY, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(
    target,
    JSON.stringify(edit(JSON.parse(readFileSync(target, 'utf8')) as AvroRecordSchema), null, 2),
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
