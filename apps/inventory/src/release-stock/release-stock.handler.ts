import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@platform/contracts';
import type { Transaction } from '@platform/messaging';
import { applyAdjustments, releaseReservation } from '../domain';
import { stockReleased } from '../published-events';
import { ReservationRepository } from '../reservation.repository';
import { StockRepository } from '../stock.repository';

export type ReleaseOutcome = 'released' | 'nothing-to-release';

/**
 * PaymentDeclined, OrderCancelled or ReleaseStock → give back what the order held, once. The levels,
 * the RELEASED mark and StockReleased commit together with the processed-event row. The three can
 * all arrive for one order (a timed-out order whose StockReserved came late gets OrderCancelled and
 * ReleaseStock); the reservation's status makes every one after the first a no-op.
 */
@Injectable()
export class ReleaseStockHandler {
  constructor(
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  async apply(
    tx: Transaction,
    cause: { orderId: string; envelope: EventEnvelope },
    now = new Date(),
  ): Promise<ReleaseOutcome> {
    const reservation = await this.reservations.findForUpdate(tx, cause.orderId);
    const decision = releaseReservation(reservation);
    if (decision.kind === 'nothing-to-release') return 'nothing-to-release';

    // The same SKU-ordered locks as a reservation takes, so a release and a reservation wait for
    // each other rather than overwriting each other's level.
    const skus = decision.lines.map(({ sku }) => sku);
    const levels = await this.stock.lockLevels(tx, skus);
    await this.reservations.release(tx, { orderId: cause.orderId, now });
    this.stock.setLevels(tx, applyAdjustments(levels, decision.adjustments));
    tx.enqueue(stockReleased(cause.orderId, decision.lines, cause.envelope));
    return 'released';
  }
}
