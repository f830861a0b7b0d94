import type { Channel, Notification } from '../domain';

/** One notification on its way out, with what identifies it in logs and mail headers. */
export interface Delivery {
  readonly notificationId: string;
  readonly correlationId: string;
  readonly notification: Notification;
}

/**
 * The port a notification leaves through. Resolving means the message was handed over (accepted by
 * the mail server, or written to the log). A `DeliveryRejectedError` means it was refused for
 * good; any other error is worth trying again later.
 */
export interface NotificationChannel {
  readonly channel: Channel;
  deliver(delivery: Delivery): Promise<void>;
}

export const NOTIFICATION_CHANNEL = Symbol('NOTIFICATION_CHANNEL');

/** The receiving side refused this message permanently (an SMTP 5xx for the recipient or content). */
export class DeliveryRejectedError extends Error {
  override readonly name = 'DeliveryRejectedError';
  readonly code = 'DELIVERY_REJECTED';
}
