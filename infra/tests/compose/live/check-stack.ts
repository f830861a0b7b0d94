import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_NAMES } from '@platform/config';
import { CATALOGUE_ENTRIES, DEAD_LETTER_APPS, deadLetterTopic, topicsConsumedBy } from '@platform/contracts';
import { Kafka, type KafkaConfig } from 'kafkajs';
import { waitFor } from '@platform/testing';
import { COMPOSE_FILE, REPO_ROOT, loadCompose } from '../compose-model';
import { loadContracts } from '../image-contracts';

/**
 * The checks of `npm run test:compose`, run by infra/docker/test-compose/run once the images are
 * built: docker-compose.yml, unchanged, brought up in the Docker engine and used as a user would use
 * it, on the host ports the environment names, then taken down again. Every wait polls with a
 * deadline. Exit code 0 when every check passed; a timed summary either way.
 */

const env = process.env;
const PROJECT = env['COMPOSE_TEST_PROJECT'] ?? 'kafka-saga-compose-test';
const KEEP = env['COMPOSE_TEST_KEEP'] === '1';
const port = (name: string) => {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set (infra/docker/test-compose/run sets every host port)`);
  return Number(value);
};
// 127.0.0.1, where the compose file publishes every port (localhost may resolve to ::1 first).
const url = (variable: string, pathname: string) => `http://127.0.0.1:${port(variable)}${pathname}`;
/** Services the test starts: all but Kafka UI, which has no stand-in (see its contract.yml). */
const LEFT_OUT: Record<string, string> = {
  'kafka-ui':
    'not started: kafbat/kafka-ui ships only as a Docker Hub image and a GitHub release, neither reachable here; no service depends on it',
};
const composeModel = loadCompose(env);
const SERVICES = Object.keys(composeModel.services).filter((name) => !(name in LEFT_OUT));
/** One-shot jobs (secrets, kafka-users, contracts): done when they exited 0. */
const JOBS = SERVICES.filter((name) => composeModel.services[name]!.restart === 'no');
/** The operator principal's Java client settings, which the secrets job writes into the secrets volume. */
const OPERATOR_CLIENT_CONFIG = '/etc/kafka/secrets/kafka-operator.properties';

// ── running things ───────────────────────────────────────────────────────────────────────────────

function run(command: string, args: string[], timeoutMs = 120_000): string {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: timeoutMs, env });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr || result.stdout}`,
    );
  return result.stdout;
}
const compose = (args: string[], timeoutMs?: number) =>
  run('docker', ['compose', '-p', PROJECT, '-f', COMPOSE_FILE, ...args], timeoutMs);

/**
 * A bearer token of the stack's development issuer, minted inside its container as the README
 * shows (`docker compose exec issuer npm run -s token -- …`); one per caller, reused.
 */
const tokens = new Map<string, string>();
function tokenFor(sub: string, role: 'customer' | 'operator'): string {
  const key = `${role}:${sub}`;
  if (!tokens.has(key))
    tokens.set(
      key,
      compose([
        'exec',
        '-T',
        'issuer',
        'npm',
        'run',
        '-s',
        'token',
        '--',
        '--sub',
        sub,
        '--role',
        role,
      ]).trim(),
    );
  return tokens.get(key)!;
}
const OPERATOR = 'operator@example.com';
const isAppUrl = (target: string) =>
  APP_NAMES.some((app) => target.startsWith(url(`${app.toUpperCase()}_PORT`, '/')));

/**
 * One request (to an app: as an operator unless `headers` carry another Authorization), retried
 * (twice, after 500 ms) only when no answer arrived: a kept-alive connection the
 * app closed after its idle timeout fails the next request without it reaching the app. Every request
 * here is idempotent (POST /orders carries an Idempotency-Key).
 */
async function http<T>(
  target: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  let response: Response | undefined;
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await fetch(target, {
        method: init.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          ...(isAppUrl(target) ? { authorization: `Bearer ${tokenFor(OPERATOR, 'operator')}` } : {}),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      if (attempt >= 3)
        throw new Error(`${init.method ?? 'GET'} ${target}: ${String(error)} (${String(cause)})`);
      process.stdout.write(`[test:compose]   (retrying ${target}: ${String(cause ?? error)})\n`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T };
}

interface ServiceState {
  Service: string;
  State: string;
  Health: string;
  ExitCode: number;
}
function serviceStates(): ServiceState[] {
  const out = compose(['ps', '-a', '--format', 'json']).trim();
  if (!out) return [];
  // Compose prints one JSON object per line (2.21+) or one array (earlier).
  return out.startsWith('[')
    ? (JSON.parse(out) as ServiceState[])
    : out.split('\n').map((l) => JSON.parse(l) as ServiceState);
}
const containerOf = (service: string) => compose(['ps', '-a', '-q', service]).trim();

// ── the saga, over HTTP on the published ports ───────────────────────────────────────────────────

interface OrderView {
  orderId: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
  correlationId: string;
  cancellation: { reason: string } | null;
  history: { eventType: string; eventId: string }[];
}

let skuCounter = 0;
async function freshSku(available: number): Promise<string> {
  const sku = `COMPOSE-${Date.now().toString(36).toUpperCase()}-${++skuCounter}`;
  const { status } = await http(url('INVENTORY_PORT', `/stock/${sku}`), {
    method: 'PUT',
    body: { available },
  });
  if (status >= 300) throw new Error(`PUT /stock/${sku} answered ${status}`);
  return sku;
}
const stockOf = async (sku: string) =>
  (await http<{ available: number }>(url('INVENTORY_PORT', `/stock/${sku}`))).body.available;

async function placeOrder(sku: string, quantity: number, paymentMethod: string, correlationId: string) {
  // As the customer the order names: a customer may order only in their own name.
  const customerId = `${correlationId}@example.com`;
  const { status, body } = await http<{ orderId: string }>(url('ORDER_PORT', '/orders'), {
    method: 'POST',
    headers: {
      'X-Correlation-Id': correlationId,
      'Idempotency-Key': correlationId,
      authorization: `Bearer ${tokenFor(customerId, 'customer')}`,
    },
    body: {
      customerId,
      currency: 'EUR',
      paymentMethod,
      lines: [{ sku, quantity, unitPriceMinor: 1299 }],
    },
  });
  if (status !== 202) throw new Error(`POST /orders answered ${status}: ${JSON.stringify(body)}`);
  return body.orderId;
}
const orderOf = async (orderId: string) =>
  (await http<OrderView>(url('ORDER_PORT', `/orders/${orderId}`))).body;
const settled = (orderId: string, timeoutMs = 120_000) =>
  waitFor(
    async () => {
      const order = await orderOf(orderId);
      return order.status !== 'PENDING' ? order : undefined;
    },
    { description: `order ${orderId} to be confirmed or cancelled`, timeoutMs, intervalMs: 250 },
  );
function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

// ── the checks ───────────────────────────────────────────────────────────────────────────────────

interface Step {
  name: string;
  seconds: number;
  ok: boolean;
  note?: string;
}
const steps: Step[] = [];
const notes: Record<string, string> = {};

async function step(name: string, body: () => Promise<string | void>): Promise<void> {
  const started = Date.now();
  process.stdout.write(`[test:compose] ${name} ...\n`);
  try {
    const note = await body();
    steps.push({ name, seconds: (Date.now() - started) / 1000, ok: true, ...(note ? { note } : {}) });
    process.stdout.write(
      `[test:compose]   ok (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}\n`,
    );
  } catch (error) {
    steps.push({ name, seconds: (Date.now() - started) / 1000, ok: false });
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { step: name });
  }
}

async function standInsProvideTheirContracts(): Promise<string> {
  const checked: string[] = [];
  for (const contract of loadContracts().filter((c) => c.standIn)) {
    const binaries = contract.binaries.filter((b) => b.standIn !== 'missing');
    // One container per image: each listed path must be executable and its name found on PATH.
    const script =
      'for pair in "$@"; do p=${pair%%=*}; n=${pair#*=}; [ -x "$p" ] || echo "missing $p"; ' +
      'case $n in */*) ;; *) [ "$(command -v "$n")" ] || echo "not on PATH: $n";; esac; done';
    const out = run('docker', [
      'run',
      '--rm',
      '--network',
      'none',
      '--entrypoint',
      '/bin/sh',
      contract.image,
      '-c',
      script,
      'check',
      ...binaries.map((b) => `${b.path}=${b.onPath === false ? '/' : b.name}`),
    ]).trim();
    expectThat(out === '', `${contract.image} (stand-in) lacks what its contract lists:\n${out}`);
    checked.push(`${contract.image} ${binaries.length}`);
  }
  return `binaries present in ${checked.join(', ')}`;
}

async function upUntilHealthy(): Promise<string> {
  const started = Date.now();
  // `up --detach` itself waits for each depends_on condition, so the states are polled beside it:
  // that is when each service became ready.
  const up = spawn(
    'docker',
    [
      'compose',
      '-p',
      PROJECT,
      '-f',
      COMPOSE_FILE,
      'up',
      '--detach',
      '--no-build',
      '--pull',
      'never',
      ...SERVICES,
    ],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let upOutput = '';
  up.stderr.on('data', (chunk: Buffer) => (upOutput += chunk.toString()));
  const upExit = new Promise<number | null>((resolve) => up.once('exit', resolve));
  let upCode: number | null | undefined;
  void upExit.then((code) => (upCode = code));
  let failed: ServiceState[] = [];
  const readyAt = new Map<string, number>();
  const states = await waitFor(
    () => {
      const now = serviceStates();
      failed = now.filter((s) => s.Health === 'unhealthy' || (s.State === 'exited' && s.ExitCode !== 0));
      const done = (s: ServiceState) =>
        JOBS.includes(s.Service)
          ? s.State === 'exited' && s.ExitCode === 0
          : s.State === 'running' && s.Health === 'healthy';
      for (const state of now.filter(done))
        if (!readyAt.has(state.Service)) readyAt.set(state.Service, (Date.now() - started) / 1000);
      // A failed service (or `up` failing) ends the wait at once rather than at the deadline.
      if (upCode !== undefined && upCode !== 0) return now;
      return failed.length > 0 || (upCode === 0 && now.length === SERVICES.length && now.every(done))
        ? now
        : undefined;
    },
    {
      description: `every service healthy (${JOBS.join(', ')}: exited 0)`,
      timeoutMs: 420_000,
      intervalMs: 1000,
    },
  );
  await upExit;
  expectThat(upCode === 0, `docker compose up exited ${upCode}:\n${upOutput}`);
  expectThat(
    failed.length === 0,
    `failed: ${failed.map((s) => `${s.Service} ${s.State} ${s.Health} exit ${s.ExitCode}`).join(', ')}`,
  );
  const seconds = (Date.now() - started) / 1000;
  notes['compose up → all healthy'] = `${seconds.toFixed(0)} s (${[...readyAt]
    .map(([service, at]) => `${service} ${at.toFixed(0)} s`)
    .join(', ')})`;
  return `${states.length} services healthy or completed after ${seconds.toFixed(0)} s; ${Object.entries(
    LEFT_OUT,
  )
    .map(([s, why]) => `${s} ${why}`)
    .join('')}`;
}

async function subjectsRegistered(): Promise<string> {
  const { body } = await http<string[]>(url('REGISTRY_PORT', '/subjects'));
  const expected = CATALOGUE_ENTRIES.map((entry) => entry.subject);
  const missing = expected.filter((subject) => !body.includes(subject));
  expectThat(missing.length === 0, `subjects missing from the registry: ${missing.join(', ')}`);
  // The README's topic listing, in the Kafka container, as the operator principal.
  const topics = compose([
    'exec',
    '-T',
    'kafka',
    '/opt/kafka/bin/kafka-topics.sh',
    '--bootstrap-server',
    'kafka:29092',
    '--command-config',
    OPERATOR_CLIENT_CONFIG,
    '--list',
  ]);
  const wanted = [...CATALOGUE_ENTRIES.map((entry) => entry.topic), ...DEAD_LETTER_APPS.map(deadLetterTopic)];
  const absent = wanted.filter((topic) => !topics.split('\n').includes(topic));
  expectThat(absent.length === 0, `topics missing: ${absent.join(', ')}`);
  return `${expected.length} subjects, ${wanted.length} topics`;
}

/**
 * The broker's access rules, from the host through the published EXTERNAL_SASL_SSL listener with
 * kafkajs: without credentials, or with a wrong password, nothing is served; the payment principal
 * reaches what the catalogue grants it and is refused the order service's orders.order-confirmed.
 */
async function accessRulesEnforced(): Promise<string> {
  const secret = (file: string) => compose(['exec', '-T', 'kafka', 'cat', `/etc/kafka/secrets/${file}`]);
  const ca = secret('ca.pem');
  const client = (sasl: KafkaConfig['sasl']) =>
    new Kafka({
      clientId: 'compose-test-access',
      brokers: [`localhost:${port('KAFKA_PORT')}`],
      ssl: { ca: [ca] },
      sasl,
      connectionTimeout: 5000,
      authenticationTimeout: 5000,
      retry: { retries: 0 },
      logCreator: () => () => undefined,
    });
  const refusal = async (work: () => Promise<unknown>): Promise<string | undefined> => {
    try {
      await work();
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const listTopics = (kafka: Kafka) => async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  };

  const anonymous = await refusal(listTopics(client(undefined)));
  expectThat(anonymous !== undefined, 'a client without credentials listed the topics');
  const wrongPassword = await refusal(
    listTopics(client({ mechanism: 'scram-sha-512', username: 'payment', password: 'not-the-password' })),
  );
  expectThat(wrongPassword !== undefined, 'the payment principal was served with a wrong password');

  const payment = client({
    mechanism: 'scram-sha-512',
    username: 'payment',
    password: secret('kafka-payment.password'),
  });
  // What the catalogue grants: the topics payment consumes are visible to it.
  const granted = topicsConsumedBy('payment');
  const admin = payment.admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: granted });
    expectThat(
      metadata.topics.length === granted.length,
      `payment does not see its topics ${granted.join(', ')}`,
    );
  } finally {
    await admin.disconnect();
  }
  const forbidden = 'orders.order-confirmed';
  expectThat(
    CATALOGUE_ENTRIES.some((entry) => entry.topic === forbidden && entry.producer !== 'payment'),
    `${forbidden} is not another app's topic in the catalogue`,
  );
  const producer = payment.producer();
  await producer.connect();
  const write = await refusal(() =>
    producer.send({ topic: forbidden, messages: [{ key: 'compose-test', value: 'not an event' }] }),
  );
  await producer.disconnect();
  expectThat(
    write !== undefined && /authoriz/i.test(write),
    `payment writing ${forbidden}: ${write ?? 'accepted'}`,
  );
  return `no credentials: refused (${anonymous}); wrong password: refused (${wrongPassword}); payment sees ${granted.length} granted topics, writing ${forbidden}: ${write}`;
}

