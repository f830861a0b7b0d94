/** What `events tail` accepts as a topic: a saga topic's name or its event type's. */
import { CATALOGUE_ENTRIES, entryForTopic } from '@platform/contracts';

/** A usage error: the CLI prints it with the known names and exits 2. */
export class UnknownTopicError extends Error {
  readonly code = 'UNKNOWN_TOPIC';
  constructor(readonly unknown: readonly string[]) {
    const known = CATALOGUE_ENTRIES.map((e) => `  ${e.eventType.padEnd(18)} ${e.topic}`).join('\n');
    super(
      `Unknown topic or event type: ${unknown.join(', ')}. Name a saga topic or its event type (any case):\n${known}`,
    );
    this.name = 'UnknownTopicError';
  }
}

/** The named topics in the saga's order, each once; every saga topic when none is named. */
export function resolveTopics(names: readonly string[]): string[] {
  if (names.length === 0) return CATALOGUE_ENTRIES.map((e) => e.topic);
  const unknown: string[] = [];
  const topics = new Set<string>();
  for (const name of names) {
    const entry =
      entryForTopic(name) ?? CATALOGUE_ENTRIES.find((e) => e.eventType.toLowerCase() === name.toLowerCase());
    if (entry) topics.add(entry.topic);
    else unknown.push(name);
  }
  if (unknown.length > 0) throw new UnknownTopicError(unknown);
  return CATALOGUE_ENTRIES.map((e) => e.topic).filter((t) => topics.has(t));
}
