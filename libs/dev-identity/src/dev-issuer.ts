import { createServer, type Server } from 'node:http';
import { DEV_ALGORITHM, type DevKeys } from './dev-keys';

export interface RunningDevIssuer {
  url: string;
  /** The port it listens on (the one asked for, or the one given for 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * The development issuer's public face, what any OIDC provider serves: its discovery document and
 * its JWKS. It hands out no tokens over HTTP (there are no users to log in); people and tools mint
 * them with the same key (`npm run token`, devToken()).
 */
export function startDevIssuer({
  port,
  issuer,
  keys,
  host = '127.0.0.1',
}: {
  port: number;
  issuer: string;
  keys: DevKeys;
  host?: string;
}): Promise<RunningDevIssuer> {
  const jwksPath = '/.well-known/jwks.json';
  const discovery = JSON.stringify({
    issuer,
    jwks_uri: `${issuer}${jwksPath}`,
    id_token_signing_alg_values_supported: [DEV_ALGORITHM],
    token_endpoint_auth_methods_supported: ['none'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'roles'],
  });
  const jwks = JSON.stringify({ keys: [keys.publicJwk] });
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const body =
      request.method === 'GET' && path === jwksPath
        ? jwks
        : request.method === 'GET' && path === '/.well-known/openid-configuration'
          ? discovery
          : request.method === 'GET' && path === '/health'
            ? '{"status":"ok"}'
            : undefined;
    response.writeHead(body ? 200 : 404, {
      'content-type': 'application/json',
      'cache-control': 'max-age=300',
    });
    response.end(body ?? '{"error":"NOT_FOUND"}');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        url: issuer,
        port: typeof address === 'object' && address ? address.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