const placed: { orderId: string; correlationId: string }[] = [];

async function happyPath(): Promise<string> {
  const sku = await freshSku(5);
  const correlationId = `compose-happy-${Date.now()}`;
  const orderId = await placeOrder(sku, 2, 'tok_visa', correlationId);
  placed.push({ orderId, correlationId });
  const order = await settled(orderId);
  expectThat(order.status === 'CONFIRMED', `order ${orderId} is ${order.status}, not CONFIRMED`);
  expectThat(order.correlationId === correlationId, 'the order lost its correlation id');
  expectThat((await stockOf(sku)) === 3, 'stock was not taken');
  // The confirmation e-mail reached the mail catcher through the notification app's SMTP.
  const mail = await waitFor(
    async () => {
      const { body } = await http<{ messages: { To: { Address: string }[]; Subject: string }[] }>(
        url('MAILPIT_UI_PORT', '/api/v1/messages'),
      );
      return body.messages.find(
        (m) => m.Subject.includes(orderId) && m.To[0]?.Address === `${correlationId}@example.com`,
      );
    },
    { description: `the confirmation e-mail of ${orderId}`, timeoutMs: 60_000, intervalMs: 500 },
  );
  return `order ${orderId} CONFIRMED; mail "${mail.Subject}"`;
}

