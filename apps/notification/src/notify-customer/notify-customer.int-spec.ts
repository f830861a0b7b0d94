import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { notificationChannelFor } from '../channels/notification-channels';
import { composeMessage } from '../domain';
import { NotificationRepository } from '../notification.repository';
import {
  cancelled,
  confirmed,
  createNotificationTestDatabase,
  handleOutcome,
  outcomeEnvelope,
  type NotificationTestDatabase,
} from '../testing/notification-test-database';
import { startTestSmtpServer } from '../testing/test-smtp-server';
import { NotifyCustomerHandler } from './notify-customer.handler';

interface NotificationRow {
  notification_id: string;
  kind: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  failure_reason: string | null;
  correlation_id: string;
  sent_at: Date | null;
}

interface OutboxRow {
  event_type: string;
  topic: string;
  message_key: string;
  payload: { envelope: { correlationId: string; causationId: string | null; source: string } } & Record<
    string,
    unknown
  >;
}

let database: NotificationTestDatabase;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
const MAIL_FROM = 'orders@shop.example';

beforeAll(async () => {
  [database, smtp] = await Promise.all([createNotificationTestDatabase(), startTestSmtpServer()]);
});

afterAll(async () => {
  await Promise.all([database?.drop(), smtp?.close()]);
});

function newOrderId(): string {
  return `order-${randomUUID()}`;
}

function emailHandler(smtpUrl = smtp.url): NotifyCustomerHandler {
  return new NotifyCustomerHandler(
    new NotificationRepository(),
    notificationChannelFor({ SMTP_URL: smtpUrl, MAIL_FROM }, pino({ enabled: false })),
  );
}

function notificationsOf(orderId: string) {
  return database.rows<NotificationRow>(
    'SELECT * FROM notifications WHERE order_id = $1 ORDER BY created_at',
    [orderId],
  );
}

function outboxOf(orderId: string) {
  return database.rows<OutboxRow>(
    'SELECT event_type, topic, message_key, payload FROM outbox_messages WHERE message_key = $1 ORDER BY id',
    [orderId],
  );
}

function mailsTo(orderId: string) {
  return smtp.received.filter((mail) => mail.headers.get('subject')?.includes(orderId));
}

