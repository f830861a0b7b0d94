/**
 * Why a request's credentials were refused; each becomes a 401 whose body names the reason, and a
 * `WWW-Authenticate: Bearer` header as RFC 6750 asks.
 */
export type AuthFailureReason =
  | 'TOKEN_MISSING'
  | 'TOKEN_MALFORMED'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_SIGNATURE_INVALID'
  | 'TOKEN_WRONG_ISSUER'
  | 'TOKEN_WRONG_AUDIENCE'
  | 'TOKEN_CLAIMS_INVALID';

export class AuthenticationError extends Error {
  constructor(
    readonly reason: AuthFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** The issuer's keys could not be had (down, slow, answering garbage): not the caller's fault, a 503. */
export class IssuerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuerUnavailableError';
  }
}
