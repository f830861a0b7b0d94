import { chooseChannel, type Channel } from './channel';
import { composeMessage } from './compose-message';
import type { NotificationKind, OrderOutcome } from './order-outcome';
import { recipientFor } from './recipient';

/**
 * Everything the handler needs to send one notification and publish NotificationSent: who, how,
 * and what. Deciding it all here keeps the handler to sending and recording.
 */
export interface Notification {
  readonly orderId: string;
  readonly customerId: string;
  readonly kind: NotificationKind;
  readonly channel: Channel;
  /** The customer's address (see recipientFor): where EMAIL sends, and what a LOG line names. */
  readonly emailAddress: string;
  /**
   * Where the message went, as NotificationSent reports it: the address for EMAIL; for LOG the
   * customerId, since nothing was delivered to the address.
   */
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
}

export interface NotificationSettings {
  readonly smtpConfigured: boolean;
  /** BCP 47 locale for amounts; en-US unless told otherwise. */
  readonly locale?: string;
}

export function prepareNotification(outcome: OrderOutcome, settings: NotificationSettings): Notification {
  const channel = chooseChannel(settings);
  const emailAddress = recipientFor(outcome.customerId);
  return {
    orderId: outcome.orderId,
    customerId: outcome.customerId,
    kind: outcome.kind,
    channel,
    emailAddress,
    recipient: channel === 'EMAIL' ? emailAddress : outcome.customerId,
    ...composeMessage(outcome, settings.locale),
  };
}
