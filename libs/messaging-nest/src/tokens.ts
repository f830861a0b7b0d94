export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const AVRO_CODEC = Symbol('AVRO_CODEC');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const EVENT_INBOX = Symbol('EVENT_INBOX');
export const OUTBOX_POOL = Symbol('OUTBOX_POOL');