async function declinedCard(): Promise<string> {
  const sku = await freshSku(4);
  const correlationId = `compose-declined-${Date.now()}`;
  const orderId = await placeOrder(sku, 3, 'tok_chargeDeclinedInsufficientFunds', correlationId);
  placed.push({ orderId, correlationId });
  const order = await settled(orderId);
  expectThat(order.status === 'CANCELLED', `order ${orderId} is ${order.status}, not CANCELLED`);
  expectThat(
    order.cancellation?.reason === 'INSUFFICIENT_FUNDS',
    `cancelled for ${order.cancellation?.reason}`,
  );
  await waitFor(async () => (await stockOf(sku)) === 4, {
    description: 'the reservation to be released',
    timeoutMs: 60_000,
  });
  return `order ${orderId} CANCELLED (INSUFFICIENT_FUNDS), stock back to 4`;
}

/** The README's console-consumer command, as written there, run in the Kafka container. */
async function readmeConsoleConsumer(): Promise<string> {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(/\\\n\s*/g, ' ');
  const line = /^docker compose exec kafka (\/opt\/kafka\/bin\/kafka-console-consumer\.sh .*)$/m.exec(readme);
  expectThat(
    line !== null,
    'README has no `docker compose exec kafka /opt/kafka/bin/kafka-console-consumer.sh` command',
  );
  const args = line![1]!.trim().split(/\s+/);
  // The command runs until Ctrl-C; the test bounds it by count and time.
  const out = compose(
    ['exec', '-T', 'kafka', ...args, '--max-messages', String(placed.length), '--timeout-ms', '60000'],
    120_000,
  );
  for (const { orderId, correlationId } of placed) {
    const placedEvent = (await orderOf(orderId)).history.find((h) => h.eventType === 'OrderPlaced')!;
    const record = out.split('\n').find((l) => l.includes(`correlation-id:${correlationId}`));
    expectThat(record !== undefined, `no record with correlation-id:${correlationId} in:\n${out}`);
    for (const header of [
      `event-id:${placedEvent.eventId}`,
      'event-type:OrderPlaced',
      'source:order',
      'event-version:',
    ])
      expectThat(record!.includes(header), `the record of ${orderId} lacks the header ${header}:\n${record}`);
    expectThat(record!.includes(`\t${orderId}\t`), `the record of ${orderId} is not keyed by its order id`);
  }
  return `${placed.length} OrderPlaced records with event-id, event-type, correlation-id, source headers, keyed by order id`;
}

