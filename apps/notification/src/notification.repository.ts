import { Injectable } from '@nestjs/common';
import type { Notification } from './domain';
import type { NotificationTransaction } from './prisma.service';

export interface NewNotification {
  notificationId: string;
  correlationId: string;
  notification: Notification;
  createdAt: Date;
}

/** Writes the notifications table inside the caller's transaction. */
@Injectable()
export class NotificationRepository {
  /**
   * Records the notification unless its order outcome (order_id, kind) already has one, and says
   * whether it did. A concurrent claim of the same outcome waits on the unique index until the first
   * transaction ends, then finds it taken: one message per outcome however deliveries race. The row
   * starts as SENT with no sent_at; `markSent` or `markFailed` settles it before the commit, so no
   * other transaction ever sees it unsettled.
   */
  async claim(
    tx: NotificationTransaction,
    { notificationId, correlationId, notification, createdAt }: NewNotification,
  ): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO notifications
        (notification_id, order_id, kind, channel, recipient, subject, body, status, correlation_id, created_at)
      VALUES
        (${notificationId}, ${notification.orderId}, ${notification.kind}, ${notification.channel},
         ${notification.recipient}, ${notification.subject}, ${notification.text}, 'SENT', ${correlationId},
         ${createdAt})
      ON CONFLICT (order_id, kind) DO NOTHING`;
    return inserted === 1;
  }

  async markSent(tx: NotificationTransaction, notificationId: string, sentAt: Date): Promise<void> {
    await tx.notification.update({ where: { notificationId }, data: { status: 'SENT', sentAt } });
  }

  async markFailed(tx: NotificationTransaction, notificationId: string, reason: string): Promise<void> {
    await tx.notification.update({
      where: { notificationId },
      data: { status: 'FAILED', failureReason: reason, sentAt: null },
    });
  }
}
