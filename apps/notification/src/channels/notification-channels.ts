import type { Logger } from '@platform/messaging';
import type { NotificationConfig } from '../notification-config';
import { LogNotificationChannel } from './log-notification.channel';
import type { NotificationChannel } from './notification-channel';
import { SmtpNotificationChannel } from './smtp-notification.channel';

/** The adapter the settings ask for: e-mail when SMTP_URL is set, the log otherwise. */
export function notificationChannelFor(
  config: Pick<NotificationConfig, 'SMTP_URL' | 'MAIL_FROM'>,
  logger: Pick<Logger, 'info'>,
): NotificationChannel {
  return config.SMTP_URL
    ? new SmtpNotificationChannel(config.SMTP_URL, config.MAIL_FROM)
    : new LogNotificationChannel(logger);
}
