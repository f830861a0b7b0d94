import { Injectable } from '@nestjs/common';
import type { Transaction } from '@platform/messaging';
import type { Reservation, StockLevels, StockLine } from './domain';
import type { PrismaClient } from './generated/prisma/client';

export interface ReservationView extends Reservation {
  /** Where the order was placed, from OrderPlaced version 2 (`api` for version-1 events). */
  channel: string;
  createdAt: Date;
  releasedAt: Date | null;
}

/**
 * What each order holds: written and locked in the consumer's transaction with plain SQL, read by
 * the REST side through Prisma.
 */
@Injectable()
export class ReservationRepository {
  /**
   * The reservation with its row locked until the transaction ends, so two PaymentDeclined events
   * of one order (distinct event ids) cannot both see HELD and give the stock back twice.
   */
  async findForUpdate(tx: Transaction, orderId: string): Promise<Reservation | null> {
    const { rows } = await tx.query<{ status: string; lines: StockLine[] | null }>(
      `SELECT r.status,
              (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity) ORDER BY l.line_no)
                 FROM reservation_lines l WHERE l.order_id = r.order_id) AS lines
         FROM reservations r
        WHERE r.order_id = $1
          FOR UPDATE`,
      [orderId],
    );
    const row = rows[0];
    if (!row) return null;
    return { orderId, status: row.status === 'RELEASED' ? 'RELEASED' : 'HELD', lines: row.lines ?? [] };
  }

  async find(db: PrismaClient, orderId: string): Promise<ReservationView | null> {
    const row = await db.reservation.findUnique({
      where: { orderId },
      include: { lines: { orderBy: { lineNo: 'asc' } } },
    });
    if (!row) return null;
    return {
      orderId: row.orderId,
      status: row.status === 'RELEASED' ? 'RELEASED' : 'HELD',
      channel: row.channel,
      lines: row.lines.map(({ sku, quantity }) => ({ sku, quantity })),
      createdAt: row.createdAt,
      releasedAt: row.releasedAt,
    };
  }

  async exists(tx: Transaction, orderId: string): Promise<boolean> {
    const { rowCount } = await tx.query('SELECT 1 FROM reservations WHERE order_id = $1', [orderId]);
    return rowCount === 1;
  }

  /**
   * Holds stock for an order, in one statement: the reservation, its lines, and the stock levels
   * the domain computed from the locked ones (`levels`, for the SKUs in `lines`).
   */
  async hold(
    tx: Transaction,
    {
      orderId,
      channel,
      lines,
      levels,
      now,
    }: { orderId: string; channel: string; lines: readonly StockLine[]; levels: StockLevels; now: Date },
  ): Promise<void> {
    await tx.query(
      `WITH reservation AS (
         INSERT INTO reservations (order_id, status, created_at, channel) VALUES ($1, 'HELD', $2, $7)
       ), reserved_lines AS (
         INSERT INTO reservation_lines (order_id, line_no, sku, quantity)
         SELECT $1, line_no, sku, quantity
           FROM unnest($3::text[], $4::int[]) WITH ORDINALITY AS l (sku, quantity, line_no)
       )
       ${updateLevels(5)}`,
      [
        orderId,
        now,
        lines.map((line) => line.sku),
        lines.map((line) => line.quantity),
        ...levelColumns(lines, levels),
        channel,
      ],
    );
  }

  /** Gives back what an order held, in one statement: RELEASED, and the stock levels computed from the locked ones. */
  async release(
    tx: Transaction,
    {
      orderId,
      lines,
      levels,
      now,
    }: { orderId: string; lines: readonly StockLine[]; levels: StockLevels; now: Date },
  ): Promise<void> {
    await tx.query(
      `WITH released AS (
         UPDATE reservations SET status = 'RELEASED', released_at = $2 WHERE order_id = $1
       )
       ${updateLevels(3)}`,
      [orderId, now, ...levelColumns(lines, levels)],
    );
  }
}

/** New stock levels: the SKUs (parameter `first`) and their levels (the next); $2 is the time. */
function updateLevels(first: number): string {
  return `
  UPDATE stock_levels s SET available = v.available, updated_at = $2
    FROM unnest($${first}::text[], $${first + 1}::int[]) AS v (sku, available)
   WHERE s.sku = v.sku`;
}

/** The SKUs of the lines, sorted (the order their rows were locked in), and their new levels. */
function levelColumns(lines: readonly StockLine[], levels: StockLevels): unknown[] {
  const skus = [...new Set(lines.map((line) => line.sku))].sort();
  return [skus, skus.map((sku) => levels.get(sku)!)];
}
