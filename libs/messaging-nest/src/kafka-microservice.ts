import { Transport, type KafkaOptions } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { kafkaClientConfig, type KafkaSettings, type Logger } from '@platform/messaging';
import { RawRecordDeserializer } from './raw-record.deserializer';

/**
 * Options for Nest's Kafka transport: the app's own consumer group, raw records in (keepBinary),
 * and offsets committed by EventConsumer after each message, never automatically.
 */
export function kafkaMicroserviceOptions(
  settings: KafkaSettings,
  groupId: string,
  logger: Logger,
): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: kafkaClientConfig(settings, logger),
      consumer: { groupId, allowAutoTopicCreation: false },
      // Nest opens a producer of its own (for replies, unused here); no legacy partitioner for it.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
      // Partitions are independent (ordering is per key, hence per partition), so each gets its own
      // lane; within a partition messages still go one at a time.
      run: { autoCommit: false, partitionsConsumedConcurrently: 3 },
      parser: { keepBinary: true },
      deserializer: new RawRecordDeserializer(),
    },
  };
}
