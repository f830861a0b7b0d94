import { EventPipeline, type EventPipelineOptions } from './event-pipeline';
import { KafkaEventConsumer, type KafkaEventConsumerOptions } from './kafka-event-consumer';

export type StartEventConsumerOptions = EventPipelineOptions & Omit<KafkaEventConsumerOptions, 'pipeline'>;

/** A pipeline and the group member that feeds it, started: what a process without Nest (tools, tests, the benchmark) runs. */
export async function startEventConsumer(options: StartEventConsumerOptions): Promise<KafkaEventConsumer> {
  const consumer = new KafkaEventConsumer({ ...options, pipeline: new EventPipeline(options) });
  await consumer.start();
  return consumer;
}
