import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { APP_NAMES, localEndpoints, type AppName } from '@platform/config';
import { applyContracts } from '@platform/contracts';
import { DEV_OPERATOR, devToken } from '@platform/dev-identity';
import { REPO_ROOT, startPlatform, type Platform } from '@platform/infra/launcher';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@platform/testing';
import { routesOf, type OpenApiDocument, type Route } from './fuzz/openapi-routes';
import { sendRaw, type RawRequest } from './fuzz/raw-http';
import { describeRequest, requestFor, type FuzzCredentials } from './fuzz/request-arbitraries';

/**
 * A property-based fuzz of every route in the four apps' OpenAPI documents, against the apps as
 * processes (real PostgreSQL, Kafka, registry), each on databases of its own so the garbage it
 * stores stays out of everyone's way. Whatever arrives, an app answers below 500, keeps running,
 * and answers /health/live afterwards.
 *
 * FUZZ_SEED replays a run (the seed is in every failure); FUZZ_RUNS_PER_ROUTE changes its size.
 */
const RUNS_PER_ROUTE = Number(process.env['FUZZ_RUNS_PER_ROUTE'] ?? 60);
const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

const endpoints = localEndpoints();
const logDir = path.join(REPO_ROOT, '.local', 'var', 'log');
mkdirSync(logDir, { recursive: true });
const log = createWriteStream(path.join(logDir, 'e2e-rest-fuzz.log'));
let platform: Platform | undefined;
const databases: ThrowawayDatabase[] = [];
let credentials: FuzzCredentials;

beforeAll(async () => {
  const env: Partial<Record<AppName, Record<string, string>>> = {};
  for (const app of APP_NAMES) {
    const database = await createThrowawayDatabase(`${app}-fuzz`);
    databases.push(database);
    env[app] = { DATABASE_URL: database.url };
  }
  await applyContracts();
  platform = await startPlatform({ env, onLine: (app, line) => log.write(`${app} | ${line}\n`) });
  credentials = {
    operator: await devToken(DEV_OPERATOR, 'operator'),
    customer: await devToken(validOrder.customerId, 'customer'),
  };
}, 180_000);

afterAll(async () => {
  await platform?.stopAll();
  for (const database of databases) await database.drop();
  log.end();
}, 60_000);

const send = (app: AppName, request: RawRequest) => sendRaw(endpoints.appPort(app), request);
const json = (body: unknown) => Buffer.from(JSON.stringify(body));
const validOrder = {
  customerId: 'fuzz@example.com',
  currency: 'EUR',
  paymentMethod: 'tok_visa',
  lines: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 100 }],
};
const jsonHeaders: [string, string][] = [['content-type', 'application/json']];
const asOperator = (): [string, string] => ['authorization', `Bearer ${credentials.operator}`];

describe('text PostgreSQL cannot store is refused with a 400 naming the field', () => {
  const cases: [AppName, RawRequest, string][] = [
    // The three requests of issue 12's fuzz that answered 500.
    ['order', { method: 'GET', target: '/orders/%00', headers: [] }, 'path.orderId'],
    ['inventory', { method: 'GET', target: '/stock/SKU-1%00', headers: [] }, 'path.sku'],
    [
      'order',
      {
        method: 'POST',
        target: '/orders',
        headers: jsonHeaders,
        body: json({ ...validOrder, paymentMethod: '\u0000' }),
      },
      'body.paymentMethod',
    ],
    [
      'order',
      {
        method: 'POST',
        target: '/orders',
        headers: jsonHeaders,
        body: Buffer.from('{"customerId":"\\ud800"}'),
      },
      'body.customerId',
    ],
    ['order', { method: 'GET', target: '/orders?customerId=a%00', headers: [] }, 'query.customerId'],
    ['payment', { method: 'GET', target: '/payments?orderId=%00', headers: [] }, 'query.orderId'],
    ['payment', { method: 'GET', target: '/payments/p%00', headers: [] }, 'path.paymentId'],
    ['notification', { method: 'GET', target: '/notifications/%00', headers: [] }, 'path.notificationId'],
    [
      'inventory',
      { method: 'PUT', target: '/stock/SKU%00', headers: jsonHeaders, body: json({ available: 1 }) },
      'path.sku',
    ],
  ];
  it.each(cases.map(([app, request, field]) => [app, describeRequest(request), field, request] as const))(
    '%s: %s → 400 naming %s',
    async (app, _description, field, request) => {
      const answer = await send(app, request);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({
        error: 'VALIDATION_FAILED',
        fields: [{ field, rule: 'unstorable_text' }],
      });
    },
  );

  it('a NUL in a header is refused with a 400 before any app code runs', async () => {
    const answer = await send('order', {
      method: 'POST',
      target: '/orders',
      headers: [...jsonHeaders, ['idempotency-key', 'key\u0000']],
      body: json(validOrder),
    });
    expect(answer.status).toBe(400);
  });
});

