import type { Consumer, ConsumerRunConfig } from 'kafkajs';

/**
 * Starts a test or benchmark observer on `topics` from their end, and resolves once it is `readyOn`:
 * 'join' (the group is joined) or 'fetch' (the first fetch is made: only then are the start offsets
 * fixed, so an event written after `startObserver` resolves cannot be missed). An observer that
 * cannot get there (missing topics, broker down) is disconnected: it would otherwise keep retrying
 * and hold the process open.
 */
export async function startObserver(
  consumer: Consumer,
  { topics, readyOn, run }: { topics: string[]; readyOn: 'join' | 'fetch'; run: ConsumerRunConfig },
): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    consumer.on(readyOn === 'join' ? consumer.events.GROUP_JOIN : consumer.events.FETCH, () => resolve());
    consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: false });
    await consumer.run(run);
    await ready;
  } catch (error) {
    await consumer.disconnect();
    throw error;
  }
}
