import {
  devIdentitySettings,
  loadOrCreateDevKeys,
  startDevIssuer,
  type DevIdentitySettings,
} from '@platform/dev-identity';

/**
 * Whether the apps verify tokens against the development issuer: yes, unless the environment
 * names a real IdP (AUTH_ISSUER) or turns token checks off (AUTH_MODE=off, benchmarks only).
 */
export function usesDevIssuer(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['AUTH_ISSUER'] === undefined && env['AUTH_MODE'] !== 'off';
}

/** The apps' token settings for the development issuer; nothing when the environment has its own. */
export function devIssuerAppEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (!usesDevIssuer(env)) return {};
  const { issuer, audience, jwksUrl } = devIdentitySettings(env);
  return { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience, AUTH_JWKS_URL: jwksUrl };
}

/**
 * Serves the development issuer's JWKS for the apps (in this process, so it lives and dies with
 * the launcher), generating its key on first use. If the port already serves this checkout's key
 * (a second launcher, a test beside npm start), that one is used and left alone.
 */
export async function ensureDevIssuer(): Promise<{ settings: DevIdentitySettings; close(): Promise<void> }> {
  const settings = devIdentitySettings();
  const keys = await loadOrCreateDevKeys(settings.keyDir);
  try {
    const issuer = await startDevIssuer({ port: settings.port, issuer: settings.issuer, keys });
    return { settings, close: () => issuer.close() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (await servesKey(settings.jwksUrl, keys.kid)) return { settings, close: async () => undefined };
    throw new Error(
      `port ${settings.port} (DEV_ISSUER_PORT) is taken by something that is not this checkout's development issuer`,
    );
  }
}

async function servesKey(jwksUrl: string, kid: string): Promise<boolean> {
  try {
    const response = await fetch(jwksUrl, { signal: AbortSignal.timeout(2_000) });
    const { keys } = (await response.json()) as { keys?: { kid?: string }[] };
    return Boolean(keys?.some((key) => key.kid === kid));
  } catch {
    return false;
  }
}
