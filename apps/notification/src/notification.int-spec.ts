import { assertSchemaMatchesDatabase } from '@platform/database';
import {
  createNotificationTestDatabase,
  PRISMA_SCHEMA_PATH,
  type NotificationTestDatabase,
} from './testing/notification-test-database';

let database: NotificationTestDatabase;

beforeAll(async () => {
  database = await createNotificationTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('the notification database', () => {
  it('built by the migrations, agrees with the Prisma schema', async () => {
    await expect(
      assertSchemaMatchesDatabase({
        prismaSchemaPath: PRISMA_SCHEMA_PATH,
        databaseUrl: database.url,
        ignoreTables: ['outbox_messages', 'processed_events'],
      }),
    ).resolves.toBeUndefined();
  });

  it('holds one notification per order outcome', async () => {
    const insert = (id: string, kind: string) =>
      database.rows(
        `INSERT INTO notifications (notification_id, order_id, kind, channel, recipient, subject, body, status, correlation_id)
         VALUES ($1, 'order-1', $2, 'LOG', 'ada', 's', 'b', 'SENT', 'c')`,
        [id, kind],
      );
    await insert('n-1', 'ORDER_CONFIRMED');
    await insert('n-2', 'ORDER_CANCELLED');
    await expect(insert('n-3', 'ORDER_CONFIRMED')).rejects.toThrow(/notifications_one_per_order_outcome/);
  });
});
