import type { ConsumerDeserializer, IncomingEvent } from '@nestjs/microservices';
import type { IncomingMessage } from '@platform/messaging';

interface KafkaRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

/**
 * Hands each Kafka record to the handler as it arrived, routed by topic. Avro decoding happens in
 * the EventInbox rather than here, because a record that fails to decode must still reach the
 * dead-letter topic byte for byte; a deserializer that threw would lose it to Nest's error log.
 */
export class RawRecordDeserializer implements ConsumerDeserializer {
  deserialize(record: KafkaRecord): IncomingEvent {
    const data: IncomingMessage = {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      key: record.key,
      value: record.value,
      headers: record.headers ?? {},
    };
    return { pattern: record.topic, data };
  }
}
