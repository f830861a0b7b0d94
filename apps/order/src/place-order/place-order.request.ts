import { z } from 'zod';

/** Where an order comes from when the request does not say: the REST API itself. */
export const DEFAULT_CHANNEL = 'api';

/** POST /orders body. Money is in minor units (cents) of the order's currency, never a float. */
export const placeOrderRequest = z
  .object({
    customerId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Who orders; an e-mail address gets the notification'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    paymentMethod: z.string().trim().min(1).max(100).describe('A test card token, e.g. tok_visa'),
    channel: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a short lower-case name such as web, mobile or api')
      .default(DEFAULT_CHANNEL)
      .describe('Where the customer placed the order (web, mobile, api); api when absent'),
    lines: z
      .array(
        z
          .object({
            sku: z.string().trim().min(1).max(64),
            quantity: z.number().int().min(1).max(10_000),
            unitPriceMinor: z.number().int().min(0).max(100_000_000_000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

export type PlaceOrderRequest = z.infer<typeof placeOrderRequest>;

/**
 * The Idempotency-Key header. It is the primary key of idempotency_keys, and PostgreSQL cannot index
 * a value of several kB: a longer key would fail inside the transaction, as a 500.
 */
export const idempotencyKeyHeader = z.string().max(255, 'must be at most 255 characters').optional();
