/**
 * The subject under which a topic's value schemas are registered: Confluent's default
 * TopicNameStrategy, so Confluent's own tools and serializers find them.
 */
export function valueSubject(topic: string): string {
  return `${topic}-value`;
}
