import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@platform/contracts';
import type { Statement, Transaction } from '@platform/messaging';
import type { Pool } from 'pg';
import type { CancellationReason, Order, OrderState } from './domain';

interface OrderRow {
  order_id: string;
  customer_id: string;
  status: Order['status'];
  currency: string;
  total_minor: string;
  payment_method: string;
  cancellation_reason: string | null;
  cancellation_detail: string | null;
  payment_id: string | null;
  placed_at: Date;
  deadline_at: Date;
  stock_reserved_at: Date | null;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  lines: { sku: string; quantity: number; unitPriceMinor: number }[];
}

/** What one transaction has read and is about to write: rows read ahead, then written once, before COMMIT. */
interface OrdersOfTransaction {
  loaded: Map<string, OrderState>;
  changed: Map<string, Order>;
  history: { orderId: string; envelope: EventEnvelope }[];
}

const ORDERS_OF_TRANSACTION = Symbol('orders of the transaction');

/**
 * Loads and saves the order aggregate, and appends to its history, inside the caller's transaction.
 * Plain SQL (see the README's note on where Prisma is used and where it is not). A consumer's
 * transaction applies many events, each loading one order and saving it: the first load reads,
 * and locks, the orders of every record in the transaction at once (`tx.recordKeys`: the saga's
 * topics are keyed by orderId), and the saves are made in one statement before COMMIT. Per batch
 * that is two round trips instead of two per event, the order service's slowest hop under load.
 */
@Injectable()
export class OrderRepository {
  /** The order with its lines, its row locked until the transaction ends, so two events of one order apply one after the other. */
  async loadForUpdate(tx: Transaction, orderId: string): Promise<OrderState> {
    const orders = this.ordersOf(tx);
    if (!orders.loaded.has(orderId)) {
      const ids = [...new Set([orderId, ...tx.recordKeys])].filter((id) => !orders.loaded.has(id));
      const { rows } = await tx.query<OrderRow>(
        // In key order, so that transactions locking overlapping sets of orders cannot deadlock.
        `SELECT o.*,
                (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity,
                                                   'unitPriceMinor', l.unit_price_minor) ORDER BY l.line_no)
                   FROM order_lines l WHERE l.order_id = o.order_id) AS lines
           FROM orders o
          WHERE o.order_id = ANY($1::text[])
          ORDER BY o.order_id
            FOR UPDATE OF o`,
        [ids],
      );
      for (const id of ids) orders.loaded.set(id, null);
      for (const row of rows) orders.loaded.set(row.order_id, toOrder(row));
    }
    return orders.loaded.get(orderId) ?? null;
  }

  /** Inserts new orders with their lines and the first entries of their history, in one statement. */
  async createMany(
    tx: Transaction,
    placed: { order: Order; correlationId: string; history: EventEnvelope[] }[],
  ): Promise<void> {
    if (placed.length === 0) return;
    const lines = placed.flatMap(({ order }) =>
      order.lines.map((line, index) => ({ orderId: order.orderId, lineNo: index + 1, line })),
    );
    const history = placed.flatMap(({ order, history }) =>
      history.map((envelope) => ({ orderId: order.orderId, envelope })),
    );
    await tx.query(
      `WITH new_orders AS (
         INSERT INTO orders (order_id, customer_id, status, currency, total_minor, payment_method, correlation_id, placed_at, deadline_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::timestamptz[], $19::timestamptz[])
       ), new_lines AS (
         INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_minor)
         SELECT * FROM unnest($9::text[], $10::int[], $11::text[], $12::int[], $13::bigint[])
       )
       INSERT INTO order_history (order_id, event_id, event_type, source, occurred_at)
       SELECT order_id, event_id, event_type, source, occurred_at
         FROM unnest($14::text[], $15::text[], $16::text[], $17::text[], $18::timestamptz[]) WITH ORDINALITY
              AS h (order_id, event_id, event_type, source, occurred_at, position)
        ORDER BY position`,
      [
        placed.map(({ order }) => order.orderId),
        placed.map(({ order }) => order.customerId),
        placed.map(({ order }) => order.status),
        placed.map(({ order }) => order.total.currency),
        placed.map(({ order }) => order.total.amountMinor),
        placed.map(({ order }) => order.paymentMethod),
        placed.map(({ correlationId }) => correlationId),
        placed.map(({ order }) => order.placedAt),
        lines.map(({ orderId }) => orderId),
        lines.map(({ lineNo }) => lineNo),
        lines.map(({ line }) => line.sku),
        lines.map(({ line }) => line.quantity),
        lines.map(({ line }) => line.unitPrice.amountMinor),
        history.map(({ orderId }) => orderId),
        history.map(({ envelope }) => envelope.eventId),
        history.map(({ envelope }) => envelope.eventType),
        history.map(({ envelope }) => envelope.source),
        history.map(({ envelope }) => new Date(envelope.occurredAt)),
        placed.map(({ order }) => order.deadlineAt),
      ],
    );
  }

