import { Injectable } from '@nestjs/common';
import type { Notification } from './domain';
import type { Transaction } from '@platform/messaging';

export interface NewNotification {
  notificationId: string;
  correlationId: string;
  notification: Notification;
  createdAt: Date;
}

/** Writes the notifications table inside the consumer's transaction (plain SQL: it runs for every order). */
@Injectable()
export class NotificationRepository {
  /**
   * Records the notification unless its order outcome (order_id, kind) already has one, and says
   * whether it did. A concurrent claim of the same outcome waits on the unique index until the first
   * transaction ends, then finds it taken: one message per outcome however deliveries race. The row
   * is written as SENT at `createdAt`, the moment the delivery is attempted: a delivery that fails
   * for now rolls it back, one refused for good turns it into FAILED (`markFailed`), both before the
   * commit, so no other transaction ever sees it otherwise.
   */
  async claim(
    tx: Transaction,
    { notificationId, correlationId, notification, createdAt }: NewNotification,
  ): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO notifications
         (notification_id, order_id, kind, channel, recipient, subject, body, status, correlation_id, created_at, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'SENT', $8, $9, $9)
       ON CONFLICT (order_id, kind) DO NOTHING`,
      [
        notificationId,
        notification.orderId,
        notification.kind,
        notification.channel,
        notification.recipient,
        notification.subject,
        notification.text,
        correlationId,
        createdAt,
      ],
    );
    return rowCount === 1;
  }

  async markFailed(tx: Transaction, notificationId: string, reason: string): Promise<void> {
    await tx.query(
      `UPDATE notifications SET status = 'FAILED', failure_reason = $2, sent_at = NULL WHERE notification_id = $1`,
      [notificationId, reason],
    );
  }
}
