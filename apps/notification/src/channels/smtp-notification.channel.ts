import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { DeliveryRejectedError, type Delivery, type NotificationChannel } from './notification-channel';

/**
 * E-mail through the SMTP server of SMTP_URL (nodemailer). The timeouts bound how long a hanging
 * server can hold the consumer's transaction open: the send fails and the event is retried.
 */
export class SmtpNotificationChannel implements NotificationChannel, OnApplicationShutdown {
  readonly channel = 'EMAIL';
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async deliver({ notificationId, correlationId, notification }: Delivery): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: notification.emailAddress,
        subject: notification.subject,
        text: notification.text,
        // The same Message-ID for every attempt at one order outcome: if a crash makes us send it
        // again (see NotifyCustomerHandler), mail stores that dedupe by Message-ID show it once.
        messageId: `<${notification.kind.toLowerCase()}.${notification.orderId}@${domainOf(this.from)}>`,
        headers: { 'X-Correlation-Id': correlationId, 'X-Notification-Id': notificationId },
      });
    } catch (error) {
      if (isPermanentRejection(error)) {
        throw new DeliveryRejectedError(`SMTP server refused the message: ${(error as Error).message}`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/**
 * A 5xx answer to the recipient (EENVELOPE) or to the message (EMESSAGE) will be the same on every
 * try. Everything else (no connection, timeouts, 4xx "try later", refused credentials, which an
 * operator can fix) is left to the consumer's retries and then the dead-letter topic.
 */
function isPermanentRejection(error: unknown): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600
  );
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
