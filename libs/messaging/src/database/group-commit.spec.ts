import type { PgTransaction } from './transaction';
import { GroupCommit } from './group-commit';

/** A fake transaction runner: records what each transaction applied; fails the ones `fails` says. */
function setup(fails: (items: string[]) => boolean = () => false) {
  const transactions: string[][] = [];
  const commit = new GroupCommit<string, string>({
    transaction: (work) => work({} as PgTransaction),
    apply: async (_tx, items) => {
      transactions.push(items);
      await new Promise((resolve) => setImmediate(resolve));
      if (fails(items)) throw new Error(`refused ${items.join(',')}`);
      return items.map((item) => `done ${item}`);
    },
  });
  return { commit, transactions };
}

describe('GroupCommit', () => {
  it('applies a lone item at once, in a transaction of its own', async () => {
    const { commit, transactions } = setup();
    await expect(commit.submit('a')).resolves.toBe('done a');
    expect(transactions).toEqual([['a']]);
  });

  it('puts what arrives while a transaction is in flight into the next one, and answers each item', async () => {
    const { commit, transactions } = setup();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((item) => commit.submit(item)));
    expect(results).toEqual(['done a', 'done b', 'done c', 'done d']);
    expect(transactions).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('when a shared transaction fails, tries each item alone so only the item at fault fails', async () => {
    const { commit, transactions } = setup((items) => items.includes('bad'));
    const results = await Promise.allSettled(['a', 'b', 'bad', 'c'].map((item) => commit.submit(item)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'done a',
      'done b',
      'refused bad',
      'done c',
    ]);
    expect(transactions).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });
});
