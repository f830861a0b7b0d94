import { loadOrCreateDevKeys, type DevKeys } from './dev-keys';
import { devIdentitySettings } from './dev-identity-settings';
import { mintToken, type DevRole, type TokenRequest } from './mint-token';

const REUSE_FOR_MS = 30 * 60_000;
let keys: Promise<DevKeys> | undefined;
const minted = new Map<string, { token: Promise<string>; until: number }>();

/**
 * A token from the development issuer, for every local HTTP caller (tests, benchmarks, the demo,
 * tools): the one place they get one. Tokens are cached per caller and role for half their hour.
 */
export function devToken(sub: string, role: DevRole): Promise<string> {
  // The issuer's address is part of its tokens (iss): a chaos run's own issuer needs tokens of its own.
  const { issuer, audience } = devIdentitySettings();
  const key = `${issuer}|${audience}|${role}|${sub}`;
  const cached = minted.get(key);
  if (cached && cached.until > Date.now()) return cached.token;
  const token = mintDevToken({ sub, role });
  minted.set(key, { token, until: Date.now() + REUSE_FOR_MS });
  token.catch(() => minted.delete(key));
  return token;
}

/** Any token of the development issuer, uncached: expired ones or ones for another audience, too. */
export async function mintDevToken(request: TokenRequest): Promise<string> {
  const settings = devIdentitySettings();
  keys ??= loadOrCreateDevKeys(settings.keyDir);
  return mintToken(await keys, settings, request);
}

/** The operator every local tool acts as. */
export const DEV_OPERATOR = 'operator@example.com';
