import { Injectable } from '@nestjs/common';
import type { Statement, Transaction } from '@platform/messaging';
import type { StockLevels } from './domain';
import type { PrismaClient } from './generated/prisma/client';

export interface StockLevelView {
  sku: string;
  available: number;
  updatedAt: Date;
}

/** The levels one transaction has locked, as its events leave them, written once before COMMIT. */
interface LevelsOfTransaction {
  levels: Map<string, number>;
  changed: Set<string>;
}

const LEVELS_OF_TRANSACTION = Symbol('stock levels of the transaction');

/**
 * Stock levels per SKU. Reservations lock and write them in the consumer's transaction with plain
 * SQL (they run for every order); the REST side reads and sets them through Prisma. Within one
 * transaction a SKU is locked and read once, every event after that decides on the level the ones
 * before it left, and the final levels are written in one statement before COMMIT: a batch of
 * orders for one SKU costs two statements, not two per order.
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
    const { levels } = this.levelsOf(tx);
    const unique = [...new Set(skus)];
    const toLock = unique.filter((sku) => !levels.has(sku)).sort();
    if (toLock.length > 0) {
      const { rows } = await tx.query<{ sku: string; available: number }>(
        'SELECT sku, available FROM stock_levels WHERE sku = ANY($1::text[]) ORDER BY sku FOR UPDATE',
        [toLock],
      );
      for (const row of rows) levels.set(row.sku, row.available);
    }
    return new Map(unique.filter((sku) => levels.has(sku)).map((sku) => [sku, levels.get(sku)!]));
  }

  /** The new levels of SKUs this transaction locked (lockLevels), written before it commits. */
  setLevels(tx: Transaction, updated: StockLevels): void {
    const { levels, changed } = this.levelsOf(tx);
    for (const [sku, available] of updated) {
      if (!levels.has(sku)) throw new Error(`stock level of ${sku} set without its lock`);
      levels.set(sku, available);
      changed.add(sku);
    }
  }

  private levelsOf(tx: Transaction): LevelsOfTransaction {
    return tx.scoped<LevelsOfTransaction>(
      LEVELS_OF_TRANSACTION,
      () => ({ levels: new Map(), changed: new Set() }),
      levelWrites,
    );
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

function levelWrites({ levels, changed }: LevelsOfTransaction): Statement[] {
  if (changed.size === 0) return [];
  const skus = [...changed].sort();
  return [
    {
      text: `UPDATE stock_levels s SET available = v.available, updated_at = now()
       FROM unnest($1::text[], $2::int[]) AS v (sku, available)
      WHERE s.sku = v.sku`,
      values: [skus, skus.map((sku) => levels.get(sku)!)],
    },
  ];
}
