import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PrismaGenerateError } from '../errors';
import { assertCommonJsCompatible } from './commonjs-generator-check';
import { getGenerators } from './prisma-schema-engine';
import { readPrismaSchemaFiles } from './prisma-schema-files';

export interface GeneratePrismaClientOptions {
  /** Extra environment for the Prisma CLI. */
  env?: NodeJS.ProcessEnv;
}

export interface GeneratedPrismaClient {
  schemaPath: string;
  /** Absolute output directory of each generator in the schema. */
  outputs: string[];
  /** What the Prisma CLI printed. */
  log: string;
}

/**
 * Stands in for Prisma's native schema engine, which cannot be downloaded on these machines.
 * `prisma generate` only checks that the file exists; anything that would run it (migrate,
 * db push) gets a message saying where migrations live instead.
 */
export const SCHEMA_ENGINE_PLACEHOLDER = path.resolve(__dirname, '..', '..', 'bin', 'no-schema-engine');

/**
 * Runs `prisma generate` for one schema without network access. The project keeps its Prisma
 * schema only as the source of its client; the database itself is built by SQL migrations.
 */
export async function generatePrismaClient(
  schemaPath: string,
  { env = {} }: GeneratePrismaClientOptions = {},
): Promise<GeneratedPrismaClient> {
  const resolved = path.resolve(schemaPath);
  const generators = await getGenerators(await readPrismaSchemaFiles(resolved));
  generators.forEach(assertCommonJsCompatible);
  const cli = require.resolve('prisma/build/index.js');
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [cli, 'generate', '--schema', resolved],
      {
        // Run where the schema's project lives, so a prisma.config.ts there is honoured.
        cwd: projectDirOf(resolved),
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY:
            process.env['PRISMA_SCHEMA_ENGINE_BINARY'] ?? SCHEMA_ENGINE_PLACEHOLDER,
          // No update check or telemetry: the host is unreachable here and waiting on it only slows builds.
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          ...env,
        },
        timeout: 120_000,
      },
    );
    return { schemaPath: resolved, outputs: generators.flatMap((g) => g.output ?? []), log: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as Error & { stdout?: string; stderr?: string };
    const output = `${stdout}${stderr}`.trim() || message;
    throw new PrismaGenerateError(`prisma generate failed for ${resolved}:\n${output}`, output);
  }
}

function projectDirOf(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}
