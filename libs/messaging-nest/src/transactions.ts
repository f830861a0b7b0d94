import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { OutboxRelay, inTransaction, type OutboxWakeup, type PgTransaction } from '@platform/messaging';
import { DATABASE_POOL } from './tokens';

/**
 * Transactions for an app's commands (what a POST changes): on the app's pool, with the events
 * they enqueue handed to the app's own outbox relay at commit.
 */
@Injectable()
export class Transactions {
  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    /** Without one (a test), commits that wrote events send a NOTIFY instead. */
    @Inject(OutboxRelay) private readonly wakeup?: OutboxWakeup,
  ) {}

  run<R>(work: (tx: PgTransaction) => Promise<R>): Promise<R> {
    return inTransaction(this.pool, work, { wakeup: this.wakeup });
  }
}
