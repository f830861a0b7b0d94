import { backOff } from 'exponential-backoff';
import { RetriesExhaustedError, isPermanent } from '../errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };

/**
 * Runs `attempt` until it succeeds, with exponential backoff and full jitter between tries, so
 * consumers that failed together do not retry in lockstep. Permanent errors are not retried;
 * exhausting the attempts raises RetriesExhaustedError, itself permanent.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  onFailedAttempt: (error: unknown, attemptNumber: number) => void,
): Promise<T> {
  let attempts = 0;
  try {
    return await backOff(
      () => {
        attempts += 1;
        return attempt();
      },
      {
        numOfAttempts: policy.maxAttempts,
        startingDelay: policy.initialDelayMs,
        maxDelay: policy.maxDelayMs,
        jitter: 'full',
        retry: (error, attemptNumber) => {
          onFailedAttempt(error, attemptNumber);
          return !isPermanent(error);
        },
      },
    );
  } catch (error) {
    if (isPermanent(error)) throw error;
    throw new RetriesExhaustedError(attempts, error);
  }
}
