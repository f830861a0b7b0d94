import { isPermanent } from '../errors';

/**
 * What to do about a failure, by what caused it:
 * - `permanent`: the message itself is wrong (undecodable, refused by the domain, text PostgreSQL
 *   cannot store); it fails the same way every time, so it is dead-lettered at once.
 * - `unavailable`: a dependency is down (PostgreSQL, the registry, the broker); nothing is wrong with
 *   the message, so it waits for the dependency however long it takes and is never dead-lettered.
 * - `transient`: anything else (a deadlock, a handler's own hiccup); retried a bounded number of
 *   times, then dead-lettered, so a bug cannot stall a partition forever.
 */
export type FailureKind = 'permanent' | 'unavailable' | 'transient';

const UNAVAILABLE_CODES = new Set([
  // node's socket errors
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: shutting down, starting up, out of connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

// "database … is not currently accepting connections" (55000, a code too broad to list): the database
// was closed to new connections (ALLOW_CONNECTIONS false, as during maintenance) and will open again.
const UNAVAILABLE_MESSAGES =
  /is not currently accepting connections|Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed|Connection error|fetch failed|socket hang up/i;

export function failureKind(
  error: unknown,
  isPermanentForApp: (error: unknown) => boolean = () => false,
): FailureKind {
  if (isPermanent(error) || isPermanentForApp(error)) return 'permanent';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // PostgreSQL class 08 (connection exception) and the codes above: the server, not the message.
    if (code.startsWith('08') || UNAVAILABLE_CODES.has(code)) return 'unavailable';
    // Class 22 (data exception: a NUL byte, a value out of range) and NOT NULL / CHECK violations:
    // the same values fail the same way on every attempt.
    if (code.startsWith('22') || code === '23502' || code === '23514') return 'permanent';
  }
  const message = error instanceof Error ? error.message : String(error);
  if (UNAVAILABLE_MESSAGES.test(message)) return 'unavailable';
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause && cause !== error) {
    const causeKind = failureKind(cause, isPermanentForApp);
    if (causeKind !== 'transient') return causeKind;
  }
  return 'transient';
}
