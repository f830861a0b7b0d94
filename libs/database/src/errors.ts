/**
 * Every failure this library reports carries a stable `code`, so callers (and the CLIs) can
 * tell a bad migration from a schema drift or a broken generator without parsing messages.
 */

/** A SQL migration could not be applied; names the set and, when known, the failing file. */
export class MigrationError extends Error {
  readonly code = 'MIGRATION_FAILED';
  constructor(
    message: string,
    readonly details: { dir: string; table: string; file?: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** The Prisma schema could not be read or is invalid. */
export class PrismaSchemaError extends Error {
  readonly code = 'PRISMA_SCHEMA_INVALID';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrismaSchemaError';
  }
}

/** `prisma generate` failed; `output` holds what the CLI printed. */
export class PrismaGenerateError extends Error {
  readonly code = 'PRISMA_GENERATE_FAILED';
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'PrismaGenerateError';
  }
}

/** The migrated database and the Prisma schema disagree; `differences` lists every disagreement. */
export class SchemaMismatchError extends Error {
  readonly code = 'SCHEMA_MISMATCH';
  constructor(readonly differences: readonly { message: string }[]) {
    super(
      `The database does not match the Prisma schema (${differences.length} difference${differences.length === 1 ? '' : 's'}):\n` +
        differences.map((d) => `  - ${d.message}`).join('\n'),
    );
    this.name = 'SchemaMismatchError';
  }
}

/** A command line could not be understood; the CLIs print the message and their usage. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
