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

  it('puts what is submitted in one turn of the event loop into one transaction, and answers each item', async () => {
    const { commit, transactions } = setup();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((item) => commit.submit(item)));
    expect(results).toEqual(['done a', 'done b', 'done c', 'done d']);
    expect(transactions).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('puts what arrives while a transaction is in flight into the next one', async () => {
    const { commit, transactions } = setup();
    const first = commit.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    const rest = ['b', 'c'].map((item) => commit.submit(item));
    await Promise.all([first, ...rest]);
    expect(transactions).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps callers that each submit their next item once the last is committed in one transaction', async () => {
    const { commit, transactions } = setup();
    const caller = async (name: string) => {
      for (const round of [1, 2, 3]) await commit.submit(`${name}${round}`);
    };
    await Promise.all(['a', 'b', 'c'].map(caller));
    expect(transactions).toEqual([
      ['a1', 'b1', 'c1'],
      ['a2', 'b2', 'c2'],
      ['a3', 'b3', 'c3'],
    ]);
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
    expect(transactions).toEqual([['a', 'b', 'bad', 'c'], ['a'], ['b'], ['bad'], ['c']]);
  });
});
