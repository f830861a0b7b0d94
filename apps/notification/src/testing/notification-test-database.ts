import path from 'node:path';
import { Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { migrate } from '@platform/database';
import { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE, processOnce } from '@platform/messaging';
import { consumerGroupOf } from '@platform/messaging-nest';
import { createThrowawayDatabase, query } from '@platform/testing';
import { EVENT_CATALOGUE, envelopeFor, type EventEnvelope } from '@platform/contracts';
import type { OrderCancelledOutcome, OrderConfirmedOutcome, OrderOutcome } from '../domain';
import { PrismaClient } from '../generated/prisma/client';
import type { NotifyCustomerHandler, NotifyOutcome } from '../notify-customer/notify-customer.handler';

export const PRISMA_SCHEMA_PATH = path.resolve(__dirname, '..', '..', 'prisma', 'schema.prisma');

/** A throwaway database migrated as main.ts migrates, with a Prisma client on it. */
export async function createNotificationTestDatabase() {
  const database = await createThrowawayDatabase('notification-test');
  await migrate({
    databaseUrl: database.url,
    migrationSets: [
      { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
      { dir: path.resolve(__dirname, '..', '..', 'migrations'), table: 'notification_migrations' },
    ],
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const pool = new Pool({ connectionString: database.url });
  return {
    url: database.url,
    prisma,
    pool,
    rows: <Row extends object>(sql: string, params: unknown[] = []) => query<Row>(database.url, sql, params),
    async drop() {
      await prisma.$disconnect();
      await pool.end();
      await database.drop();
    },
  };
}

export type NotificationTestDatabase = Awaited<ReturnType<typeof createNotificationTestDatabase>>;

/**
 * Runs the handler as the Kafka consumer does: in one transaction with the processed_events row,
 * so a redelivered eventId is a 'duplicate' and a failing handler rolls everything back.
 */
export async function handleOutcome(
  database: NotificationTestDatabase,
  handler: NotifyCustomerHandler,
  outcome: OrderOutcome,
  envelope: EventEnvelope = outcomeEnvelope(outcome),
  now?: () => Date,
): Promise<NotifyOutcome | 'duplicate'> {
  let result: NotifyOutcome | undefined;
  const processed = await processOnce(
    database.pool,
    consumerGroupOf('notification'),
    outcome.kind === 'ORDER_CONFIRMED'
      ? EVENT_CATALOGUE.OrderConfirmed.topic
      : EVENT_CATALOGUE.OrderCancelled.topic,
    envelope,
    async (tx) => {
      result = await handler.execute(tx, outcome, envelope, now);
    },
  );
  return processed === 'duplicate' ? 'duplicate' : result!;
}

/** A new envelope (new eventId) for the outcome's event, as order would write it. */
export function outcomeEnvelope(
  outcome: OrderOutcome,
  correlationId = `corr-${outcome.orderId}`,
): EventEnvelope {
  return envelopeFor(outcome.kind === 'ORDER_CONFIRMED' ? 'OrderConfirmed' : 'OrderCancelled', {
    correlationId,
  });
}

export function confirmed(orderId: string, customerId = 'ada@example.com'): OrderConfirmedOutcome {
  return { kind: 'ORDER_CONFIRMED', orderId, customerId, total: { amountMinor: 2598, currency: 'EUR' } };
}

export function cancelled(orderId: string, customerId = 'ada@example.com'): OrderCancelledOutcome {
  return {
    kind: 'ORDER_CANCELLED',
    orderId,
    customerId,
    total: { amountMinor: 2598, currency: 'EUR' },
    reason: 'OUT_OF_STOCK',
    detail: 'Not enough stock for SKU-1 (requested 2, available 1)',
  };
}