  /**
   * Claims PENDING orders whose deadline has passed, oldest deadline first, locking their rows until
   * the caller's transaction ends. SKIP LOCKED: an order another instance's sweep is cancelling, or a
   * consumer is settling right now, is left to it rather than waited for, so each deadline fires once
   * however many instances sweep, and a reply being applied wins over the sweep or loses cleanly.
   */
  async claimPastDeadline(
    tx: Transaction,
    now: Date,
    limit: number,
  ): Promise<{ orderId: string; placed: { eventId: string; correlationId: string } }[]> {
    const { rows } = await tx.query<{ order_id: string; correlation_id: string; placed_event_id: string }>(
      `SELECT o.order_id, o.correlation_id,
              (SELECT h.event_id FROM order_history h
                WHERE h.order_id = o.order_id AND h.event_type = 'OrderPlaced'
                ORDER BY h.id LIMIT 1) AS placed_event_id
         FROM orders o
        WHERE o.status = 'PENDING' AND o.deadline_at <= $1
        ORDER BY o.deadline_at
        LIMIT $2
          FOR UPDATE OF o SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({
      orderId: row.order_id,
      placed: { eventId: row.placed_event_id, correlationId: row.correlation_id },
    }));
  }

  /** How many orders are still PENDING past their deadline: the sweep's backlog, for the metrics. */
  async countPastDeadline(db: Pool, now: Date): Promise<number> {
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) AS count FROM orders WHERE status = 'PENDING' AND deadline_at <= $1`,
      [now],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /**
   * Records the saga's progress (status, reservation time, confirmation or cancellation) and what to
   * append to the order's history; both are written before the transaction commits.
   */
  async update(tx: Transaction, order: Order, history: EventEnvelope[]): Promise<void> {
    const orders = this.ordersOf(tx);
    orders.loaded.set(order.orderId, order);
    orders.changed.set(order.orderId, order);
    orders.history.push(...history.map((envelope) => ({ orderId: order.orderId, envelope })));
  }

  /** Appends to the order's history only: an event that changed nothing is still part of its story. */
  async appendHistory(tx: Transaction, orderId: string, history: EventEnvelope[]): Promise<void> {
    this.ordersOf(tx).history.push(...history.map((envelope) => ({ orderId, envelope })));
  }

  private ordersOf(tx: Transaction): OrdersOfTransaction {
    return tx.scoped<OrdersOfTransaction>(
      ORDERS_OF_TRANSACTION,
      () => ({ loaded: new Map(), changed: new Map(), history: [] }),
      progressWrites,
    );
  }
}

/** Every changed order's new state and every history entry of the transaction, in one statement. */
function progressWrites({ changed, history }: OrdersOfTransaction): Statement[] {
  if (changed.size === 0 && history.length === 0) return [];
  const orders = [...changed.values()];
  return [
    {
      text: `WITH progress AS (
       UPDATE orders o
          SET status = p.status, stock_reserved_at = p.stock_reserved_at, payment_id = p.payment_id,
              confirmed_at = p.confirmed_at, cancellation_reason = p.cancellation_reason,
              cancellation_detail = p.cancellation_detail, cancelled_at = p.cancelled_at, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[],
                     $6::text[], $7::text[], $8::timestamptz[])
              AS p (order_id, status, stock_reserved_at, payment_id, confirmed_at,
                    cancellation_reason, cancellation_detail, cancelled_at)
        WHERE o.order_id = p.order_id
     )
     INSERT INTO order_history (order_id, event_id, event_type, source, occurred_at)
     SELECT order_id, event_id, event_type, source, occurred_at
       FROM unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[]) WITH ORDINALITY
            AS h (order_id, event_id, event_type, source, occurred_at, position)
      ORDER BY position`,
      values: [
        orders.map((order) => order.orderId),
        orders.map((order) => order.status),
        orders.map((order) => order.stockReservedAt),
        orders.map((order) => (order.status === 'CONFIRMED' ? order.paymentId : null)),
        orders.map((order) => (order.status === 'CONFIRMED' ? order.confirmedAt : null)),
        orders.map((order) => (order.status === 'CANCELLED' ? order.reason : null)),
        orders.map((order) => (order.status === 'CANCELLED' ? order.detail : null)),
        orders.map((order) => (order.status === 'CANCELLED' ? order.cancelledAt : null)),
        history.map(({ orderId }) => orderId),
        history.map(({ envelope }) => envelope.eventId),
        history.map(({ envelope }) => envelope.eventType),
        history.map(({ envelope }) => envelope.source),
        history.map(({ envelope }) => new Date(envelope.occurredAt)),
      ],
    },
  ];
}

function toOrder(row: OrderRow): Order {
  const base = {
    orderId: row.order_id,
    customerId: row.customer_id,
    lines: (row.lines ?? []).map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: { amountMinor: Number(line.unitPriceMinor), currency: row.currency },
    })),
    total: { amountMinor: Number(row.total_minor), currency: row.currency },
    paymentMethod: row.payment_method,
    placedAt: row.placed_at,
    deadlineAt: row.deadline_at,
    stockReservedAt: row.stock_reserved_at,
  };
  switch (row.status) {
    case 'CONFIRMED':
      return { ...base, status: 'CONFIRMED', paymentId: row.payment_id!, confirmedAt: row.confirmed_at! };
    case 'CANCELLED':
      return {
        ...base,
        status: 'CANCELLED',
        reason: row.cancellation_reason as CancellationReason,
        detail: row.cancellation_detail,
        cancelledAt: row.cancelled_at!,
      };
    default:
      return { ...base, status: 'PENDING' };
  }
}
