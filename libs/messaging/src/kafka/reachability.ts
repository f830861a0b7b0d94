/**
 * Asked before any Kafka call, because kafkajs spends its whole retry budget (close to a minute)
 * before reporting an absent broker, and then without saying which one.
 */
import { connect } from 'node:net';

/** Something the CLI needs is not answering; the message says what, where, and what to try. */
export class UnreachableError extends Error {
  readonly code = 'UNREACHABLE';
  constructor(message: string) {
    super(message);
    this.name = 'UnreachableError';
  }
}

/** A plain TCP connect to each bootstrap broker; one answering is enough. */
export async function assertBrokerReachable(brokers: readonly string[], timeoutMs = 3_000): Promise<void> {
  const failures: string[] = [];
  for (const broker of brokers) {
    const separator = broker.lastIndexOf(':');
    const failure = await tryConnect(
      broker.slice(0, separator),
      Number(broker.slice(separator + 1)),
      timeoutMs,
    );
    if (failure === undefined) return;
    failures.push(`${broker}: ${failure}`);
  }
  throw new UnreachableError(
    `Kafka is not reachable (${failures.join('; ')}). Is it running? Check with \`npm run infra:status\`, or point KAFKA_BROKERS at a running broker.`,
  );
}

/** Any HTTP answer counts (a 401 is the registry speaking); only silence does not. */
export async function assertRegistryReachable(url: string, timeoutMs = 3_000): Promise<void> {
  try {
    await fetch(`${url.replace(/\/$/, '')}/subjects`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const { cause } = error as { cause?: { code?: string; message?: string } };
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new UnreachableError(
      `The schema registry is not reachable at ${url} (${reason}). Is it running? Check with \`npm run infra:status\`, or set SCHEMA_REGISTRY_URL.`,
    );
  }
}

function tryConnect(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve(`no answer within ${timeoutMs} ms`);
    });
    socket.once('connect', () => {
      socket.end();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
