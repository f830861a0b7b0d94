/**
 * The development issuer as a process of its own (docker-compose's `issuer` service): serves the
 * discovery document and JWKS of the key in DEV_IDENTITY_DIR (generated there on first start)
 * on DEV_ISSUER_PORT, on every interface, until SIGTERM.
 */
import { devIdentitySettings } from '../dev-identity-settings';
import { startDevIssuer } from '../dev-issuer';
import { loadOrCreateDevKeys } from '../dev-keys';

async function main(): Promise<void> {
  const settings = devIdentitySettings();
  const keys = await loadOrCreateDevKeys(settings.keyDir);
  const issuer = await startDevIssuer({
    port: settings.port,
    issuer: settings.issuer,
    keys,
    host: '0.0.0.0',
  });
  console.log(
    JSON.stringify({
      msg: 'development issuer ready',
      issuer: settings.issuer,
      jwks: settings.jwksUrl,
      kid: keys.kid,
    }),
  );
  const stop = () => void issuer.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
