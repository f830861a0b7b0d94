import { Body, Controller, Get, Headers, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { httpAdapter } from './http-adapter';
import { unstorableRequestField } from './refuse-unstorable-text';

describe('unstorableRequestField', () => {
  it('names the field by where it is: path, query, header or body', () => {
    expect(unstorableRequestField({ params: { orderId: '\u0000' } })?.field).toBe('path.orderId');
    expect(unstorableRequestField({ query: { status: ['OK', 'x\u0000'] } })?.field).toBe('query.status.1');
    expect(unstorableRequestField({ headers: { 'idempotency-key': 'k\u0000' } })?.field).toBe(
      'header.idempotency-key',
    );
    expect(unstorableRequestField({ body: { lines: [{ sku: '\udc00' }] } })).toEqual({
      field: 'body.lines.0.sku',
      rule: 'unstorable_text',
      message: expect.stringMatching(/lone UTF-16 surrogate/),
    });
    expect(unstorableRequestField({ body: 'plain text\u0000' })?.field).toBe('body');
  });

  it('passes a request whose text can all be stored', () => {
    expect(
      unstorableRequestField({
        params: { sku: 'SKU-1' },
        query: { limit: '10' },
        headers: { 'x-correlation-id': 'c-1' },
        body: { customerId: 'zoë 😀', lines: [{ quantity: 1 }] },
      }),
    ).toBeUndefined();
  });
});

/** A controller that would store whatever it is given; the adapter must refuse what it cannot. */
@Controller('things')
class ThingsController {
  readonly seen: unknown[] = [];

  @Get(':id')
  find(@Param('id') id: string, @Query() query: unknown) {
    this.seen.push({ id, query });
    return { id };
  }

  @Post()
  create(@Body() body: unknown, @Headers('idempotency-key') key: string | undefined) {
    this.seen.push({ body, key });
    return { created: true };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('httpAdapter refuses text that cannot be stored, on every route', () => {
  let app: NestFastifyApplication;
  let controller: ThingsController;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ThingsModule, httpAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    controller = app.get(ThingsController);
  });
  afterAll(() => app?.close());

  interface TestRequest {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: string | object;
  }
  const inject = (request: TestRequest) => app.getHttpAdapter().getInstance().inject(request);

  it.each<{ where: string; field: string; request: TestRequest }>([
    { where: 'a path parameter', field: 'path.id', request: { method: 'GET', url: '/things/%00' } },
    {
      where: 'a query parameter',
      field: 'query.status',
      request: { method: 'GET', url: '/things/1?status=a%00b' },
    },
    {
      where: 'a header',
      field: 'header.idempotency-key',
      request: {
        method: 'POST',
        url: '/things',
        headers: { 'idempotency-key': 'k\u0000' },
        payload: { a: 1 },
      },
    },
    {
      where: 'a body field (a NUL)',
      field: 'body.paymentMethod',
      request: {
        method: 'POST',
        url: '/things',
        headers: { 'content-type': 'application/json' },
        payload: '{"paymentMethod":"\\u0000"}',
      },
    },
    {
      where: 'a body field (a lone surrogate)',
      field: 'body.lines.0.sku',
      request: {
        method: 'POST',
        url: '/things',
        headers: { 'content-type': 'application/json' },
        payload: '{"lines":[{"sku":"\\ud800"}]}',
      },
    },
  ])('in $where: 400 naming $field, and the controller never sees it', async ({ field, request }) => {
    const before = controller.seen.length;
    const response = await inject(request);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: expect.stringContaining(field),
      fields: [{ field, rule: 'unstorable_text', message: expect.any(String) }],
    });
    expect(controller.seen).toHaveLength(before);
  });

  it('lets storable text through, astral characters included', async () => {
    const response = await inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: { name: 'zoë 😀' },
    });
    expect(response.statusCode).toBe(201);
    expect(controller.seen.at(-1)).toEqual({ body: { name: 'zoë 😀' }, key: undefined });
  });
});
