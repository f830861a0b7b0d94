import avro from 'avsc';
import { testEvent, testEventSchema } from '../testing/messaging-fixture';

// Magic byte and schema id of the Confluent wire format, in front of every Avro body.
const WIRE_HEADER_BYTES = 5;

/**
 * The size of one benchmark event's Kafka value, exactly as AvroCodec encodes it (UUIDs and
 * timestamps have fixed lengths, so every event of the run has this size give or take a digit
 * of the key and sequence). Headers come on top; kafka-producer-perf-test sends none.
 */
export function benchRecordBytes(key = 'key-42', sequence = 100): number {
  const type = avro.Type.forSchema(testEventSchema() as avro.Schema);
  return WIRE_HEADER_BYTES + type.toBuffer(testEvent(key, sequence)).length;
}
