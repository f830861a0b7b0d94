import type { TokenVerifier } from './token-verifier';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

export interface AuthOptions {
  /** Absent with AUTH_MODE=off. */
  verifier?: TokenVerifier;
  /** Named in WWW-Authenticate. */
  realm: string;
  /** Limits per caller that routes name with @RateLimitPerCaller(name). */
  rateLimits: Record<string, RateLimit>;
}
