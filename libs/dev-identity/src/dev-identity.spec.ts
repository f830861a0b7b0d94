import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startDevIssuer, type RunningDevIssuer } from './dev-issuer';
import { loadOrCreateDevKeys } from './dev-keys';
import { mintToken } from './mint-token';

let dir: string;
let issuer: RunningDevIssuer | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dev-identity-'));
});
afterEach(async () => {
  await issuer?.close();
  issuer = undefined;
  rmSync(dir, { recursive: true, force: true });
});

it('generates the signing key on first use, readable by its owner only, and keeps it afterwards', async () => {
  const first = await loadOrCreateDevKeys(dir);
  const again = await loadOrCreateDevKeys(dir);
  expect(again.kid).toBe(first.kid);
  expect(statSync(path.join(dir, 'signing-key.jwk.json')).mode & 0o077).toBe(0);
  expect(first.publicJwk).not.toHaveProperty('d');
});

it('two processes creating the key at once end up with the same key', async () => {
  const [a, b] = await Promise.all([loadOrCreateDevKeys(dir), loadOrCreateDevKeys(dir)]);
  expect(a.kid).toBe(b.kid);
});

it('serves discovery and a JWKS against which its tokens verify, with subject, role and audience', async () => {
  const keys = await loadOrCreateDevKeys(dir);
  issuer = await startDevIssuer({ port: 0, issuer: 'http://issuer.test', keys });
  const base = `http://127.0.0.1:${issuer.port}`;
  const discovery = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as Record<
    string,
    string
  >;
  expect(discovery).toMatchObject({
    issuer: 'http://issuer.test',
    jwks_uri: 'http://issuer.test/.well-known/jwks.json',
  });

  const token = await mintToken(
    keys,
    { issuer: 'http://issuer.test', audience: 'platform' },
    {
      sub: 'alice@example.com',
      role: 'customer',
    },
  );
  expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: keys.kid });
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${base}/.well-known/jwks.json`)), {
    issuer: 'http://issuer.test',
    audience: 'platform',
  });
  expect(payload).toMatchObject({ sub: 'alice@example.com', roles: ['customer'] });
  expect(payload.exp! - payload.iat!).toBe(3_600);
});

it('mints already expired tokens when asked (for tests of the refusal)', async () => {
  const keys = await loadOrCreateDevKeys(dir);
  const now = new Date('2026-01-01T12:00:00Z');
  const token = await mintToken(
    keys,
    { issuer: 'i', audience: 'a' },
    { sub: 's', role: 'operator', ttlSeconds: -60 },
    now,
  );
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
  expect(payload.exp).toBeLessThan(now.getTime() / 1000);
});
