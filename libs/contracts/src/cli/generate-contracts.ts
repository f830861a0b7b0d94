/**
 * `npm run contracts:generate`: rewrites the TypeScript types, the schema module and the AsyncAPI
 * document from schemas/*.avsc and the catalogue. Run it after every schema change and commit the result.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findStaleFiles, renderGeneratedFiles } from '../codegen/generated-files';

const USAGE = `usage: npm run contracts:generate

Rewrites libs/contracts/src/generated/*.ts and schemas/asyncapi.yaml from schemas/*.avsc and the
event catalogue, and says which files changed. Run it after every schema change; commit the result.`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
} else {
  generate();
}

function generate(): void {
  try {
    const files = renderGeneratedFiles();
    const stale = new Set(findStaleFiles(files));
    for (const file of files) {
      const name = path.relative(process.cwd(), file.path);
      if (stale.has(file.path)) writeFileSync(file.path, file.content);
      console.log(`${stale.has(file.path) ? 'wrote    ' : 'unchanged'} ${name}`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