describe('notifying the customer by e-mail (SMTP_URL set)', () => {
  it('given an order confirmed, then one mail as composed, a SENT notification and NotificationSent in the outbox', async () => {
    const orderId = newOrderId();
    const outcome = confirmed(orderId, 'ada@example.com');
    const envelope = outcomeEnvelope(outcome);

    await expect(handleOutcome(database, emailHandler(), outcome, envelope)).resolves.toBe('SENT');

    const composed = composeMessage(outcome);
    const [mail, ...more] = mailsTo(orderId);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ mailFrom: MAIL_FROM, rcptTo: ['ada@example.com'], text: composed.text });
    expect(mail!.headers.get('to')).toBe('ada@example.com');
    expect(mail!.headers.get('subject')).toBe(composed.subject);
    expect(mail!.headers.get('message-id')).toBe(`<order_confirmed.${orderId}@shop.example>`);
    expect(mail!.headers.get('x-correlation-id')).toBe(envelope.correlationId);

    const [row] = await notificationsOf(orderId);
    expect(row).toMatchObject({
      kind: 'ORDER_CONFIRMED',
      channel: 'EMAIL',
      recipient: 'ada@example.com',
      subject: composed.subject,
      body: composed.text,
      status: 'SENT',
      failure_reason: null,
      correlation_id: envelope.correlationId,
    });
    expect(row!.sent_at).toBeInstanceOf(Date);
    expect(mail!.headers.get('x-notification-id')).toBe(row!.notification_id);

    expect(await outboxOf(orderId)).toEqual([
      {
        event_type: 'NotificationSent',
        topic: 'notifications.notification-sent',
        message_key: orderId,
        payload: expect.objectContaining({
          orderId,
          customerId: 'ada@example.com',
          kind: 'ORDER_CONFIRMED',
          channel: 'EMAIL',
          recipient: 'ada@example.com',
          envelope: expect.objectContaining({
            correlationId: envelope.correlationId,
            causationId: envelope.eventId,
            source: 'notification',
          }),
        }),
      },
    ]);
  });

  it('given a customer id that is no address, when cancelled, then the mail goes to its customers.example address with the reason', async () => {
    const orderId = newOrderId();
    const outcome = cancelled(orderId, 'customer-42');

    await expect(handleOutcome(database, emailHandler(), outcome)).resolves.toBe('SENT');

    const [mail] = mailsTo(orderId);
    expect(mail).toMatchObject({
      rcptTo: ['customer-42@customers.example'],
      text: composeMessage(outcome).text,
    });
    expect(mail!.text).toContain('because some items are out of stock.');
    const [sent] = await outboxOf(orderId);
    expect(sent!.payload).toMatchObject({
      kind: 'ORDER_CANCELLED',
      channel: 'EMAIL',
      customerId: 'customer-42',
      recipient: 'customer-42@customers.example',
    });
  });

  it('given a second outcome event for the same order and kind, then nothing more is sent', async () => {
    const orderId = newOrderId();
    const outcome = confirmed(orderId);
    const first = outcomeEnvelope(outcome);

    await expect(handleOutcome(database, emailHandler(), outcome, first)).resolves.toBe('SENT');
    // The same event again is the inbox's business; a new eventId for the same outcome is ours.
    await expect(handleOutcome(database, emailHandler(), outcome, first)).resolves.toBe('duplicate');
    await expect(handleOutcome(database, emailHandler(), outcome)).resolves.toBe('ALREADY_NOTIFIED');

    expect(mailsTo(orderId)).toHaveLength(1);
    expect(await notificationsOf(orderId)).toHaveLength(1);
    expect(await outboxOf(orderId)).toHaveLength(1);
  });

  it('given two events for the same outcome at once, then one mail: the second waits for the first and finds it sent', async () => {
    const orderId = newOrderId();
    const outcome = cancelled(orderId);

    const results = await Promise.all([
      handleOutcome(database, emailHandler(), outcome),
      handleOutcome(database, emailHandler(), outcome),
    ]);

    expect(results.sort()).toEqual(['ALREADY_NOTIFIED', 'SENT']);
    expect(mailsTo(orderId)).toHaveLength(1);
    expect(await notificationsOf(orderId)).toHaveLength(1);
    expect(await outboxOf(orderId)).toHaveLength(1);
  });

  it('given the mail server unreachable, then the event fails and leaves nothing behind, and a retry sends it', async () => {
    const orderId = newOrderId();
    const outcome = confirmed(orderId);
    const envelope = outcomeEnvelope(outcome);
    const down = await startTestSmtpServer();
    await down.close();

    await expect(handleOutcome(database, emailHandler(down.url), outcome, envelope)).rejects.toMatchObject({
      code: 'ESOCKET',
    });
    expect(await notificationsOf(orderId)).toHaveLength(0);
    expect(await outboxOf(orderId)).toHaveLength(0);
    expect(
      await database.rows('SELECT 1 FROM processed_events WHERE event_id = $1', [envelope.eventId]),
    ).toHaveLength(0);

    await expect(handleOutcome(database, emailHandler(), outcome, envelope)).resolves.toBe('SENT');
    expect(mailsTo(orderId)).toHaveLength(1);
  });

  it('given the server refuses the recipient for good (550), then FAILED is recorded, nothing published, and no retry sends it', async () => {
    const orderId = newOrderId();
    const outcome = confirmed(orderId, 'bounce@example.com');

    await expect(handleOutcome(database, emailHandler(), outcome)).resolves.toBe('FAILED');
    await expect(handleOutcome(database, emailHandler(), outcome)).resolves.toBe('ALREADY_NOTIFIED');

    const [row] = await notificationsOf(orderId);
    expect(row).toMatchObject({ status: 'FAILED', sent_at: null, recipient: 'bounce@example.com' });
    expect(row!.failure_reason).toMatch(/^SMTP server refused the message: .*550/);
    expect(await outboxOf(orderId)).toHaveLength(0);
    expect(mailsTo(orderId)).toHaveLength(0);
  });
});

describe('notifying the customer in the log (no SMTP_URL)', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const logHandler = () =>
    new NotifyCustomerHandler(
      new NotificationRepository(),
      notificationChannelFor({ SMTP_URL: undefined, MAIL_FROM }, logger),
    );

  it('given an order cancelled, then one structured log line, a LOG notification for the customer id, and NotificationSent', async () => {
    const orderId = newOrderId();
    const outcome = cancelled(orderId, 'customer-7');
    const envelope = outcomeEnvelope(outcome);
    const mailsBefore = smtp.received.length;

    await expect(handleOutcome(database, logHandler(), outcome, envelope)).resolves.toBe('SENT');
    await expect(handleOutcome(database, logHandler(), outcome)).resolves.toBe('ALREADY_NOTIFIED');

    const composed = composeMessage(outcome);
    const logged = lines.filter((line) => line['orderId'] === orderId);
    expect(logged).toEqual([
      expect.objectContaining({
        orderId,
        correlationId: envelope.correlationId,
        recipient: 'customer-7',
        subject: composed.subject,
        text: composed.text,
        kind: 'ORDER_CANCELLED',
      }),
    ]);
    expect(smtp.received.length).toBe(mailsBefore);

    const [row] = await notificationsOf(orderId);
    expect(row).toMatchObject({
      channel: 'LOG',
      recipient: 'customer-7',
      status: 'SENT',
      body: composed.text,
    });
    expect(logged[0]!['notificationId']).toBe(row!.notification_id);
    const outbox = await outboxOf(orderId);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.payload).toMatchObject({
      channel: 'LOG',
      recipient: 'customer-7',
      kind: 'ORDER_CANCELLED',
    });
  });

  it('given a blank customer id, then the domain refuses and nothing is recorded', async () => {
    const orderId = newOrderId();
    await expect(handleOutcome(database, logHandler(), confirmed(orderId, '  '))).rejects.toMatchObject({
      code: 'INVALID_CUSTOMER_ID',
    });
    expect(await notificationsOf(orderId)).toHaveLength(0);
  });
});
