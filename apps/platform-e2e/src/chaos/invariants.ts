import { APP_NAMES, localEndpoints, type AppName } from '@platform/config';
import { DEAD_LETTER_APPS, deadLetterTopic } from '@platform/contracts';
import { query } from '@platform/testing';
import type { Admin } from 'kafkajs';

export interface InvariantResult {
  invariant: string;
  expected: string;
  observed: string;
  holds: boolean;
}

export interface PlacedOrders {
  sku: string;
  initialStock: number;
  /** Accepted order ids, and whether each asked for a card that declines. */
  accepted: Map<string, { declines: boolean }>;
}

const rowsOf = <Row extends object>(database: string, sql: string, params: unknown[] = []) =>
  query<Row>(localEndpoints().databaseUrl(database), sql, params);

/** How many accepted orders are still PENDING: what settling waits for. */
export async function pendingOrders(orderDatabase: string, orderIds: string[]): Promise<number> {
  const [row] = await rowsOf<{ n: string }>(
    orderDatabase,
    `SELECT count(*) AS n FROM orders WHERE order_id = ANY($1::text[]) AND status = 'PENDING'`,
    [orderIds],
  );
  return Number(row!.n);
}

/** The end offsets of every dead-letter topic, summed, to compare before and after a run. */
export async function deadLetterCount(admin: Admin): Promise<number> {
  let total = 0;
  for (const app of DEAD_LETTER_APPS) {
    const offsets = await admin.fetchTopicOffsets(deadLetterTopic(app));
    total += offsets.reduce((sum, { high }) => sum + Number(high), 0);
  }
  return total;
}

/**
 * What must hold once the system has settled after the faults: nothing lost, nothing done twice,
 * every part back at work.
 */
export async function checkInvariants(
  placed: PlacedOrders,
  databases: Record<AppName, string>,
  admin: Admin,
  deadLettersBefore: number,
): Promise<InvariantResult[]> {
  const ids = [...placed.accepted.keys()];
  const results: InvariantResult[] = [];
  const check = (
    invariant: string,
    expected: unknown,
    observed: unknown,
    holds = String(expected) === String(observed),
  ) => results.push({ invariant, expected: String(expected), observed: String(observed), holds });

  const orders = await rowsOf<{ order_id: string; status: string }>(
    databases.order,
    'SELECT order_id, status FROM orders WHERE order_id = ANY($1::text[])',
    [ids],
  );
  const statusOf = new Map(orders.map((o) => [o.order_id, o.status]));
  check(
    'every accepted order is final',
    `${ids.length} final`,
    `${orders.filter((o) => o.status !== 'PENDING').length} final`,
  );
  const confirmed = ids.filter((id) => statusOf.get(id) === 'CONFIRMED');
  const declining = ids.filter((id) => placed.accepted.get(id)!.declines);
  check('orders paid with a good card are confirmed', ids.length - declining.length, confirmed.length);

  const reservations = await rowsOf<{ order_id: string; status: string }>(
    databases.inventory,
    'SELECT order_id, status FROM reservations WHERE order_id = ANY($1::text[])',
    [ids],
  );
  const payments = await rowsOf<{ order_id: string; n: string }>(
    databases.payment,
    'SELECT order_id, count(*) AS n FROM payments WHERE order_id = ANY($1::text[]) GROUP BY order_id',
    [ids],
  );
  const paymentsOf = new Map(payments.map((p) => [p.order_id, Number(p.n)]));
  const gotStock = new Set(reservations.map((r) => r.order_id));
  const paidOnce = [...gotStock].filter((id) => paymentsOf.get(id) === 1).length;
  const paidTwice = payments.filter((p) => Number(p.n) > 1).length;
  const paidWithoutStock = ids.filter((id) => !gotStock.has(id) && paymentsOf.has(id)).length;
  check(
    'exactly one payment decision per order that got stock',
    `${gotStock.size} orders decided once`,
    `${paidOnce} decided once, ${paidTwice} twice, ${paidWithoutStock} without stock`,
    paidOnce === gotStock.size && paidTwice === 0 && paidWithoutStock === 0,
  );

  const notifications = await rowsOf<{ order_id: string; n: string }>(
    databases.notification,
    'SELECT order_id, count(*) AS n FROM notifications WHERE order_id = ANY($1::text[]) GROUP BY order_id',
    [ids],
  );
  const notifiedOnce = notifications.filter((n) => Number(n.n) === 1).length;
  const notifiedTwice = notifications.filter((n) => Number(n.n) > 1).length;
  const final = orders.filter((o) => o.status !== 'PENDING').length;
  check(
    'one notification per final order',
    `${final} notified once`,
    `${notifiedOnce} notified once, ${notifiedTwice} twice`,
    notifiedOnce === final && notifiedTwice === 0,
  );

  const [level] = await rowsOf<{ available: number }>(
    databases.inventory,
    'SELECT available FROM stock_levels WHERE sku = $1',
    [placed.sku],
  );
  check(
    'stock = start − what confirmed orders hold',
    placed.initialStock - confirmed.length,
    level?.available,
  );
  check(
    'reservations: held for confirmed orders, released for declined ones',
    `${confirmed.length} HELD, ${ids.length - confirmed.length} RELEASED`,
    `${reservations.filter((r) => r.status === 'HELD').length} HELD, ${reservations.filter((r) => r.status === 'RELEASED').length} RELEASED`,
  );

  check('nothing new in a dead-letter topic', 0, (await deadLetterCount(admin)) - deadLettersBefore);

  const groups = await admin.describeGroups(APP_NAMES.map((app) => `${app}-service`));
  check(
    'no consumer group without members',
    `${APP_NAMES.length} groups with members`,
    `${groups.groups.filter((g) => g.members.length > 0).length} groups with members`,
  );
  return results;
}
