/**
 * `npm start [-- --json]`: the whole platform on this machine. Infrastructure up, topics and schemas applied,
 * everything built, the four apps started and ready, their logs in one stream. Ctrl-C stops the
 * apps gracefully, then the infrastructure this run started.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pc from 'picocolors';
import { localEndpoints, localSecrets, APP_NAMES } from '@platform/config';
import { applyContracts } from '@platform/contracts';
import { DEV_OPERATOR, devIdentitySettings, mintDevToken } from '@platform/dev-identity';
import { usesDevIssuer } from './local-issuer';
import { startPlatform } from './platform';
import { REPO_ROOT } from './platform-apps';

const infra = path.join(REPO_ROOT, 'infra', 'bin', 'infra');
const step = (text: string) => console.log(pc.bold(pc.blue(`\n▶ ${text}`)));

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO_ROOT });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function componentsDown(): string[] {
  return ['postgres', 'kafka', 'registry'].filter(
    (component) => spawnSync('bash', [infra, 'status', component], { stdio: 'ignore' }).status !== 0,
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const broughtUp = componentsDown();
  step('Infrastructure: PostgreSQL, Kafka, schema registry');
  run('bash', [infra, 'up']);
  step('Topics and schemas');
  const report = await applyContracts();
  console.log(`${report.topics.length} topics, ${report.subjects.length} subjects in place`);
  step('Build');
  run(process.execPath, [
    path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-b',
    path.join(REPO_ROOT, 'tsconfig.json'),
  ]);
  step('Apps');
  // Readable lines for a person at a terminal; the apps' own JSON with --json or LOG_FORMAT=json.
  const json = process.argv.includes('--json') || process.env['LOG_FORMAT'] === 'json';
  const platform = await startPlatform({ json, restartOnExit: true });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log(pc.bold('\nStopping the apps (each finishes its in-flight work)…'));
    await platform.stopAll();
    if (broughtUp.length > 0) run('bash', [infra, 'down', ...broughtUp]);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await printWelcome((Date.now() - started) / 1000);
}

// Long enough for a day's work; `npm run token` mints more, with any lifetime.
const PRINTED_TOKEN_TTL_S = 12 * 3_600;

async function printWelcome(seconds: number): Promise<void> {
  const endpoints = localEndpoints();
  const tokens = usesDevIssuer()
    ? {
        customer: await mintDevToken({
          sub: 'alice@example.com',
          role: 'customer',
          ttlSeconds: PRINTED_TOKEN_TTL_S,
        }),
        operator: await mintDevToken({
          sub: DEV_OPERATOR,
          role: 'operator',
          ttlSeconds: PRINTED_TOKEN_TTL_S,
        }),
      }
    : undefined;
  const auth = tokens
    ? ` -H "Authorization: Bearer $CUSTOMER_TOKEN"`
    : ` -H "Authorization: Bearer <token from your IdP>"`;
  const lines = [
    pc.bold(pc.green(`\nReady in ${seconds.toFixed(1)} s. Ctrl-C stops everything this command started.`)),
    '',
    ...APP_NAMES.map(
      (app) =>
        `  ${app.padEnd(13)} ${endpoints.appUrl(app)}   docs ${endpoints.appUrl(app)}/docs   ` +
        `health /health/ready   metrics /metrics`,
    ),
    `  kafka         ${endpoints.kafkaBrokers.join(',')}   ${
      endpoints.kafkaSecure
        ? `SASL_SSL, a principal per app; operator credentials in ${localSecrets(process.env).dir}`
        : 'PLAINTEXT (KAFKA_SECURITY=plaintext)'
    }`,
    `  registry      ${endpoints.schemaRegistryUrl}`,
    ...(tokens
      ? [
          `  tokens        development issuer ${devIdentitySettings().issuer} (12 h; npm run token -- --sub <who> --role customer|operator mints more)`,
          '',
          pc.bold('Tokens:'),
          `  export CUSTOMER_TOKEN=${tokens.customer}   # alice@example.com, customer`,
          `  export OPERATOR_TOKEN=${tokens.operator}   # ${DEV_OPERATOR}, operator`,
        ]
      : [
          `  tokens        from ${process.env['AUTH_ISSUER'] ?? 'nowhere: AUTH_MODE=off, REST calls are not checked'}`,
        ]),
    '',
    pc.bold('Try:'),
    `  curl -s -X POST ${endpoints.appUrl('order')}/orders -H 'content-type: application/json'${auth} \\`,
    `    -d '{"customerId":"alice@example.com","currency":"EUR","paymentMethod":"tok_visa","lines":[{"sku":"SKU-1","quantity":2,"unitPriceMinor":1299}]}'`,
    `  curl -s ${endpoints.appUrl('order')}/orders/<orderId>${auth}`,
    `  infra/bin/kafka-console-consumer --topic orders.order-placed --from-beginning --formatter-property print.headers=true`,
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(pc.red(`npm start failed: ${error instanceof Error ? error.message : String(error)}`));
  process.exit(1);
});
