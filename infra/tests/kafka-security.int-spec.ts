import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, type LogEntry, logLevel } from 'kafkajs';
import {
  type KafkaPrincipal,
  type KafkaSecuritySettings,
  kafkaClientSecurity,
  localEndpoints,
} from '@platform/config';
import { applyContracts } from '@platform/contracts';

const run = promisify(execFile);
const infraScript = path.resolve(__dirname, '../bin/infra');

/**
 * A broker of its own, started by the same `infra up kafka` people use (fresh secrets, certificate
 * and SCRAM users) and given the ACLs by contracts:apply, so the tests may write into its saga
 * topics and join its groups without disturbing the shared broker's apps.
 */
const kafkaPort = 16_000 + Math.floor(Math.random() * 900);
const env = {
  ...process.env,
  INFRA_VAR_DIR: mkdtempSync(path.join(tmpdir(), 'infra-kafka-security-')),
  KAFKA_PORT: String(kafkaPort),
  KAFKA_CONTROLLER_PORT: String(kafkaPort + 1000),
  KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
  KAFKA_SECURITY: 'sasl_ssl',
};
const infra = (...args: string[]) => run('bash', [infraScript, ...args], { env });
const broker = `localhost:${kafkaPort}`;
const security = (principal: KafkaPrincipal) => localEndpoints(env).kafkaSecurity(principal);

/**
 * No retries (a refusal must show as the refusal, not as a minute of retrying), except for an
 * idempotent producer, which kafkajs requires to retry; authorization errors are never retried.
 * `debugLog` receives kafkajs's debug lines: it swallows a refused FindCoordinator into "group
 * coordinator not found" and says why only there.
 */
function client(
  settings: KafkaSecuritySettings,
  { clientId = 'security-test', retries = 0, debugLog }: ClientOptions = {},
): Kafka {
  return new Kafka({
    clientId,
    brokers: [broker],
    connectionTimeout: 3_000,
    retry: { retries },
    ...kafkaClientSecurity(settings),
    ...(debugLog
      ? { logLevel: logLevel.DEBUG, logCreator: () => (entry: LogEntry) => debugLog(entry) }
      : { logLevel: logLevel.NOTHING }),
  });
}

interface ClientOptions {
  clientId?: string;
  retries?: number;
  debugLog?: (entry: LogEntry) => void;
}

/** The errors of a kafkajs error's chain of causes (retry errors wrap, aggregate errors list them). */
function errorChain(error: unknown, depth = 0): KafkaJSErrorLike[] {
  const e = error as KafkaJSErrorLike | undefined;
  if (!e || depth > 10) return [];
  return [
    e,
    ...errorChain(e.originalError ?? e.cause, depth + 1),
    ...(e.errors ?? []).flatMap((inner) => errorChain(inner, depth + 1)),
  ];
}

interface KafkaJSErrorLike {
  name?: string;
  type?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
}

/** The protocol error types anywhere in the chain, e.g. TOPIC_AUTHORIZATION_FAILED. */
const errorTypes = (error: unknown) => errorChain(error).flatMap((e) => (e.type ? [e.type] : []));
const errorNames = (error: unknown) => errorChain(error).flatMap((e) => (e.name ? [e.name] : []));

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the broker to refuse, but it allowed it');
}

beforeAll(async () => {
  // infra writes the format log of a fresh KRaft directory before it creates its log folder.
  mkdirSync(path.join(env.INFRA_VAR_DIR, 'log'), { recursive: true });
  await infra('up', 'kafka');
  await applyContracts({
    brokers: [broker],
    registryUrl: localEndpoints().schemaRegistryUrl,
    kafkaSecurity: security('admin'),
  });
}, 180_000);

afterAll(async () => {
  await infra('down', 'kafka');
  rmSync(env.INFRA_VAR_DIR, { recursive: true, force: true });
}, 60_000);

