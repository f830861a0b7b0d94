#!/usr/bin/env node
/**
 * Generates Prisma clients offline: the schemas named on the command line, or with none every
 * apps/<x>/prisma/schema.prisma and libs/<x>/prisma/schema.prisma under the current directory
 * (which is how the root postinstall uses it, so a fresh clone has its clients after npm ci).
 */
import path from 'node:path';
import { findPrismaSchemas } from '../prisma/find-prisma-schemas';
import { generatePrismaClient } from '../prisma/generate-prisma-client';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(
      'Usage: prisma-generate [schema ...]   (default: every apps/*/prisma and libs/*/prisma schema)',
    );
    return 0;
  }
  const schemas = args.length > 0 ? args : findPrismaSchemas(process.cwd());
  if (schemas.length === 0) {
    console.log(
      'prisma-generate: no Prisma schemas under apps/*/prisma or libs/*/prisma; nothing to generate.',
    );
    return 0;
  }
  for (const schema of schemas) {
    try {
      const { outputs } = await generatePrismaClient(schema);
      const relative = (p: string) => path.relative(process.cwd(), p);
      console.log(
        `prisma-generate: ${relative(path.resolve(schema))} -> ${outputs.map(relative).join(', ')}`,
      );
    } catch (error) {
      console.error(`prisma-generate: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
