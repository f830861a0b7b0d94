import { APP_NAMES, type AppName } from '@platform/config';
import { devIdentitySettings, loadOrCreateDevKeys, mintDevToken, mintToken } from '@platform/dev-identity';
import { generateKeyPair } from 'jose';
import { uniqueName } from '@platform/testing';
import { http, orderRequest, placeOrder, setStock } from './support/platform-api';
import { usePlatform } from './support/platform-lifecycle';

/**
 * Who may call what over REST, against the four apps as processes and the development issuer:
 * each refusal that the README's access table lists, and that what is allowed still works.
 */
const RATE_LIMIT = 5;
usePlatform('rest-security', { env: { order: { ORDER_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) } } });

const alice = { sub: `alice-${uniqueName('c')}@example.com`, role: 'customer' as const };
const bob = { sub: `bob-${uniqueName('c')}@example.com`, role: 'customer' as const };
const operator = { sub: 'operator@example.com', role: 'operator' as const };

/** Every route that holds data or changes something, per app. */
const PROTECTED: { app: AppName; method: string; path: string; body?: unknown }[] = [
  { app: 'order', method: 'POST', path: '/orders', body: orderRequest('SKU-1') },
  { app: 'order', method: 'GET', path: '/orders' },
  { app: 'order', method: 'GET', path: '/orders/some-order' },
  { app: 'inventory', method: 'GET', path: '/stock' },
  { app: 'inventory', method: 'GET', path: '/stock/SKU-1' },
  { app: 'inventory', method: 'PUT', path: '/stock/SKU-1', body: { available: 5 } },
  { app: 'inventory', method: 'GET', path: '/reservations/some-order' },
  { app: 'payment', method: 'GET', path: '/payments?orderId=some-order' },
  { app: 'payment', method: 'GET', path: '/test-cards' },
  { app: 'notification', method: 'GET', path: '/notifications?orderId=some-order' },
  ...APP_NAMES.map((app) => ({ app, method: 'GET', path: '/metrics' })),
];
const OPERATOR_ONLY = PROTECTED.filter(({ app, path }) => app !== 'order' && path !== '/test-cards');

describe('401: no valid token', () => {
  it.each(PROTECTED)(
    '$app $method $path without a token is 401 TOKEN_MISSING',
    async ({ app, method, path, body }) => {
      const response = await http(app, path, { method, body, as: 'anonymous' });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: 'TOKEN_MISSING', message: expect.any(String) });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    },
  );

  async function withToken(token: string) {
    return http('order', '/orders', { headers: { authorization: `Bearer ${token}` } });
  }

  it('an expired token is 401 TOKEN_EXPIRED', async () => {
    const expired = await mintDevToken({ ...operator, ttlSeconds: -120 });
    expect(await withToken(expired)).toMatchObject({ status: 401, body: { error: 'TOKEN_EXPIRED' } });
  });

  it('a token signed by a key the issuer does not publish is 401 TOKEN_SIGNATURE_INVALID', async () => {
    const settings = devIdentitySettings();
    const { kid } = await loadOrCreateDevKeys(settings.keyDir);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await mintToken({ kid, privateKey }, settings, operator);
    expect(await withToken(forged)).toMatchObject({
      status: 401,
      body: { error: 'TOKEN_SIGNATURE_INVALID' },
    });
  });

  it('a token for another audience is 401 TOKEN_WRONG_AUDIENCE', async () => {
    const elsewhere = await mintDevToken({ ...operator, audience: 'another-api' });
    expect(await withToken(elsewhere)).toMatchObject({
      status: 401,
      body: { error: 'TOKEN_WRONG_AUDIENCE' },
    });
  });

  it('a token of another issuer is 401 TOKEN_WRONG_ISSUER', async () => {
    const foreign = await mintDevToken({ ...operator, issuer: 'http://elsewhere.example' });
    expect(await withToken(foreign)).toMatchObject({ status: 401, body: { error: 'TOKEN_WRONG_ISSUER' } });
  });
});

describe('403: a customer on operator routes', () => {
  it.each(OPERATOR_ONLY)(
    '$app $method $path as a customer is 403 ROLE_NOT_ALLOWED',
    async ({ app, method, path, body }) => {
      const response = await http(app, path, { method, body, as: alice });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        error: 'ROLE_NOT_ALLOWED',
        message: expect.stringContaining('operator'),
      });
    },
  );

  it('a customer may read the test cards', async () => {
    expect((await http('payment', '/test-cards', { as: alice })).status).toBe(200);
  });
});

