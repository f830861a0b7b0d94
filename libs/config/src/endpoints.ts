import type { KafkaPrincipal, KafkaSecuritySettings } from './kafka-security';
import { readLocalDefaults } from './local-defaults';
import { localSecrets } from './local-secrets';

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
  /** The login role that owns the app's database and nothing else: `<database>_service`. */
  appDatabaseRole(app: AppName): string;
  /** How the app itself connects: as its own role, with the generated password. */
  appDatabaseUrl(app: AppName): string;
  /** False with KAFKA_SECURITY=plaintext (a plaintext broker, for throughput comparisons). */
  kafkaSecure: boolean;
  /**
   * The client settings of a principal against the local broker: SCRAM-SHA-512 over TLS with the
   * generated password and CA (README, Security), or plaintext with KAFKA_SECURITY=plaintext.
   */
  kafkaSecurity(principal: KafkaPrincipal): KafkaSecuritySettings;
  /** The same as environment variables, for a child process (an app, a CLI). */
  kafkaSecurityEnv(principal: KafkaPrincipal): Record<string, string>;
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
  // infra/local.env says sasl_ssl; outside a checkout (a container image) there are no generated
  // secrets, and a client's security comes from KAFKA_SSL and KAFKA_SASL_* alone.
  const security = settings['KAFKA_SECURITY'] ?? 'plaintext';
  if (security !== 'sasl_ssl' && security !== 'plaintext')
    throw new Error(`KAFKA_SECURITY must be sasl_ssl or plaintext, not \`${security}\``);
  const secrets = localSecrets(settings);
  const appDatabase = (app: AppName) => `${app}${settings['APP_DATABASE_SUFFIX'] ?? ''}`;
  const url = (user: string, password: string, database: string) => {
    const auth = password
      ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}`
      : encodeURIComponent(user);
    return `postgresql://${auth}@${postgres.host}:${postgres.port}/${database}`;
  };
  const kafkaSecurity = (principal: KafkaPrincipal): KafkaSecuritySettings =>
    security === 'plaintext'
      ? { KAFKA_SSL: 'false' }
      : {
          KAFKA_SSL: 'true',
          KAFKA_SSL_CA_FILE: secrets.caFile,
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: principal,
          KAFKA_SASL_PASSWORD: secrets.get(`KAFKA_PASSWORD_${principal.toUpperCase()}`),
        };
  return {
    kafkaBrokers: (settings['KAFKA_BROKERS'] ?? `${get('KAFKA_HOST')}:${get('KAFKA_PORT')}`).split(','),
    schemaRegistryUrl:
      settings['SCHEMA_REGISTRY_URL'] ??
      `http://${get('REGISTRY_HOST')}:${get('REGISTRY_PORT')}${settings['REGISTRY_CCOMPAT_PATH'] ?? ''}`,
    postgres,
    databaseUrl: (database) => url(postgres.user, postgres.password, database),
    appDatabase,
    appDatabaseRole: (app) => `${appDatabase(app)}_service`,
    appDatabaseUrl: (app) =>
      url(
        `${appDatabase(app)}_service`,
        secrets.get(`POSTGRES_PASSWORD_${app.toUpperCase()}`),
        appDatabase(app),
      ),
    kafkaSecure: security === 'sasl_ssl',
    kafkaSecurity,
    kafkaSecurityEnv: (principal) => definedOnly({ ...kafkaSecurity(principal) }),
    appPort: (app) => Number(get(`${app.toUpperCase()}_PORT`)),
    appUrl: (app) => `http://localhost:${get(`${app.toUpperCase()}_PORT`)}`,
  };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
