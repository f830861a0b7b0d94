import { v7 as uuidv7 } from 'uuid';

/**
 * A new id for an event, an order, a payment: a UUIDv7, which begins with its creation time. Rows
 * keyed by such ids are inserted at the end of their B-tree indexes instead of all over them, so
 * the indexes' working set stays a few pages, where random UUIDv4s made PostgreSQL read index
 * pages back from disk on every insert into a large table (processed_events, the outbox).
 */
export function newId(): string {
  return uuidv7();
}
