import { Inject, Injectable } from '@nestjs/common';
import { newId, type EventEnvelope } from '@platform/contracts';
import type { Transaction } from '@platform/messaging';
import {
  DeliveryRejectedError,
  NOTIFICATION_CHANNEL,
  type NotificationChannel,
} from '../channels/notification-channel';
import { prepareNotification, type OrderOutcome } from '../domain';
import { NotificationRepository } from '../notification.repository';
import { notificationSent } from '../published-events';

export type NotifyOutcome = 'SENT' | 'FAILED' | 'ALREADY_NOTIFIED';

/**
 * Tells the customer how their order ended, once per order outcome.
 *
 * Delivery happens inside the event's transaction, between claiming the (order_id, kind) row and
 * the commit that also records the processed event and the NotificationSent outbox row:
 * - The claim is what makes it once: a second OrderConfirmed/OrderCancelled for the same order
 *   (a new eventId, so the inbox does not know it) finds the outcome taken and sends nothing; a
 *   concurrent one waits for the first transaction and then does the same.
 * - If delivery throws, the transaction rolls back (claim included) and the inbox retries the
 *   event, then dead-letters it; a redrive later sends it then.
 * - Mail cannot take part in a database transaction, so this is at-least-once, not exactly-once:
 *   a crash (or a failed commit) after the SMTP server accepted the mail and before the commit
 *   leaves no trace of it, and the redelivered event sends it again. A duplicate mail is the
 *   lesser evil than a lost one; the stable Message-ID lets mail stores drop it.
 * - A permanent refusal (SMTP 5xx) is recorded as FAILED and the event counts as handled: the
 *   customer's address will not change on a retry. No NotificationSent is published for it.
 * The cost is a transaction (and a database connection) held open for one SMTP exchange.
 */
@Injectable()
export class NotifyCustomerHandler {
  constructor(
    private readonly notifications: NotificationRepository,
    @Inject(NOTIFICATION_CHANNEL) private readonly channel: NotificationChannel,
  ) {}

  async execute(
    tx: Transaction,
    outcome: OrderOutcome,
    cause: EventEnvelope,
    now: () => Date = () => new Date(),
  ): Promise<NotifyOutcome> {
    const notification = prepareNotification(outcome, { smtpConfigured: this.channel.channel === 'EMAIL' });
    const notificationId = newId();
    const { correlationId } = cause;
    const claimed = await this.notifications.claim(tx, {
      notificationId,
      correlationId,
      notification,
      createdAt: now(),
    });
    if (!claimed) return 'ALREADY_NOTIFIED';
    try {
      await this.channel.deliver({ notificationId, correlationId, notification });
    } catch (error) {
      if (!(error instanceof DeliveryRejectedError)) throw error;
      await this.notifications.markFailed(tx, notificationId, error.message);
      return 'FAILED';
    }
    tx.enqueue(notificationSent(notification, { cause }));
    return 'SENT';
  }
}
