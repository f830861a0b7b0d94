import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { PrismaClient } from './generated/prisma/client';
import { PrismaService } from './prisma.service';

export interface SampleStockLevel {
  readonly sku: string;
  readonly available: number;
}

/**
 * The catalogue a fresh inventory database starts with, so an order placed right after
 * the stack starts (say for SKU-1) finds stock. Set real levels with PUT /stock/:sku.
 */
export const SAMPLE_STOCK: readonly SampleStockLevel[] = [
  { sku: 'SKU-1', available: 100 },
  { sku: 'SKU-2', available: 100 },
  { sku: 'SKU-3', available: 100 },
  { sku: 'SKU-4', available: 100 },
  { sku: 'SKU-5', available: 100 },
];

/**
 * Loads `stock` only while stock_levels is empty, so a restart never resets levels that orders
 * have changed, and a SKU deliberately set to 0 stays 0. One statement: two instances starting
 * together both see an empty table, and ON CONFLICT lets the second's rows fall away.
 * Returns how many rows were inserted.
 */
export async function seedSampleStock(
  db: PrismaClient,
  stock: readonly SampleStockLevel[] = SAMPLE_STOCK,
): Promise<number> {
  if (stock.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO stock_levels (sku, available)
    SELECT sku, available FROM unnest(${stock.map((s) => s.sku)}::text[], ${stock.map((s) => s.available)}::int[])
      AS sample (sku, available)
    WHERE NOT EXISTS (SELECT 1 FROM stock_levels)
    ON CONFLICT (sku) DO NOTHING`;
}

/** Seeds at bootstrap, after the migrations (main) and before the Kafka consumer starts fetching. */
@Injectable()
export class SampleStockSeeder implements OnApplicationBootstrap {
  constructor(private readonly prisma: PrismaService) {}

  async onApplicationBootstrap(): Promise<void> {
    await seedSampleStock(this.prisma);
  }
}
