import { readLocalDefaults } from './local-defaults';

export type AppName = 'order' | 'inventory' | 'payment' | 'notification';
export const APP_NAMES: readonly AppName[] = ['order', 'inventory', 'payment', 'notification'];

/** Where the infrastructure and the apps listen, composed from infra/local.env and the environment. */
export interface Endpoints {
  kafkaBrokers: string[];
  schemaRegistryUrl: string;
  postgres: { host: string; port: number; user: string; password: string };
  databaseUrl(database: string): string;
  /** The app's own database: its name, plus APP_DATABASE_SUFFIX when a second stack shares the server. */
  appDatabase(app: AppName): string;
  appPort(app: AppName): number;
  appUrl(app: AppName): string;
}

/**
 * Settings with these names in the environment win over the composed defaults:
 * KAFKA_BROKERS (comma-separated), SCHEMA_REGISTRY_URL.
 */
export function localEndpoints(env: NodeJS.ProcessEnv = process.env): Endpoints {
  const settings = { ...readLocalDefaults(), ...definedOnly(env) };
  const get = (key: string): string => {
    const value = settings[key];
    if (value === undefined)
      throw new Error(`Missing setting ${key}: set it in the environment or in infra/local.env`);
    return value;
  };
  const postgres = {
    host: get('POSTGRES_HOST'),
    port: Number(get('POSTGRES_PORT')),
    user: get('POSTGRES_USER'),
    password: settings['POSTGRES_PASSWORD'] ?? '',
  };
  return {
    kafkaBrokers: (settings['KAFKA_BROKERS'] ?? `${get('KAFKA_HOST')}:${get('KAFKA_PORT')}`).split(','),
    schemaRegistryUrl:
      settings['SCHEMA_REGISTRY_URL'] ??
      `http://${get('REGISTRY_HOST')}:${get('REGISTRY_PORT')}${settings['REGISTRY_CCOMPAT_PATH'] ?? ''}`,
    postgres,
    databaseUrl: (database) => {
      const auth = postgres.password
        ? `${encodeURIComponent(postgres.user)}:${encodeURIComponent(postgres.password)}`
        : encodeURIComponent(postgres.user);
      return `postgresql://${auth}@${postgres.host}:${postgres.port}/${database}`;
    },
    appDatabase: (app) => `${app}${settings['APP_DATABASE_SUFFIX'] ?? ''}`,
    appPort: (app) => Number(get(`${app.toUpperCase()}_PORT`)),
    appUrl: (app) => `http://localhost:${get(`${app.toUpperCase()}_PORT`)}`,
  };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
