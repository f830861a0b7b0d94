import { z } from 'zod';

/** Thrown at startup when configuration is missing or malformed; the message names every bad setting. */
export class ConfigurationError extends Error {
  readonly code = 'CONFIGURATION_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Validates an environment against a zod object schema whose keys are the variable names, and
 * reports all problems at once, so a misconfigured deployment fails on its first start with the
 * whole list rather than one setting per restart.
 */
export function validateConfig<Schema extends z.ZodType>(
  schema: Schema,
  env: Record<string, string | undefined>,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigurationError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return env[name] === undefined ? `${name} is required but not set` : `${name}: ${issue.message}`;
    }),
  );
}