describe('the broker refuses clients without valid credentials', () => {
  it('accepts the admin principal over TLS with SCRAM-SHA-512', async () => {
    const admin = client(security('admin')).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).toContain('orders.order-confirmed');
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses a TLS client that brings no SASL credentials', async () => {
    const { KAFKA_SSL, KAFKA_SSL_CA_FILE } = security('admin');
    const admin = client({ KAFKA_SSL, KAFKA_SSL_CA_FILE }).admin();
    const error = await failureOf(async () => {
      await admin.connect();
      await admin.listTopics();
    });
    await admin.disconnect();
    expect((error as Error).name).toMatch(/^KafkaJS/);
  });

  it('refuses a plaintext client', async () => {
    const admin = client({ KAFKA_SSL: 'false' }).admin();
    const error = await failureOf(async () => {
      await admin.connect();
      await admin.listTopics();
    });
    await admin.disconnect();
    expect((error as Error).name).toMatch(/^KafkaJS/);
  });

  it('refuses a known principal with a wrong password', async () => {
    const admin = client({ ...security('payment'), KAFKA_SASL_PASSWORD: 'not-the-password' }).admin();
    const error = await failureOf(() => admin.connect());
    await admin.disconnect();
    expect(errorNames(error)).toContain('KafkaJSSASLAuthenticationError');
  });
});

describe('each app may do only its own part (ACLs from the event catalogue)', () => {
  it('lets payment write payments.payment-authorized but not orders.order-confirmed', async () => {
    const producer = client(security('payment'), { clientId: 'payment-service', retries: 2 }).producer({
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    try {
      await producer.send({
        topic: 'payments.payment-authorized',
        acks: -1,
        messages: [{ key: 'o-1', value: 'ok' }],
      });
      const error = await failureOf(() =>
        producer.send({
          topic: 'orders.order-confirmed',
          acks: -1,
          messages: [{ key: 'o-1', value: 'forged' }],
        }),
      );
      expect(errorTypes(error)).toContain('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await producer.disconnect();
    }
  });

  it('lets the operator read the saga topics with the console consumer (infra/bin/kafka-console-consumer)', async () => {
    const { stdout } = await run(
      'bash',
      [
        path.resolve(__dirname, '../bin/kafka-console-consumer'),
        '--topic',
        'payments.payment-authorized',
        '--from-beginning',
        '--max-messages',
        '1',
        '--timeout-ms',
        '30000',
      ],
      { env },
    );
    expect(stdout.trim()).toBe('ok');
  }, 60_000);

  it('does not let payment read orders.order-placed, which only inventory consumes', async () => {
    const consumer = client(security('payment'), { clientId: 'payment-service' }).consumer({
      groupId: 'payment-service',
    });
    await consumer.connect();
    try {
      const error = await failureOf(() => consumer.subscribe({ topics: ['orders.order-placed'] }));
      expect(errorTypes(error)).toContain('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await consumer.disconnect();
    }
  });

  it('lets inventory join its own group, inventory-service', async () => {
    const consumer = client(security('inventory'), { clientId: 'inventory-service' }).consumer({
      groupId: 'inventory-service',
    });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: ['orders.order-placed'] });
      await consumer.run({ eachMessage: async () => undefined });
      await joined;
    } finally {
      await consumer.disconnect();
    }
  }, 60_000);

  it('does not let inventory join the payment group, payment-service', async () => {
    const refusals: string[] = [];
    const consumer = client(security('inventory'), {
      clientId: 'inventory-service',
      debugLog: ({ log }) => {
        const type = (log['error'] as KafkaJSErrorLike | undefined)?.type;
        if (type) refusals.push(type);
      },
    }).consumer({ groupId: 'payment-service', retry: { retries: 0, restartOnFailure: async () => false } });
    const outcome = new Promise<string>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve('joined'));
      consumer.on(consumer.events.CRASH, ({ payload }) => resolve(payload.error.name));
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: ['orders.order-placed'] });
      await consumer.run({ eachMessage: async () => undefined });
      expect(await outcome).toBe('KafkaJSGroupCoordinatorNotFound');
      expect(refusals).toContain('GROUP_AUTHORIZATION_FAILED');
    } finally {
      await consumer.disconnect();
    }
  }, 60_000);

  it('does not let the operator create topics', async () => {
    const admin = client(security('operator')).admin();
    await admin.connect();
    try {
      const error = await failureOf(() => admin.createTopics({ topics: [{ topic: 'operator.scratch' }] }));
      expect(errorTypes(error).join(',')).toMatch(/AUTHORIZATION_FAILED/);
    } finally {
      await admin.disconnect();
    }
  });
});
