import { z } from 'zod';
import { loadServiceConfig } from '@platform/messaging-nest';

/**
 * The notification service's own settings, validated at startup with the common ones: a malformed
 * SMTP_URL stops the service with a message naming it, instead of failing on the first order.
 */
export const notificationSettingsSchema = z.object({
  /** Unset (or empty) means no mail server: notifications go to the log (channel LOG). */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .url({
        protocol: /^smtps?$/,
        error: 'must be an smtp:// or smtps:// URL such as smtp://localhost:1025',
      })
      .optional(),
  ),
  MAIL_FROM: z.email().default('orders@example.com'),
});

export function loadNotificationConfig(env: Record<string, string | undefined>) {
  return loadServiceConfig(env, notificationSettingsSchema);
}

export type NotificationConfig = ReturnType<typeof loadNotificationConfig>;