/** The 5xx this fuzz found, each answered 500 by PostgreSQL refusing a value before its fix. */
describe('what the fuzz found', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');

  it('an Idempotency-Key PostgreSQL cannot index (several kB) is a 400 naming the header', async () => {
    const key = Array.from({ length: 100 }, (_, i) => `${i}-${Math.random().toString(36).slice(2)}`).join('');
    const answer = await send('order', {
      method: 'POST',
      target: '/orders',
      headers: [...jsonHeaders, asOperator(), ['idempotency-key', key.padEnd(3_000, 'k')]],
      body: json(validOrder),
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      fields: [{ field: 'header.idempotency-key', rule: 'too_big' }],
    });
  });

  it.each([
    ['year 0, which PostgreSQL refuses', '0000-01-01T00:00:00.000Z|o-1'],
    ['a NUL in its order id', '2026-01-01T00:00:00.000Z|o\u00001'],
  ])('a GET /orders cursor with %s is a 400 naming the cursor', async (_what, text) => {
    const answer = await send('order', {
      method: 'GET',
      target: `/orders?cursor=${cursor(text)}`,
      headers: [asOperator()],
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ fields: [{ field: 'cursor', rule: 'custom' }] });
  });
});

interface Finding {
  route: string;
  request: string;
  status: number | undefined;
  answer: string;
}

describe.each(APP_NAMES.map((app, index) => [app, index] as const))('REST fuzz of %s', (app, appIndex) => {
  it(`answers ${RUNS_PER_ROUTE} malformed requests per route of its OpenAPI document below 500, and stays alive`, async () => {
    const document = (await (await fetch(`${endpoints.appUrl(app)}/docs-json`)).json()) as OpenApiDocument;
    const routes: Route[] = routesOf(document);
    expect(routes.length).toBeGreaterThan(0);
    const findings: Finding[] = [];
    const statuses = new Map<string, number>();
    for (const [routeIndex, route] of routes.entries()) {
      const seed = SEED + appIndex * 1_000 + routeIndex;
      await fc.assert(
        fc.asyncProperty(requestFor(route, credentials), async (request) => {
          const answer = await send(app, request);
          const status = answer.status === undefined ? 'no answer' : String(answer.status);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (answer.status === undefined || answer.status >= 500) {
            findings.push({
              route: `${route.method} ${route.path} (FUZZ_SEED=${SEED})`,
              request: describeRequest(request),
              status: answer.status,
              answer: answer.body.slice(0, 300),
            });
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed },
      );
    }
    const requests = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    log.write(
      `fuzz | ${app}: ${requests} requests over ${routes.length} routes, FUZZ_SEED=${SEED}, ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
    );

    expect(findings).toEqual([]);
    const child = platform!.apps.get(app)!.child;
    expect({ exitCode: child.exitCode, signal: child.signalCode }).toEqual({ exitCode: null, signal: null });
    expect((await fetch(`${endpoints.appUrl(app)}/health/live`)).status).toBe(200);
    expect(requests).toBe(routes.length * RUNS_PER_ROUTE);
  });
});
