import { randomUUID } from 'node:crypto';

/** A name no other test run uses, so tests can share one broker and one database server. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
