import { Injectable } from '@nestjs/common';
import type { PaymentDeclined } from '@platform/contracts';
import type { Transaction } from '@platform/messaging';
import { applyAdjustments, releaseReservation } from '../domain';
import { stockReleased } from '../published-events';
import { ReservationRepository } from '../reservation.repository';
import { StockRepository } from '../stock.repository';

export type ReleaseOutcome = 'released' | 'nothing-to-release';

/**
 * PaymentDeclined → give back what the order held, once. The levels, the RELEASED mark and
 * StockReleased commit together with the processed-event row.
 */
@Injectable()
export class ReleaseStockHandler {
  constructor(
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  async apply(tx: Transaction, declined: PaymentDeclined, now = new Date()): Promise<ReleaseOutcome> {
    const reservation = await this.reservations.findForUpdate(tx, declined.orderId);
    const decision = releaseReservation(reservation);
    if (decision.kind === 'nothing-to-release') return 'nothing-to-release';

    // The same SKU-ordered locks as a reservation takes, so a release and a reservation wait for
    // each other rather than overwriting each other's level.
    const skus = decision.lines.map(({ sku }) => sku);
    const levels = await this.stock.lockLevels(tx, skus);
    await this.reservations.release(tx, {
      orderId: declined.orderId,
      lines: decision.lines,
      levels: applyAdjustments(levels, decision.adjustments),
      now,
    });
    tx.enqueue(stockReleased(declined.orderId, decision.lines, declined.envelope));
    return 'released';
  }
}
