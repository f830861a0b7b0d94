/** The notification service's domain: plain TypeScript, no framework, no transport. */
export { DomainError, type NotificationErrorCode } from './domain-error';
export type {
  CancellationReason,
  Money,
  NotificationKind,
  OrderCancelledOutcome,
  OrderConfirmedOutcome,
  OrderOutcome,
} from './order-outcome';
export { formatMoney } from './format-money';
export { FALLBACK_EMAIL_DOMAIN, recipientFor } from './recipient';
export { chooseChannel, type Channel } from './channel';
export { composeMessage, reasonInWords, type Message } from './compose-message';
export { prepareNotification, type Notification, type NotificationSettings } from './prepare-notification';
