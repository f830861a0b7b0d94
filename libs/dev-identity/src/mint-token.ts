import { SignJWT, type CryptoKey } from 'jose';
import { DEV_ALGORITHM, type DevKeys } from './dev-keys';

export type DevRole = 'customer' | 'operator';

export interface TokenRequest {
  /** The caller; for a customer, the customerId their orders carry. */
  sub: string;
  role: DevRole;
  /** Lifetime in seconds (default one hour); negative for an already expired token (tests). */
  ttlSeconds?: number;
  /** Tests override these to get tokens the apps must refuse. */
  audience?: string;
  issuer?: string;
}

/**
 * A signed access token as an OAuth 2.0 / OIDC issuer would hand out: iss, aud, sub, iat, exp,
 * and the platform role in the `roles` claim (what AUTH_ROLES_CLAIM reads by default).
 */
export function mintToken(
  keys: Pick<DevKeys, 'kid' | 'privateKey'>,
  defaults: { issuer: string; audience: string },
  { sub, role, ttlSeconds = 3_600, audience, issuer }: TokenRequest,
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ roles: [role] })
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: keys.kid, typ: 'JWT' })
    .setIssuer(issuer ?? defaults.issuer)
    .setAudience(audience ?? defaults.audience)
    .setSubject(sub)
    .setIssuedAt(ttlSeconds < 0 ? issuedAt + ttlSeconds - 60 : issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(keys.privateKey as CryptoKey);
}
