import { Body, Controller, Get, Module, Param, Post, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthController, READINESS_CHECKS } from '../health.controller';
import { httpAdapter } from '../http-adapter';
import { MetricsController } from '../metrics.controller';
import { TestingIssuer } from '../testing/testing-issuer';
import { CurrentPrincipal, RateLimitPerCaller, Roles } from './access.decorators';
import { AuthModule } from './auth.module';
import type { AuthSettings } from './auth-settings';
import type { Principal } from './principal';
import { registerSecurityPlugins } from './security-plugins';

@Controller('things')
class ThingsController {
  @Get()
  listForOperators() {
    return { items: [] };
  }

  @Get(':id')
  @Roles('customer', 'operator')
  read(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return { id, readBy: principal.subject };
  }

  @Post()
  @Roles('customer', 'operator')
  @RateLimitPerCaller('create-thing')
  create(@Body() body: unknown) {
    return { created: body };
  }
}

let issuer: TestingIssuer;

async function appWith(settings: AuthSettings): Promise<NestFastifyApplication> {
  @Module({})
  class TestModule {
    static forRoot(): DynamicModule {
      return {
        module: TestModule,
        imports: [AuthModule.forRoot(settings, { 'create-thing': { max: 2, timeWindowMs: 60_000 } })],
        controllers: [ThingsController, HealthController, MetricsController],
        providers: [{ provide: READINESS_CHECKS, useValue: [] }],
      };
    }
  }
  const app = await NestFactory.create<NestFastifyApplication>(TestModule.forRoot(), httpAdapter(), {
    logger: false,
  });
  await registerSecurityPlugins(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

let app: NestFastifyApplication;
beforeAll(async () => {
  issuer = await TestingIssuer.start();
  app = await appWith(issuer.settings() as AuthSettings);
});
afterAll(async () => {
  await app?.close();
  await issuer?.stop();
});

async function call(method: 'GET' | 'POST', url: string, token?: string, body?: unknown) {
  const response = await app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.json() as Record<string, unknown>,
  };
}

describe('AuthGuard', () => {
  it('answers 401 TOKEN_MISSING with a Bearer challenge when there is no token', async () => {
    const response = await call('GET', '/things/1');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      error: 'TOKEN_MISSING',
      message: expect.stringContaining('Bearer'),
    });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm=/);
  });

  it('answers 401 naming the reason for an expired token, with error="invalid_token"', async () => {
    const response = await call('GET', '/things/1', await issuer.token({}, { expiresIn: -120 }));
    expect(response.status).toBe(401);
    expect(response.body['error']).toBe('TOKEN_EXPIRED');
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/things/1',
      headers: { authorization: 'Basic YTpi' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'TOKEN_MALFORMED' });
  });

  it('lets a caller with an allowed role through, and hands the handler the principal', async () => {
    const response = await call('GET', '/things/7', await issuer.token({ sub: 'alice@example.com' }));
    expect(response).toMatchObject({ status: 200, body: { id: '7', readBy: 'alice@example.com' } });
  });

  it('answers 403 naming the role needed when a customer calls a route without a declaration (operators only)', async () => {
    const response = await call('GET', '/things', await issuer.token({ roles: ['customer'] }));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      error: 'ROLE_NOT_ALLOWED',
      message: expect.stringContaining('operator'),
    });
    expect((await call('GET', '/things', await issuer.token({ roles: ['operator'] }))).status).toBe(200);
  });

  it('answers 403 for a valid token without any platform role', async () => {
    expect((await call('GET', '/things/1', await issuer.token({ roles: ['offline_access'] }))).status).toBe(
      403,
    );
  });

  it('keeps /health open and /metrics for operators', async () => {
    expect((await call('GET', '/health/live')).status).toBe(200);
    expect((await call('GET', '/metrics', await issuer.token({ roles: ['customer'] }))).status).toBe(403);
    const metrics = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${await issuer.token({ roles: ['operator'] })}` },
    });
    expect(metrics.statusCode).toBe(200);
  });

  it('limits each caller on a rate-limited route, answering 429 with Retry-After, without touching other callers', async () => {
    const bob = await issuer.token({ sub: 'bob@example.com' });
    expect((await call('POST', '/things', bob, { n: 1 })).status).toBe(201);
    expect((await call('POST', '/things', bob, { n: 2 })).status).toBe(201);
    const limited = await call('POST', '/things', bob, { n: 3 });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await call('POST', '/things', await issuer.token({ sub: 'carol@example.com' }), { n: 1 })).status,
    ).toBe(201);
  });

  it('sends the usual security headers', async () => {
    const { headers } = await call('GET', '/health/live');
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
  });

  it('with AUTH_MODE=off lets everyone through as an operator (for measuring only)', async () => {
    const open = await appWith({ ...(issuer.settings() as AuthSettings), AUTH_MODE: 'off' });
    try {
      const response = await open.inject({ method: 'GET', url: '/things' });
      expect(response.statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});
