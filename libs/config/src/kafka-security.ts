import { readFileSync } from 'node:fs';

/** Who a Kafka client is: an app, the people's tools, or the tooling that creates topics and ACLs. */
export type KafkaPrincipal = 'order' | 'inventory' | 'payment' | 'notification' | 'operator' | 'admin';

/** The client-security settings, with the names the apps read from their environment. */
export interface KafkaSecuritySettings {
  KAFKA_SSL: 'true' | 'false';
  /** PEM file of the CA(s) that signed the brokers' certificates; the system's CAs when unset. */
  KAFKA_SSL_CA_FILE?: string | undefined;
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  /** A file holding the password instead (a secret mounted into a container); read at connect time. */
  KAFKA_SASL_PASSWORD_FILE?: string | undefined;
}

/** The security part of a kafkajs client configuration (structurally kafkajs's `ssl` and `sasl`). */
export interface KafkaClientSecurity {
  ssl: boolean | { ca: string[] };
  sasl?: SaslCredentials<'plain'> | SaslCredentials<'scram-sha-256'> | SaslCredentials<'scram-sha-512'>;
}

interface SaslCredentials<M extends string> {
  mechanism: M;
  username: string;
  password: string;
}

/** The one place where the security settings become a kafkajs client's `ssl` and `sasl` options. */
export function kafkaClientSecurity(settings: KafkaSecuritySettings): KafkaClientSecurity {
  const ssl =
    settings.KAFKA_SSL === 'true'
      ? settings.KAFKA_SSL_CA_FILE
        ? { ca: [readFileSync(settings.KAFKA_SSL_CA_FILE, 'utf8')] }
        : true
      : false;
  if (!settings.KAFKA_SASL_MECHANISM) return { ssl };
  return {
    ssl,
    sasl: {
      mechanism: settings.KAFKA_SASL_MECHANISM as 'scram-sha-512',
      username: settings.KAFKA_SASL_USERNAME ?? '',
      password: settings.KAFKA_SASL_PASSWORD ?? passwordFromFile(settings.KAFKA_SASL_PASSWORD_FILE),
    },
  };
}

/** The first line of a password file (generated secrets end without a newline; editors add one). */
function passwordFromFile(file: string | undefined): string {
  return file ? (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '') : '';
}

/** True when the environment carries its own Kafka security settings (a managed cluster, compose). */
export function hasExplicitKafkaSecurity(env: Record<string, string | undefined>): boolean {
  return env['KAFKA_SASL_MECHANISM'] !== undefined || env['KAFKA_SSL'] !== undefined;
}

/** The explicit settings of the environment, for tools that connect as whoever the environment says. */
export function kafkaSecurityFromEnv(env: Record<string, string | undefined>): KafkaSecuritySettings {
  return {
    KAFKA_SSL: env['KAFKA_SSL'] === 'true' ? 'true' : 'false',
    KAFKA_SSL_CA_FILE: env['KAFKA_SSL_CA_FILE'],
    KAFKA_SASL_MECHANISM: env['KAFKA_SASL_MECHANISM'] as KafkaSecuritySettings['KAFKA_SASL_MECHANISM'],
    KAFKA_SASL_USERNAME: env['KAFKA_SASL_USERNAME'],
    KAFKA_SASL_PASSWORD: env['KAFKA_SASL_PASSWORD'],
    KAFKA_SASL_PASSWORD_FILE: env['KAFKA_SASL_PASSWORD_FILE'],
  };
}
