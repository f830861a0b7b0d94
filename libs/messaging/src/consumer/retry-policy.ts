import { backOff } from 'exponential-backoff';
import { RetriesExhaustedError } from '../errors';
import type { FailureKind } from './failure-kind';

export interface RetryPolicy {
  /** Attempts in all, the first included, for failures that are neither permanent nor an outage. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };

export interface RetryHooks {
  kindOf(error: unknown): FailureKind;
  /** Told of every failed attempt, with the attempt's number (1 for the first) and what happens next. */
  onFailedAttempt(error: unknown, attempt: number, kind: FailureKind): void;
  /** Asked before each new attempt; false gives up without a verdict (the consumer is stopping or lost the partition). */
  shouldContinue(): boolean;
}

export class RetryAbandonedError extends Error {
  constructor(readonly lastError: unknown) {
    super('Retrying abandoned: the consumer is stopping or no longer owns the partition', {
      cause: lastError,
    });
  }
}

/**
 * Runs `attempt` until it succeeds, with exponential backoff and full jitter between tries, so
 * consumers that failed together do not retry in lockstep. A permanent failure is thrown at once;
 * a transient one is retried until `maxAttempts` (counting `attemptsSoFar` already made) and then
 * raised as RetriesExhaustedError, itself permanent; an outage of a dependency is retried for as long
 * as it lasts, without counting against the attempts.
 */
export async function retryUntilSettled<T>(
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  hooks: RetryHooks,
  attemptsSoFar = 0,
): Promise<T> {
  let attempts = attemptsSoFar;
  let transientAttempts = attemptsSoFar;
  let lastError: unknown;
  let verdict: 'exhausted' | 'permanent' | 'abandoned' | undefined;
  try {
    return await backOff(
      () => {
        attempts += 1;
        return attempt();
      },
      {
        numOfAttempts: Number.MAX_SAFE_INTEGER,
        startingDelay: policy.initialDelayMs,
        maxDelay: policy.maxDelayMs,
        jitter: 'full',
        retry: (error) => {
          lastError = error;
          const kind = hooks.kindOf(error);
          if (kind === 'transient') transientAttempts += 1;
          hooks.onFailedAttempt(error, attempts, kind);
          if (kind === 'permanent') verdict = 'permanent';
          else if (kind === 'transient' && transientAttempts >= policy.maxAttempts) verdict = 'exhausted';
          else if (!hooks.shouldContinue()) verdict = 'abandoned';
          return verdict === undefined;
        },
      },
    );
  } catch (error) {
    if (verdict === 'exhausted') throw new RetriesExhaustedError(transientAttempts, lastError);
    if (verdict === 'abandoned') throw new RetryAbandonedError(lastError);
    throw error;
  }
}
