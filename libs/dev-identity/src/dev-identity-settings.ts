import { existsSync } from 'node:fs';
import path from 'node:path';
import { readLocalDefaults } from '@platform/config';

export const DEFAULT_AUDIENCE = 'kafka-saga-platform';

/** Where the development issuer listens and what its tokens say, from infra/local.env and the environment. */
export interface DevIdentitySettings {
  port: number;
  /** The iss claim of its tokens, and what the apps' AUTH_ISSUER must be. */
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Where its key pair lives: .local/dev-identity of the checkout unless DEV_IDENTITY_DIR says otherwise. */
  keyDir: string;
}

export function devIdentitySettings(env: NodeJS.ProcessEnv = process.env): DevIdentitySettings {
  const settings = { ...readLocalDefaults(), ...definedOnly(env) };
  const port = Number(settings['DEV_ISSUER_PORT'] ?? 3004);
  // The issuer's public address: in compose the apps reach it by service name, not localhost.
  const issuer = (settings['DEV_ISSUER_URL'] ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    issuer,
    audience: settings['DEV_ISSUER_AUDIENCE'] ?? DEFAULT_AUDIENCE,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    keyDir: settings['DEV_IDENTITY_DIR'] ?? path.join(checkoutRoot(), '.local', 'dev-identity'),
  };
}

/** The checkout this code runs from: the nearest directory up with infra/local.env. */
function checkoutRoot(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, 'infra', 'local.env'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
