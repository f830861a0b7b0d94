import { Injectable } from '@nestjs/common';
import type { StockLevels } from './domain';
import type { InventoryTransaction } from './prisma.service';

export interface StockLevelView {
  sku: string;
  available: number;
  updatedAt: Date;
}

/** Stock levels per SKU, read and written inside the caller's transaction (or on the plain client for reads). */
@Injectable()
export class StockRepository {
  /**
   * Locks the rows of these SKUs until the transaction ends and returns their levels; SKUs not in
   * the catalogue are absent. Two orders naming the same SKUs therefore decide one after the
   * other, each on the levels the previous one left, so stock is never sold twice. Locking in SKU
   * order means two orders naming {A, B} and {B, A} wait for each other instead of deadlocking.
   */
  async lockLevels(tx: InventoryTransaction, skus: readonly string[]): Promise<StockLevels> {
    const unique = [...new Set(skus)];
    if (unique.length === 0) return new Map();
    const rows = await tx.$queryRaw<{ sku: string; available: number }[]>`
      SELECT sku, available FROM stock_levels WHERE sku = ANY(${unique}::text[]) ORDER BY sku FOR UPDATE`;
    return new Map(rows.map((row) => [row.sku, row.available]));
  }

  /** Writes the levels the domain computed from locked ones; `skus` says which of them changed. */
  async saveLevels(
    tx: InventoryTransaction,
    levels: StockLevels,
    skus: readonly string[],
    now: Date,
  ): Promise<void> {
    for (const sku of [...new Set(skus)].sort()) {
      await tx.stockLevel.update({ where: { sku }, data: { available: levels.get(sku)!, updatedAt: now } });
    }
  }

  /** Sets one SKU's level, adding the SKU to the catalogue if it is new. */
  async set(db: InventoryTransaction, sku: string, available: number, now: Date): Promise<StockLevelView> {
    return db.stockLevel.upsert({
      where: { sku },
      create: { sku, available, updatedAt: now },
      update: { available, updatedAt: now },
      select: { sku: true, available: true, updatedAt: true },
    });
  }

  async find(db: InventoryTransaction, sku: string): Promise<StockLevelView | null> {
    return db.stockLevel.findUnique({
      where: { sku },
      select: { sku: true, available: true, updatedAt: true },
    });
  }

  async list(db: InventoryTransaction): Promise<StockLevelView[]> {
    return db.stockLevel.findMany({
      orderBy: { sku: 'asc' },
      select: { sku: true, available: true, updatedAt: true },
    });
  }
}
