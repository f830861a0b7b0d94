import type { Consumer } from 'kafkajs';

export interface ConsumerDrain {
  /** Pauses every subscribed topic: nothing new is fetched, and no further message of a fetched batch is started. */
  stopFetching(): void;
  /** Resolves once no batch is being processed, i.e. the message in flight is handled and its offset committed. */
  finishInFlight(timeoutMs?: number): Promise<void>;
}

/**
 * The first half of a graceful consumer stop, before `disconnect()`.
 *
 * kafkajs's disconnect() does wait for the message in flight, but it marks the runner stopped
 * first, and a stopped runner silently drops `commitOffsets`: the message's transaction commits
 * while its offset does not, so the next member of the group receives it again (the inbox then
 * discards it, but it is a redelivery all the same). Pausing instead keeps the runner running, so
 * the in-flight message commits its offset and the batch loop ends after it.
 *
 * Call right after `startConsumer` resolves: batch events are only counted from then on (kafkajs
 * starts no batch before `run()` has returned, since a fetch needs a network round trip first).
 */
export function consumerDrain(consumer: Consumer, topics: string[]): ConsumerDrain {
  const inFlight = new Set<string>();
  const waiters = new Set<() => void>();
  const settle = () => {
    if (inFlight.size > 0) return;
    for (const resolve of waiters) resolve();
    waiters.clear();
  };
  const { START_BATCH_PROCESS, END_BATCH_PROCESS, CRASH } = consumer.events;
  consumer.on(
    START_BATCH_PROCESS,
    ({ payload }) => void inFlight.add(`${payload.topic}/${payload.partition}`),
  );
  consumer.on(END_BATCH_PROCESS, ({ payload }) => {
    inFlight.delete(`${payload.topic}/${payload.partition}`);
    settle();
  });
  // A crashed runner processes nothing any more; kafkajs emits no batch end for what it abandoned.
  consumer.on(CRASH, () => {
    inFlight.clear();
    settle();
  });

  return {
    stopFetching: () => consumer.pause(topics.map((topic) => ({ topic }))),
    finishInFlight: (timeoutMs = 15_000) => {
      if (inFlight.size === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        // A handler that threw leaves its batch unfinished for good; do not hold the shutdown for it.
        const timer = setTimeout(() => {
          waiters.delete(done);
          reject(new Error(`Batches still in flight after ${timeoutMs} ms: ${[...inFlight].join(', ')}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        waiters.add(done);
      });
    },
  };
}
