import path from 'node:path';
import { APP_NAMES, localEndpoints, type AppName } from '@platform/config';
import { devIssuerAppEnv } from './local-issuer';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface AppProcessSpec {
  app: AppName;
  port: number;
  entry: string;
  env: Record<string, string>;
}

/**
 * How each app is run locally: its built entry point and the environment it validates at start,
 * composed from infra/local.env. The same variable names are what docker-compose.yml sets. Token
 * checks point at the development issuer unless the environment sets AUTH_ISSUER (a real IdP);
 * every other AUTH_* variable of the environment reaches the apps as it is.
 */
export function platformApps(
  overrides: Partial<Record<AppName, Record<string, string>>> = {},
): AppProcessSpec[] {
  const endpoints = localEndpoints();
  const auth = devIssuerAppEnv();
  return APP_NAMES.map((app) => ({
    app,
    port: endpoints.appPort(app),
    entry: path.join(REPO_ROOT, 'apps', app, 'dist', 'main.js'),
    env: {
      PORT: String(endpoints.appPort(app)),
      // Each app as its own database role and its own Kafka principal (README, Security).
      DATABASE_URL: endpoints.appDatabaseUrl(app),
      KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: `${app}-service`,
      ...endpoints.kafkaSecurityEnv(app),
      SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
      ...auth,
      ...overrides[app],
    },
  }));
}