async function stopAndCatchUp(): Promise<string> {
  const service = 'payment';
  const grace = Number(/^(\d+)s$/.exec(composeModel.services[service]!.stop_grace_period ?? '10s')![1]);
  const id = containerOf(service);
  const started = Date.now();
  run('docker', ['stop', id], (grace + 30) * 1000); // the container's own stop timeout: stop_grace_period
  const seconds = (Date.now() - started) / 1000;
  const [exitCode, oomKilled] = run('docker', [
    'inspect',
    '-f',
    '{{.State.ExitCode}} {{.State.OOMKilled}}',
    id,
  ])
    .trim()
    .split(' ');
  expectThat(
    exitCode === '0',
    `${service} exited ${exitCode} on docker stop (137 = killed after the grace period)`,
  );
  expectThat(
    oomKilled === 'false' && seconds < grace,
    `${service} took ${seconds.toFixed(1)} s of its ${grace} s grace period`,
  );
  notes['docker stop payment'] = `exit 0 after ${seconds.toFixed(1)} s (grace ${grace} s)`;

  // While payment is down the saga waits at StockReserved; started again, payment catches up.
  const sku = await freshSku(3);
  const orderId = await placeOrder(sku, 1, 'tok_visa', `compose-outage-${Date.now()}`);
  await waitFor(async () => (await stockOf(sku)) === 2, {
    description: 'the stock to be reserved while payment is down',
    timeoutMs: 60_000,
  });
  const pending = await orderOf(orderId);
  expectThat(pending.status === 'PENDING', `order ${orderId} is ${pending.status} with payment down`);
  run('docker', ['start', id]);
  const order = await settled(orderId);
  expectThat(order.status === 'CONFIRMED', `order ${orderId} is ${order.status} after payment came back`);
  await waitFor(() => serviceStates().find((s) => s.Service === service)?.Health === 'healthy', {
    description: `${service} healthy again`,
    timeoutMs: 120_000,
    intervalMs: 1000,
  });
  return `exit 0 after ${seconds.toFixed(1)} s of ${grace} s; an order placed meanwhile CONFIRMED once it was back`;
}

