import type { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  partitions: number;
}

export interface TopicOutcome extends TopicSpec {
  created: boolean;
  /** What the broker has; differs from `partitions` when an existing topic was made differently. */
  actualPartitions: number;
}

/**
 * Creates the topics that do not exist yet. Existing topics are left alone even when their partition
 * count differs: adding partitions would move keys to other partitions and break per-order ordering,
 * so that stays a deliberate operator's decision; the outcome reports the difference.
 */
export async function ensureTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  replicationFactor: number,
): Promise<TopicOutcome[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length > 0)
    // Resolves false rather than failing when another process created one of them meanwhile.
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map(({ topic, partitions }) => ({
        topic,
        numPartitions: partitions,
        replicationFactor,
      })),
    });
  const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.topic) });
  return specs.map((spec) => ({
    ...spec,
    created: missing.includes(spec),
    actualPartitions: topics.find((t) => t.name === spec.topic)?.partitions.length ?? 0,
  }));
}
