import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';

export const DEV_ALGORITHM = 'RS256';
const KEY_FILE = 'signing-key.jwk.json';

export interface DevKeys {
  kid: string;
  privateKey: CryptoKey;
  /** What the JWKS endpoint publishes: the public half only. */
  publicJwk: JWK;
}

/**
 * The development issuer's signing key: generated on first use into `dir` (git-ignored, readable
 * by its owner only), the same key afterwards, so tokens stay valid across restarts. Never a
 * production key: a real IdP keeps its keys to itself.
 */
export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys> {
  const file = path.join(dir, KEY_FILE);
  if (!existsSync(file)) await createKeyFile(dir, file);
  const privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  return {
    kid: privateJwk.kid!,
    privateKey: (await importJWK(privateJwk, DEV_ALGORITHM)) as CryptoKey,
    publicJwk: { ...publicJwk, use: 'sig', alg: DEV_ALGORITHM },
  };
}

async function createKeyFile(dir: string, file: string): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  // Two processes may start at once (npm start and a test): the first link wins, the other reads it.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(jwk), { mode: 0o600 });
  try {
    linkSync(temporary, file);
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}
