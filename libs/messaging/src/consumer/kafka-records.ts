import type { KafkaMessage } from 'kafkajs';
import type { IncomingMessage } from './incoming-message';

/** A kafkajs record as the pipeline takes it: its place (topic, partition, offset) and its bytes, undecoded. */
export function toIncomingMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers,
  };
}

/** The offset to commit after a record: Kafka commits name the next record to read. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
