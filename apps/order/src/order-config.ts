import { z } from 'zod';
import { loadServiceConfig } from '@platform/messaging-nest';

/** The order service's own settings, validated at start with the common ones. */
export const orderSettingsSchema = z.object({
  /** POST /orders per customer (token subject) per minute; over it: 429 with Retry-After. */
  ORDER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
});

export function loadOrderConfig(env: Record<string, string | undefined>) {
  return loadServiceConfig(env, orderSettingsSchema);
}

export type OrderConfig = ReturnType<typeof loadOrderConfig>;

export const PLACE_ORDER_LIMIT = 'place-order';
