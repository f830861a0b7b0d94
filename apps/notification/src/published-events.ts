import type { EnvelopeOptions } from '@platform/contracts';
import { outgoingEvent, type OutgoingEvent } from '@platform/messaging';
import type { Notification } from './domain';

/** The wire form (Avro contract) of "the customer was told": NotificationSent. */
export function notificationSent(notification: Notification, envelope: EnvelopeOptions): OutgoingEvent {
  return outgoingEvent(
    'NotificationSent',
    {
      orderId: notification.orderId,
      customerId: notification.customerId,
      kind: notification.kind,
      channel: notification.channel,
      recipient: notification.recipient,
    },
    envelope,
  );
}