const projectResources = () => {
  const filter = `label=com.docker.compose.project=${PROJECT}`;
  return {
    containers: run('docker', ['ps', '-aq', '--filter', filter]).trim(),
    volumes: run('docker', ['volume', 'ls', '-q', '--filter', filter]).trim(),
    networks: run('docker', ['network', 'ls', '-q', '--filter', filter]).trim(),
  };
};

async function downLeavesNothing(): Promise<string> {
  compose(['down', '--volumes', '--remove-orphans', '--timeout', '30'], 180_000);
  const left = projectResources();
  expectThat(!left.containers && !left.volumes && !left.networks, `left behind: ${JSON.stringify(left)}`);
  return 'no container, volume or network of the project left';
}

function imageSizes(): string {
  const size = (image: string) =>
    Number(run('docker', ['image', 'inspect', '-f', '{{.Size}}', image]).trim());
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const base = size('node:22-bookworm-slim');
  const lines = [...APP_NAMES, 'contracts'].map((service) => {
    const total = size(`${PROJECT}-${service}`);
    return `${service} ${mb(total)} (${mb(total - base)} on top of the base)`;
  });
  return `${lines.join(', ')}; base node:22-bookworm-slim (stand-in) ${mb(base)}`;
}

function diagnose(): void {
  try {
    process.stdout.write(compose(['ps', '-a']));
    for (const state of serviceStates().filter(
      (s) => s.Health !== 'healthy' && !(s.Service === 'contracts' && s.ExitCode === 0),
    )) {
      process.stdout.write(`\n── last log lines of ${state.Service} (${state.State} ${state.Health}) ──\n`);
      process.stdout.write(compose(['logs', '--no-color', '--tail', '40', state.Service]));
    }
  } catch (error) {
    process.stdout.write(`(could not collect diagnostics: ${String(error)})\n`);
  }
}

