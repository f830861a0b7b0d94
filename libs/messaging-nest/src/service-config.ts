import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { validateConfig } from '@platform/config';
import { kafkaSettingsSchema } from '@platform/messaging';
import { authSettingsSchema } from '@platform/service-kit';

/** Settings every service reads, on top of the Kafka, registry and REST authentication ones. */
export const serviceSettingsSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
  /**
   * The database password in a file (a secret mounted into a container, as docker-compose.yml does),
   * for a DATABASE_URL written without one; it becomes the URL's password.
   */
  DATABASE_PASSWORD_FILE: z
    .string()
    .refine((file) => existsSync(file), 'no such file: the file holding the database password')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

/** DATABASE_URL with the password of DATABASE_PASSWORD_FILE (its first line), when that is set. */
function withPasswordFromFile(databaseUrl: string, passwordFile: string | undefined): string {
  if (!passwordFile) return databaseUrl;
  const url = new URL(databaseUrl);
  url.password = encodeURIComponent(readFileSync(passwordFile, 'utf8').split(/\r?\n/)[0] ?? '');
  return url.toString();
}

/**
 * Validates the whole environment of a service at startup. `extra` is the app's own settings
 * (say, SMTP_URL); the error lists every missing or malformed variable at once.
 */
export function loadServiceConfig<Extra extends z.ZodObject = z.ZodObject<Record<string, never>>>(
  env: Record<string, string | undefined>,
  extra?: Extra,
) {
  const schema = z.intersection(
    z.intersection(z.intersection(serviceSettingsSchema, kafkaSettingsSchema), authSettingsSchema),
    extra ?? z.object({}),
  );
  const config = validateConfig(schema, env) as z.infer<typeof serviceSettingsSchema> &
    z.infer<typeof kafkaSettingsSchema> &
    z.infer<typeof authSettingsSchema> &
    z.infer<Extra>;
  return {
    ...config,
    DATABASE_URL: withPasswordFromFile(config.DATABASE_URL, config.DATABASE_PASSWORD_FILE),
  };
}

export type ServiceConfig = ReturnType<typeof loadServiceConfig>;

/** The validated settings as an injectable: apps provide `new ServiceSettings(loadServiceConfig(env))`. */
export class ServiceSettings<Extra extends object = object> {
  constructor(readonly values: ServiceConfig & Extra) {}
}
