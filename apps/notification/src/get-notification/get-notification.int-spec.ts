import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { httpAdapter } from '@platform/service-kit';
import pino from 'pino';
import { LogNotificationChannel } from '../channels/log-notification.channel';
import { NotificationRepository } from '../notification.repository';
import { NotifyCustomerHandler } from '../notify-customer/notify-customer.handler';
import { PrismaService } from '../prisma.service';
import {
  cancelled,
  confirmed,
  createNotificationTestDatabase,
  handleOutcome,
  type NotificationTestDatabase,
} from '../testing/notification-test-database';
import { GetNotificationController } from './get-notification.controller';
import { NotificationQueries } from './notification-queries';

let database: NotificationTestDatabase;
let app: INestApplication;
let baseUrl: string;
const orderId = `order-${randomUUID()}`;

beforeAll(async () => {
  database = await createNotificationTestDatabase();
  @Module({
    controllers: [GetNotificationController],
    providers: [NotificationQueries, { provide: PrismaService, useValue: database.prisma }],
  })
  class ReadSideModule {}
  app = await NestFactory.create(ReadSideModule, httpAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  baseUrl = await app.getUrl();

  const handler = new NotifyCustomerHandler(
    new NotificationRepository(),
    new LogNotificationChannel(pino({ enabled: false })),
  );
  const at = (iso: string) => () => new Date(iso);
  await handleOutcome(database, handler, confirmed(orderId), undefined, at('2025-01-01T10:00:00Z'));
  await handleOutcome(database, handler, cancelled(orderId), undefined, at('2025-01-01T09:00:00Z'));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function get(path: string) {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /notifications', () => {
  it('?orderId= lists the order’s notifications, oldest first', async () => {
    const { status, body } = await get(`/notifications?orderId=${orderId}`);
    expect(status).toBe(200);
    expect(body['items']).toEqual([
      expect.objectContaining({ orderId, kind: 'ORDER_CANCELLED', status: 'SENT' }),
      expect.objectContaining({
        orderId,
        kind: 'ORDER_CONFIRMED',
        channel: 'LOG',
        recipient: 'ada@example.com',
        subject: `Your order ${orderId} is confirmed`,
        status: 'SENT',
        failureReason: null,
        correlationId: `corr-${orderId}`,
      }),
    ]);
  });

  it('?orderId= of an order without notifications is an empty list', async () => {
    expect(await get('/notifications?orderId=nobody')).toEqual({ status: 200, body: { items: [] } });
  });

  it('without orderId is 400 naming the field', async () => {
    const { status, body } = await get('/notifications');
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field: 'orderId', message: 'is required' })],
    });
  });

  it('/:id is the notification, with its body', async () => {
    const { body: list } = await get(`/notifications?orderId=${orderId}`);
    const [, confirmation] = list['items'] as { notificationId: string }[];
    const { status, body } = await get(`/notifications/${confirmation!.notificationId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      notificationId: confirmation!.notificationId,
      orderId,
      kind: 'ORDER_CONFIRMED',
    });
    expect(body['body']).toContain(`Thank you for your order ${orderId}`);
    expect(typeof body['sentAt']).toBe('string');
  });

  it('/:id of an unknown notification is 404', async () => {
    expect(await get('/notifications/no-such-id')).toMatchObject({
      status: 404,
      body: { error: 'NOTIFICATION_NOT_FOUND' },
    });
  });
});
