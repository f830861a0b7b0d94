import type { Cancellation } from './cancellation';
import type { PendingOrder } from './order';

/**
 * An order may not wait for inventory and payment forever: while it is PENDING its stock is held
 * and the customer has no answer. Each order gets a deadline when it is placed; a PENDING order
 * past it is cancelled as TIMED_OUT, and inventory and payment undo whatever they did for it.
 */
export function deadlineFor(placedAt: Date, timeoutMs: number): Date {
  return new Date(placedAt.getTime() + timeoutMs);
}

export function isPastDeadline(order: PendingOrder, now: Date): boolean {
  return now.getTime() >= order.deadlineAt.getTime();
}

/** What the customer and support are told: who did not answer in time. */
export function cancellationForTimeout(order: PendingOrder): Cancellation {
  const waitingFor = order.stockReservedAt === null ? 'the stock reservation' : 'the payment';
  const waitedSeconds = Math.round((order.deadlineAt.getTime() - order.placedAt.getTime()) / 1000);
  return { reason: 'TIMED_OUT', detail: `No answer for ${waitingFor} within ${waitedSeconds} s` };
}
