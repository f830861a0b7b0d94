import { Injectable } from '@nestjs/common';
import type { Reservation, StockLine } from './domain';
import type { InventoryTransaction } from './prisma.service';

export interface ReservationView extends Reservation {
  createdAt: Date;
  releasedAt: Date | null;
}

/** What each order holds, inside the caller's transaction (or on the plain client for reads). */
@Injectable()
export class ReservationRepository {
  /**
   * With `forUpdate`, the row stays locked until the transaction ends, so two PaymentDeclined
   * events of one order (distinct event ids) cannot both see HELD and give the stock back twice.
   */
  async find(
    db: InventoryTransaction,
    orderId: string,
    { forUpdate = false } = {},
  ): Promise<ReservationView | null> {
    if (forUpdate) await db.$queryRaw`SELECT 1 FROM reservations WHERE order_id = ${orderId} FOR UPDATE`;
    const row = await db.reservation.findUnique({
      where: { orderId },
      include: { lines: { orderBy: { lineNo: 'asc' } } },
    });
    if (!row) return null;
    return {
      orderId: row.orderId,
      status: row.status === 'RELEASED' ? 'RELEASED' : 'HELD',
      lines: row.lines.map(({ sku, quantity }) => ({ sku, quantity })),
      createdAt: row.createdAt,
      releasedAt: row.releasedAt,
    };
  }

  async exists(tx: InventoryTransaction, orderId: string): Promise<boolean> {
    return (await tx.reservation.count({ where: { orderId } })) > 0;
  }

  /** Records stock held for an order: the lines are what a release will give back. */
  async hold(
    tx: InventoryTransaction,
    orderId: string,
    lines: readonly StockLine[],
    now: Date,
  ): Promise<void> {
    await tx.reservation.create({
      data: {
        orderId,
        status: 'HELD',
        createdAt: now,
        lines: { create: lines.map(({ sku, quantity }, index) => ({ lineNo: index + 1, sku, quantity })) },
      },
    });
  }

  async markReleased(tx: InventoryTransaction, orderId: string, now: Date): Promise<void> {
    await tx.reservation.update({ where: { orderId }, data: { status: 'RELEASED', releasedAt: now } });
  }
}
