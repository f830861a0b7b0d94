import { Injectable } from '@nestjs/common';
import type { Transaction } from '@platform/messaging';
import type { StockLevels } from './domain';
import type { PrismaClient } from './generated/prisma/client';

export interface StockLevelView {
  sku: string;
  available: number;
  updatedAt: Date;
}

/**
 * Stock levels per SKU. Reservations lock and write them in the consumer's transaction with plain
 * SQL (they run for every order); the REST side reads and sets them through Prisma.
 */
@Injectable()
export class StockRepository {
  /**
   * Locks the rows of these SKUs until the transaction ends and returns their levels; SKUs not in
   * the catalogue are absent. Two orders naming the same SKUs therefore decide one after the
   * other, each on the levels the previous one left, so stock is never sold twice. Locking in SKU
   * order means two orders naming {A, B} and {B, A} wait for each other instead of deadlocking.
   */
  async lockLevels(tx: Transaction, skus: readonly string[]): Promise<StockLevels> {
    const unique = [...new Set(skus)];
    if (unique.length === 0) return new Map();
    const { rows } = await tx.query<{ sku: string; available: number }>(
      'SELECT sku, available FROM stock_levels WHERE sku = ANY($1::text[]) ORDER BY sku FOR UPDATE',
      [unique],
    );
    return new Map(rows.map((row) => [row.sku, row.available]));
  }

  /** Sets one SKU's level, adding the SKU to the catalogue if it is new. */
  async set(db: PrismaClient, sku: string, available: number, now: Date): Promise<StockLevelView> {
    return db.stockLevel.upsert({
      where: { sku },
      create: { sku, available, updatedAt: now },
      update: { available, updatedAt: now },
      select: { sku: true, available: true, updatedAt: true },
    });
  }

  async find(db: PrismaClient, sku: string): Promise<StockLevelView | null> {
    return db.stockLevel.findUnique({
      where: { sku },
      select: { sku: true, available: true, updatedAt: true },
    });
  }

  async list(db: PrismaClient): Promise<StockLevelView[]> {
    return db.stockLevel.findMany({
      orderBy: { sku: 'asc' },
      select: { sku: true, available: true, updatedAt: true },
    });
  }
}
