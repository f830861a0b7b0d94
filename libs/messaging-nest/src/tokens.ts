export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const AVRO_CODEC = Symbol('AVRO_CODEC');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
/** The app's pg pool for HTTP requests: command transactions and Prisma's queries. */
export const DATABASE_POOL = Symbol('DATABASE_POOL');
/**
 * The consumer's and the relay's own pool, so that a burst of HTTP requests waiting for
 * connections never queues the consumer behind them (which would hold every saga hop back).
 */
export const MESSAGING_POOL = Symbol('MESSAGING_POOL');
