import type { Logger } from '@platform/messaging';
import type { Delivery, NotificationChannel } from './notification-channel';

/**
 * Without SMTP_URL the message is written to the service log as one structured line, so the stack
 * runs with no mail server and a local run still shows every message a customer would get.
 */
export class LogNotificationChannel implements NotificationChannel {
  readonly channel = 'LOG';

  constructor(private readonly logger: Pick<Logger, 'info'>) {}

  async deliver({ notificationId, correlationId, notification }: Delivery): Promise<void> {
    this.logger.info(
      {
        notificationId,
        orderId: notification.orderId,
        correlationId,
        kind: notification.kind,
        recipient: notification.recipient,
        subject: notification.subject,
        text: notification.text,
      },
      'notification delivered to the log (set SMTP_URL to send e-mail)',
    );
  }
}
