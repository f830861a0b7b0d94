import type { PgTransaction } from './transaction';

export interface GroupCommitOptions<Item, Result> {
  /** Opens a transaction, runs the work, commits (see Transactions.run / inTransaction). */
  transaction: <R>(work: (tx: PgTransaction) => Promise<R>) => Promise<R>;
  /**
   * Applies several items in the given transaction and returns one result per item, in order.
   * Outcomes that are not failures of the whole transaction (a conflict with an earlier request,
   * say) belong in the results; throwing fails the transaction.
   */
  apply: (tx: PgTransaction, items: Item[]) => Promise<Result[]>;
  /** Most items per transaction (default 200). */
  maxItems?: number;
}

/**
 * Commits concurrent small units of work (one per HTTP request) together: whatever is submitted in
 * the same turn of the event loop, or arrives while a transaction is in flight, goes into the next
 * one, so under load a hundred requests cost one BEGIN/COMMIT, one WAL flush and one multi-row
 * INSERT instead of a hundred, and their inserts no longer fight over the same index pages. Alone, a
 * request is applied in the next turn of the event loop.
 *
 * One transaction at a time per instance. If a transaction of several items fails, each of them is
 * tried again in a transaction of its own, so that only the item at fault fails.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: {
    item: Item;
    resolve: (result: Result) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private running = false;
  private readonly maxItems: number;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {
    this.maxItems = options.maxItems ?? 200;
  }

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        // Items submitted in the same turn of the event loop go together: the callers whose items the
        // last transaction committed submit their next ones in the microtasks that follow, and the
        // first of them would otherwise start a transaction alone, leaving the rest to wait for it.
        await new Promise(setImmediate);
        const group = this.waiting.splice(0, this.maxItems);
        try {
          const results = await this.options.transaction((tx) =>
            this.options.apply(
              tx,
              group.map(({ item }) => item),
            ),
          );
          group.forEach(({ resolve }, index) => resolve(results[index]!));
        } catch (error) {
          if (group.length === 1) {
            group[0]!.reject(error);
            continue;
          }
          for (const { item, resolve, reject } of group) {
            await this.options
              .transaction((tx) => this.options.apply(tx, [item]))
              .then(([result]) => resolve(result!), reject);
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}
