import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { AuthenticationError, IssuerUnavailableError } from './auth-errors';
import type { AuthSettings } from './auth-settings';
import { principalFromClaims, type Principal } from './principal';

/** How long a JWKS request may take before the request it serves answers 503. */
const JWKS_TIMEOUT_MS = 3_000;

/** Distinct tokens remembered at most; a customer reuses one token for many requests. */
const VERIFIED_TOKENS_MAX = 10_000;

export type TokenVerifierSettings = Required<
  Pick<AuthSettings, 'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'AUTH_JWKS_URL'>
> &
  Pick<
    AuthSettings,
    'AUTH_ROLES_CLAIM' | 'AUTH_SUBJECT_CLAIM' | 'AUTH_ALGORITHMS' | 'AUTH_CLOCK_TOLERANCE_S'
  > &
  Partial<Pick<AuthSettings, 'AUTH_VERIFIED_TOKEN_TTL_S'>>;

/**
 * Verifies bearer tokens against the issuer's published keys (fetched once, cached, and fetched
 * again when a token names a key id the cache lacks, so the IdP can rotate keys): signature, an
 * allowed algorithm, issuer, audience, expiry and not-before. Only a token that passes all of them
 * yields a principal.
 *
 * A token that passed is remembered, byte for byte, for AUTH_VERIFIED_TOKEN_TTL_S and never past
 * its own exp: the signature check was the largest single cost of a POST in the order service (profiled
 * with --cpu-prof under bench:orders), and a client sends the same token with every request.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new LRUCache<string, { principal: Principal; validUntilMs: number }>({
    max: VERIFIED_TOKENS_MAX,
  });
  private readonly rememberMs: number;

  constructor(
    private readonly settings: TokenVerifierSettings,
    keys?: JWTVerifyGetKey,
    private readonly now: () => number = Date.now,
  ) {
    this.keys =
      keys ?? createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL), { timeoutDuration: JWKS_TIMEOUT_MS });
    this.rememberMs = (settings.AUTH_VERIFIED_TOKEN_TTL_S ?? 60) * 1000;
  }

  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const remembered = this.verified.get(token);
    if (remembered && remembered.validUntilMs > now) return remembered.principal;
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, this.keys, {
        issuer: this.settings.AUTH_ISSUER,
        audience: this.settings.AUTH_AUDIENCE,
        algorithms: this.settings.AUTH_ALGORITHMS,
        clockTolerance: this.settings.AUTH_CLOCK_TOLERANCE_S,
        requiredClaims: ['exp'],
        currentDate: new Date(now),
      }));
    } catch (error) {
      this.verified.delete(token);
      throw refusal(error);
    }
    const principal = principalFromClaims(claims, {
      subjectClaim: this.settings.AUTH_SUBJECT_CLAIM,
      rolesClaim: this.settings.AUTH_ROLES_CLAIM,
    });
    if ('problem' in principal) throw new AuthenticationError('TOKEN_CLAIMS_INVALID', principal.problem);
    const validUntilMs = Math.min(now + this.rememberMs, (claims['exp'] as number) * 1000);
    if (validUntilMs > now) this.verified.set(token, { principal: Object.freeze(principal), validUntilMs });
    return principal;
  }
}

/** jose's errors, as the caller should read them; what is not about the token is about the issuer. */
function refusal(error: unknown): Error {
  if (error instanceof errors.JWTExpired)
    return new AuthenticationError('TOKEN_EXPIRED', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return new AuthenticationError(
          'TOKEN_WRONG_AUDIENCE',
          'the token is not meant for this platform (aud)',
        );
      case 'iss':
        return new AuthenticationError('TOKEN_WRONG_ISSUER', 'the token comes from another issuer (iss)');
      case 'nbf':
        return new AuthenticationError('TOKEN_NOT_YET_VALID', 'the token is not valid yet (nbf)');
      default:
        return new AuthenticationError(
          'TOKEN_CLAIMS_INVALID',
          `the token's ${error.claim} claim ${error.reason}`,
        );
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return new AuthenticationError(
      'TOKEN_SIGNATURE_INVALID',
      'the token is not signed by a key the issuer publishes',
    );
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKSMultipleMatchingKeys
  )
    return new AuthenticationError(
      'TOKEN_MALFORMED',
      `the token is not a usable JWT: ${(error as Error).message}`,
    );
  return new IssuerUnavailableError(
    `the issuer's signing keys could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
  );
}
