import type { Admin } from 'kafkajs';

/** A topic the caller named is not on the broker; the message lists the nearest candidates. */
export class TopicNotFoundError extends Error {
  constructor(
    readonly topic: string,
    readonly candidates: string[],
  ) {
    const hint = candidates.length > 0 ? ` Topics with a similar name: ${candidates.join(', ')}.` : '';
    super(`Topic ${topic} does not exist on the broker.${hint}`);
    this.name = 'TopicNotFoundError';
  }
}

/**
 * Checked before reading or writing, because kafkajs reports a missing topic only after its own
 * retries, as a protocol error that names neither the topic nor what exists instead.
 */
export async function assertTopicExists(admin: Admin, topic: string): Promise<void> {
  const topics = await admin.listTopics();
  if (topics.includes(topic)) return;
  // Same prefix up to the first dot: dead-letters.* for a dead-letter topic, order.* for an order topic.
  const prefix = topic.includes('.') ? topic.slice(0, topic.indexOf('.') + 1) : topic;
  const candidates = topics.filter((t) => t.startsWith(prefix) && !t.startsWith('__')).sort();
  throw new TopicNotFoundError(topic, candidates.slice(0, 20));
}
