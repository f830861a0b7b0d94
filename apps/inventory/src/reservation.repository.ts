import { Injectable } from '@nestjs/common';
import type { Statement, Transaction } from '@platform/messaging';
import type { Reservation, StockLine } from './domain';
import type { PrismaClient } from './generated/prisma/client';

export interface ReservationView extends Reservation {
  /** Where the order was placed, from OrderPlaced version 2 (`api` for version-1 events). */
  channel: string;
  createdAt: Date;
  releasedAt: Date | null;
}

/** What one transaction knows of reservations, and the ones it holds, inserted once before COMMIT. */
interface ReservationsOfTransaction {
  exists: Map<string, boolean>;
  held: { orderId: string; channel: string; lines: readonly StockLine[]; now: Date }[];
}

const RESERVATIONS_OF_TRANSACTION = Symbol('reservations of the transaction');

/**
 * What each order holds: written and locked in the consumer's transaction with plain SQL, read by
 * the REST side through Prisma. Within one transaction, the first `exists` asks about every order
 * of its records at once (`tx.recordKeys`: the saga's topics are keyed by orderId) and new
 * reservations are inserted in one statement before COMMIT.
 */
@Injectable()
export class ReservationRepository {
  /**
   * The reservation with its row locked until the transaction ends, so two PaymentDeclined events
   * of one order (distinct event ids) cannot both see HELD and give the stock back twice.
   */
  async findForUpdate(tx: Transaction, orderId: string): Promise<Reservation | null> {
    // A reservation held earlier in this transaction must be in the table to be found and released.
    const results = await tx.queryAll([
      ...heldWrites(this.reservationsOf(tx)),
      {
        text: `SELECT r.status,
              (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity) ORDER BY l.line_no)
                 FROM reservation_lines l WHERE l.order_id = r.order_id) AS lines
         FROM reservations r
        WHERE r.order_id = $1
          FOR UPDATE`,
        values: [orderId],
      },
    ]);
    const row = results.at(-1)!.rows[0] as { status: string; lines: StockLine[] | null } | undefined;
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
    const { exists } = this.reservationsOf(tx);
    if (!exists.has(orderId)) {
      const orderIds = [...new Set([orderId, ...tx.recordKeys])].filter((id) => !exists.has(id));
      const { rows } = await tx.query<{ order_id: string }>(
        'SELECT order_id FROM reservations WHERE order_id = ANY($1::text[])',
        [orderIds],
      );
      for (const id of orderIds) exists.set(id, false);
      for (const row of rows) exists.set(row.order_id, true);
    }
    return exists.get(orderId)!;
  }

  /** Holds stock for an order: the reservation and its lines, inserted before the transaction commits. */
  hold(
    tx: Transaction,
    reservation: { orderId: string; channel: string; lines: readonly StockLine[]; now: Date },
  ): void {
    const reservations = this.reservationsOf(tx);
    reservations.held.push(reservation);
    reservations.exists.set(reservation.orderId, true);
  }

  /** Marks what an order held as given back; the caller sets the stock levels (StockRepository.setLevels). */
  async release(tx: Transaction, { orderId, now }: { orderId: string; now: Date }): Promise<void> {
    await tx.query(`UPDATE reservations SET status = 'RELEASED', released_at = $2 WHERE order_id = $1`, [
      orderId,
      now,
    ]);
  }

  private reservationsOf(tx: Transaction): ReservationsOfTransaction {
    return tx.scoped<ReservationsOfTransaction>(
      RESERVATIONS_OF_TRANSACTION,
      () => ({ exists: new Map(), held: [] }),
      heldWrites,
    );
  }
}

/** The reservations held so far in the transaction and their lines, in one statement. */
function heldWrites(state: ReservationsOfTransaction): Statement[] {
  const held = state.held.splice(0);
  if (held.length === 0) return [];
  const lines = held.flatMap(({ orderId, lines }) =>
    lines.map((line, index) => ({ orderId, lineNo: index + 1, ...line })),
  );
  return [
    {
      text: `WITH reservation AS (
       INSERT INTO reservations (order_id, status, created_at, channel)
       SELECT order_id, 'HELD', created_at, channel FROM unnest($1::text[], $2::timestamptz[], $3::text[])
              AS r (order_id, created_at, channel)
     )
     INSERT INTO reservation_lines (order_id, line_no, sku, quantity)
     SELECT * FROM unnest($4::text[], $5::int[], $6::text[], $7::int[])`,
      values: [
        held.map(({ orderId }) => orderId),
        held.map(({ now }) => now),
        held.map(({ channel }) => channel),
        lines.map(({ orderId }) => orderId),
        lines.map(({ lineNo }) => lineNo),
        lines.map(({ sku }) => sku),
        lines.map(({ quantity }) => quantity),
      ],
    },
  ];
}
