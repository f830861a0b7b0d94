import type { IHeaders } from 'kafkajs';

/** A Kafka record as it arrived, before decoding; what the dead-letter topic preserves byte for byte. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}
