import { z } from 'zod';

/** PUT /stock/:sku path: the same SKU rule as an order line, without silently trimming a URL. */
export const setStockLevelParams = z.object({
  sku: z
    .string()
    .min(1)
    .max(64)
    .regex(/^\S(.*\S)?$/, 'must not start or end with whitespace'),
});

/** PUT /stock/:sku body. The level is what can still be sold; stock held for orders is not part of it. */
export const setStockLevelRequest = z
  .object({
    available: z
      .number()
      .int()
      .min(0)
      // The column is a PostgreSQL INTEGER.
      .max(2_147_483_647)
      .describe('Units that can still be sold; 0 keeps the SKU in the catalogue as sold out'),
  })
  .strict();

export type SetStockLevelRequest = z.infer<typeof setStockLevelRequest>;
