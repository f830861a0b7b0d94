import { z } from 'zod';
import { loadServiceConfig } from '@platform/messaging-nest';

/**
 * The order service's own settings, validated at start with the common ones. The deadline is 15 minutes by default: long enough to ride out
 * a restart or deploy of inventory or payment (their consumers are replaced after 30 s and the
 * process after 2 minutes without progress), short enough that stock is not held, and a customer
 * not left without an answer, for long. Tests set seconds.
 */
export const orderSettingsSchema = z.object({
  ORDER_DEADLINE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(15 * 60),
  /** How often each instance looks for orders past their deadline; a deadline fires at most this late. */
  ORDER_DEADLINE_SWEEP_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  /** POST /orders per customer (token subject) per minute; over it: 429 with Retry-After. */
  ORDER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
});

export function loadOrderConfig(env: Record<string, string | undefined>) {
  return loadServiceConfig(env, orderSettingsSchema);
}

export type OrderConfig = ReturnType<typeof loadOrderConfig>;

export const PLACE_ORDER_LIMIT = 'place-order';
