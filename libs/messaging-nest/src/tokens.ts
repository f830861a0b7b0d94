export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const AVRO_CODEC = Symbol('AVRO_CODEC');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
/** The app's one pg pool: handlers' transactions, the relay, and Prisma's queries all draw from it. */
export const DATABASE_POOL = Symbol('DATABASE_POOL');
