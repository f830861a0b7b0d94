import { existsSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { TimeoutMiddleware } from 'mappersmith/middleware/timeout';
import {
  type ISocketFactory,
  Kafka,
  Partitioners,
  logLevel,
  type KafkaConfig,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { z } from 'zod';
import { kafkaClientSecurity, validateConfig } from '@platform/config';
import type { Logger } from '../logger';
import { applyKafkajsIdleLoopFix } from './kafkajs-idle-loop-fix';

/** Environment variables every producing or consuming process reads; validated at startup. */
export const kafkaSettingsSchema = z
  .object({
    KAFKA_BROKERS: z.string().min(1, 'comma-separated host:port list, e.g. localhost:9092'),
    KAFKA_CLIENT_ID: z.string().min(1),
    SCHEMA_REGISTRY_URL: z.url(),
    SCHEMA_REGISTRY_USERNAME: z.string().optional(),
    SCHEMA_REGISTRY_PASSWORD: z.string().optional(),
    KAFKA_SSL: z.enum(['true', 'false']).default('false'),
    KAFKA_SSL_CA_FILE: z
      .string()
      .refine((file) => existsSync(file), 'no such file: the PEM file of the CA that signed the brokers')
      .optional(),
    KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
    KAFKA_SASL_USERNAME: z.string().optional(),
    KAFKA_SASL_PASSWORD: z.string().optional(),
    /** The password in a file instead (a secret mounted into a container, as docker-compose.yml does). */
    KAFKA_SASL_PASSWORD_FILE: z
      .string()
      .refine((file) => existsSync(file), 'no such file: the file holding the SASL password')
      .optional(),
  })
  .refine(
    (s) =>
      !s.KAFKA_SASL_MECHANISM ||
      (s.KAFKA_SASL_USERNAME && (s.KAFKA_SASL_PASSWORD || s.KAFKA_SASL_PASSWORD_FILE)),
    {
      message:
        'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required when KAFKA_SASL_MECHANISM is set (the password may be in KAFKA_SASL_PASSWORD_FILE instead)',
      path: ['KAFKA_SASL_MECHANISM'],
      // Check even when other variables are wrong, so one start reports every problem.
      when: () => true,
    },
  );

export type KafkaSettings = z.infer<typeof kafkaSettingsSchema>;

export function kafkaSettingsFromEnv(env: Record<string, string | undefined>): KafkaSettings {
  return validateConfig(kafkaSettingsSchema, env);
}

/** kafkajs's own log lines, as structured lines of the app's logger (warnings and errors only). */
function kafkajsLogCreator(logger: Logger | undefined) {
  return () =>
    ({ level, log: { message, ...extra } }: LogEntry) => {
      if (!logger) return;
      // The relay retries a failed batch itself, and consumers absorb the duplicates that may
      // cause, so bounded producer retries are deliberate here, not a misconfiguration.
      if (message.startsWith('Limiting retries for the idempotent producer')) return;
      const fields = { component: 'kafkajs', ...extra };
      if (level === logLevel.ERROR) logger.error(fields, message);
      else if (level === logLevel.WARN) logger.warn(fields, message);
    };
}

/**
 * kafkajs's own socket factory with Nagle's algorithm switched off. kafkajs pipelines requests on a
 * connection (a fetch, a heartbeat and an offset commit can be in flight together); with Nagle on,
 * a small request written while an earlier one is unacknowledged waits for the peer's delayed ACK,
 * up to 40 ms on Linux, on every hop of the saga.
 */
const noDelaySocketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl
    ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...ssl }, onConnect)
    : net.connect({ host, port }, onConnect);
  socket.setKeepAlive(true, 60_000);
  socket.setNoDelay(true);
  return socket;
};

applyKafkajsIdleLoopFix();

export function createKafka(settings: KafkaSettings, logger?: Logger): Kafka {
  return new Kafka(kafkaClientConfig(settings, logger));
}

/** The kafkajs client configuration, for code (like Nest's transport) that builds its own client. */
export function kafkaClientConfig(settings: KafkaSettings, logger?: Logger): KafkaConfig {
  return {
    logCreator: kafkajsLogCreator(logger),
    clientId: settings.KAFKA_CLIENT_ID,
    brokers: settings.KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
    ...kafkaClientSecurity(settings),
    logLevel: logLevel.WARN,
    socketFactory: noDelaySocketFactory,
    // Outages are retried by the relay and the consumers themselves; kafkajs's own retry only
    // needs to ride over a leader election.
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 },
  };
}

const REGISTRY_TIMEOUT_MS = 5_000;

export function createSchemaRegistry(settings: KafkaSettings): SchemaRegistry {
  const auth =
    settings.SCHEMA_REGISTRY_USERNAME !== undefined
      ? { username: settings.SCHEMA_REGISTRY_USERNAME, password: settings.SCHEMA_REGISTRY_PASSWORD ?? '' }
      : undefined;
  return new SchemaRegistry({
    host: settings.SCHEMA_REGISTRY_URL,
    ...(auth ? { auth } : {}),
    // Without it a registry that accepts the connection and never answers holds a consumer forever.
    middlewares: [TimeoutMiddleware(REGISTRY_TIMEOUT_MS)],
  });
}

/**
 * acks=all with the idempotent producer: the broker drops retried duplicates, and one request in
 * flight keeps a retried batch from overtaking the one after it.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