describe('customers act only for themselves', () => {
  let sku: string;
  let alicesOrder: string;
  let bobsOrder: string;

  beforeAll(async () => {
    sku = uniqueName('SKU').toUpperCase();
    await setStock(sku, 100);
    ({ orderId: alicesOrder } = await placeOrder(orderRequest(sku, { customerId: alice.sub })));
    ({ orderId: bobsOrder } = await placeOrder(orderRequest(sku, { customerId: bob.sub })));
  });

  it('an order whose body names someone else is refused with 403 CUSTOMER_MISMATCH', async () => {
    const response = await http('order', '/orders', {
      method: 'POST',
      body: orderRequest(sku, { customerId: bob.sub }),
      as: alice,
    });
    expect(response).toMatchObject({ status: 403, body: { error: 'CUSTOMER_MISMATCH' } });
  });

  it("someone else's order is a 404 that looks exactly like an order that does not exist", async () => {
    const others = await http('order', `/orders/${bobsOrder}`, { as: alice });
    const missing = await http('order', '/orders/0190aaaa-0000-7000-8000-000000000000', { as: alice });
    expect(others.status).toBe(404);
    expect(others.body).toEqual({ ...(missing.body as object), message: `No order ${bobsOrder}` });
    expect((await http('order', `/orders/${alicesOrder}`, { as: alice })).status).toBe(200);
  });

  it('a customer lists only their own orders, and may not ask for anyone else’s', async () => {
    const listing = await http<{ items: { orderId: string; customerId: string }[] }>(
      'order',
      '/orders?limit=100',
      { as: alice },
    );
    expect(listing.status).toBe(200);
    expect(listing.body.items.map((o) => o.orderId)).toEqual([alicesOrder]);
    const asking = await http('order', `/orders?customerId=${encodeURIComponent(bob.sub)}`, { as: alice });
    expect(asking).toMatchObject({ status: 403, body: { error: 'CUSTOMER_MISMATCH' } });
  });

  it('an operator reads and lists every customer’s orders', async () => {
    expect((await http('order', `/orders/${bobsOrder}`, { as: operator })).status).toBe(200);
    const listing = await http<{ items: { orderId: string }[] }>(
      'order',
      `/orders?customerId=${encodeURIComponent(bob.sub)}`,
      {
        as: operator,
      },
    );
    expect(listing.body.items.map((o) => o.orderId)).toEqual([bobsOrder]);
  });
});

describe('rate limit, open health checks, headers, OpenAPI', () => {
  it(`the ${RATE_LIMIT + 1}th order of a customer within a minute is 429 with Retry-After; other customers go on`, async () => {
    const sku = uniqueName('SKU').toUpperCase();
    await setStock(sku, 100);
    const carol = `carol-${uniqueName('c')}@example.com`;
    for (let i = 0; i < RATE_LIMIT; i++) await placeOrder(orderRequest(sku, { customerId: carol }));
    const limited = await http('order', '/orders', {
      method: 'POST',
      body: orderRequest(sku, { customerId: carol }),
    });
    expect(limited).toMatchObject({ status: 429, body: { error: 'RATE_LIMITED' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await placeOrder(orderRequest(sku, { customerId: `dave-${uniqueName('c')}@example.com` }));
  });

  it.each(APP_NAMES)('%s answers /health/live and /health/ready without a token', async (app) => {
    expect((await http(app, '/health/live', { as: 'anonymous' })).status).toBe(200);
    expect((await http(app, '/health/ready', { as: 'anonymous' })).status).toBe(200);
  });

  it.each(APP_NAMES)('%s sends the usual security headers', async (app) => {
    const { headers } = await http(app, '/health/live', { as: 'anonymous' });
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('strict-transport-security')).toContain('max-age=');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.each(APP_NAMES)('%s declares bearer JWTs in its OpenAPI document', async (app) => {
    const { body } = await http<{
      components: { securitySchemes: Record<string, unknown> };
      security: Record<string, unknown>[];
    }>(app, '/docs-json', { as: 'anonymous' });
    expect(body.components.securitySchemes['bearer']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(body.security).toEqual([{ bearer: [] }]);
  });
});
