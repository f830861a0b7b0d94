import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaSchemaError } from '../errors';
import type { GeneratorConfig } from './prisma-schema-engine';

/**
 * The `prisma-client` generator writes TypeScript that the project compiles itself. Its
 * defaults (ES module output using import.meta, imports ending in `.ts`) do not compile in a
 * CommonJS package under `module: Node16`, and `.js` endings would not resolve under jest, so
 * in a CommonJS package we insist on `moduleFormat = "cjs"` and `importFileExtension = ""`.
 */
export function assertCommonJsCompatible(generator: GeneratorConfig): void {
  if (generator.provider !== 'prisma-client' || generator.output === undefined) return;
  if (packageTypeOf(generator.output) === 'module') return;
  const { moduleFormat, importFileExtension } = generator.config;
  const problems = [
    moduleFormat !== 'cjs' && 'moduleFormat = "cjs"',
    importFileExtension !== '' && 'importFileExtension = ""',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0)
    throw new PrismaSchemaError(
      `generator ${generator.name} in ${generator.sourceFilePath} writes into a CommonJS package; ` +
        `add ${problems.join(' and ')} to it (the defaults produce ES-module code with .ts imports, ` +
        `which tsc rejects in CommonJS output and jest cannot load).`,
    );
}

function packageTypeOf(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const manifest = path.join(current, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type;
    if (path.dirname(current) === current) return undefined;
  }
}
