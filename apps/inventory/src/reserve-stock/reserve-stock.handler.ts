import { Injectable } from '@nestjs/common';
import type { OrderPlaced } from '@platform/contracts';
import type { Transaction } from '@platform/messaging';
import { applyAdjustments, reserveStock } from '../domain';
import { ReservationRepository } from '../reservation.repository';
import { stockRejected, stockReserved } from '../published-events';
import { StockRepository } from '../stock.repository';

export type ReserveOutcome = 'reserved' | 'rejected' | 'already-reserved';

/**
 * OrderPlaced → hold every line or none. Runs in the inbox's transaction: the new levels, the
 * reservation and StockReserved (or only StockRejected) commit together with the processed-event row.
 */
@Injectable()
export class ReserveStockHandler {
  constructor(
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  async apply(tx: Transaction, placed: OrderPlaced, now = new Date()): Promise<ReserveOutcome> {
    // Lock first, look second: a competing delivery of this order waits on the same rows and then
    // sees the reservation the first one committed, instead of holding the stock a second time.
    const levels = await this.stock.lockLevels(
      tx,
      placed.lines.map(({ sku }) => sku),
    );
    if (await this.reservations.exists(tx, placed.orderId)) return 'already-reserved';

    const decision = reserveStock(
      levels,
      placed.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    );
    if (decision.kind === 'rejected') {
      tx.enqueue(stockRejected(placed.orderId, decision.reason, decision.shortages, placed.envelope));
      return 'rejected';
    }
    this.reservations.hold(tx, {
      orderId: placed.orderId,
      channel: placed.channel,
      lines: decision.lines,
      now,
    });
    this.stock.setLevels(tx, applyAdjustments(levels, decision.adjustments));
    tx.enqueue(stockReserved(placed));
    return 'reserved';
  }
}
