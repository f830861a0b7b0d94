import { Injectable } from '@nestjs/common';
import { GroupCommit, type OutgoingEvent, type Transaction } from '@platform/messaging';
import { Transactions } from '@platform/messaging-nest';
import { checkIdempotencyKey, type Order, type OrderStatus } from '../domain';
import { IdempotencyKeys } from '../idempotency-keys';
import { OrderRepository } from '../order.repository';

export interface NewOrder {
  order: Order;
  correlationId: string;
  outgoing: OutgoingEvent[];
  idempotency?: { key: string; fingerprint: string };
}

export type PlacementOutcome =
  | { kind: 'placed' }
  | { kind: 'replayed'; orderId: string; status: OrderStatus; correlationId: string }
  | { kind: 'conflict'; orderId: string };

/**
 * Writes new orders: the orders, their lines and history, their Idempotency-Keys and their events,
 * for every request that arrived while the previous write was in flight, in one transaction (see
 * GroupCommit). At a hundred orders a second this is what keeps the order database's commits, and
 * the inserts racing for the same index pages, down to a few per second.
 */
@Injectable()
export class OrderPlacement {
  private readonly commits: GroupCommit<NewOrder, PlacementOutcome>;

  constructor(
    transactions: Transactions,
    private readonly orders: OrderRepository,
    private readonly idempotencyKeys: IdempotencyKeys,
  ) {
    this.commits = new GroupCommit({
      transaction: (work) => transactions.run(work),
      apply: (tx, newOrders) => this.place(tx, newOrders),
    });
  }

  submit(newOrder: NewOrder): Promise<PlacementOutcome> {
    return this.commits.submit(newOrder);
  }

  private async place(tx: Transaction, newOrders: NewOrder[]): Promise<PlacementOutcome[]> {
    const keyed = newOrders.flatMap(({ idempotency, order }) =>
      idempotency
        ? [{ key: idempotency.key, fingerprint: idempotency.fingerprint, orderId: order.orderId }]
        : [],
    );
    const earlier = keyed.length > 0 ? await this.idempotencyKeys.claim(tx, keyed) : new Map();
    // A key used twice within this transaction: the first request claims it, the second replays it.
    const firstWithKey = new Map<string, NewOrder>();
    const outcomes = newOrders.map((newOrder): PlacementOutcome => {
      const { idempotency } = newOrder;
      if (!idempotency) return { kind: 'placed' };
      const before = earlier.get(idempotency.key);
      const first = firstWithKey.get(idempotency.key);
      const stored =
        before ?? (first && { fingerprint: first.idempotency!.fingerprint, orderId: first.order.orderId });
      if (!stored) {
        firstWithKey.set(idempotency.key, newOrder);
        return { kind: 'placed' };
      }
      const decision = checkIdempotencyKey(stored, idempotency.fingerprint);
      if (decision.kind === 'conflict') return { kind: 'conflict', orderId: decision.orderId };
      return before
        ? {
            kind: 'replayed',
            orderId: before.orderId,
            status: before.status,
            correlationId: before.correlationId,
          }
        : {
            kind: 'replayed',
            orderId: first!.order.orderId,
            status: first!.order.status,
            correlationId: first!.correlationId,
          };
    });
    const placed = newOrders.filter((_, index) => outcomes[index]!.kind === 'placed');
    await this.orders.createMany(
      tx,
      placed.map(({ order, correlationId, outgoing }) => ({
        order,
        correlationId,
        history: outgoing.map((o) => o.event.envelope),
      })),
    );
    tx.enqueue(...placed.flatMap(({ outgoing }) => outgoing));
    return outcomes;
  }
}