async function main(): Promise<void> {
  let failure: (Error & { step?: string }) | undefined;
  try {
    await step('stand-ins provide every binary their contracts list', standInsProvideTheirContracts);
    await step(`docker compose up (${SERVICES.length} services) until healthy`, upUntilHealthy);
    await step('the contracts job registered the subjects and created the topics', subjectsRegistered);
    await step(
      'Kafka refuses clients without credentials, and the payment principal may not write orders.order-confirmed',
      accessRulesEnforced,
    );
    await step('POST /orders reaches CONFIRMED, with its e-mail caught', happyPath);
    await step('a declined card reaches CANCELLED with the stock released', declinedCard);
    await step(
      'the README console consumer prints the events with their envelope headers',
      readmeConsoleConsumer,
    );
    await step(
      'docker stop of an app exits 0 within its grace period; started again, it catches up',
      stopAndCatchUp,
    );
    notes['image sizes'] = imageSizes();
  } catch (error) {
    failure = error as Error & { step?: string };
    process.stdout.write(`[test:compose] FAILED: ${failure.step ?? ''}\n${failure.message}\n`);
    diagnose();
  }
  if (KEEP)
    process.stdout.write(
      `[test:compose] COMPOSE_TEST_KEEP=1: the stack stays up (docker compose -p ${PROJECT} down -v)\n`,
    );
  else
    await step(
      'docker compose down -v leaves no container, volume or network behind',
      downLeavesNothing,
    ).catch((error: Error) => {
      failure ??= error;
      process.stdout.write(`[test:compose] FAILED: ${error.message}\n`);
    });

  process.stdout.write('\n[test:compose] stack checks\n');
  for (const s of steps)
    process.stdout.write(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.seconds.toFixed(1).padStart(6)} s  ${s.name}\n`);
  for (const [name, value] of Object.entries(notes)) process.stdout.write(`  ${name}: ${value}\n`);
  for (const [service, why] of Object.entries(LEFT_OUT)) process.stdout.write(`  ${service}: ${why}\n`);
  process.exitCode = failure ? 1 : 0;
}

void main();
