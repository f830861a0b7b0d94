import { createServer, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';

/**
 * An issuer for this library's tests: a key pair, its JWKS served over real HTTP on a free port,
 * and tokens signed with it (or, to be refused, with a stranger's key under the same key id).
 */
export class TestingIssuer {
  static readonly ISSUER = 'http://issuer.test';
  static readonly AUDIENCE = 'platform';

  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
    private readonly stranger: CryptoKey,
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestingIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return new TestingIssuer(server, privateKey, stranger, `http://127.0.0.1:${port}/jwks.json`);
  }

  settings(overrides: Record<string, unknown> = {}) {
    return {
      AUTH_MODE: 'jwt' as const,
      AUTH_ISSUER: TestingIssuer.ISSUER,
      AUTH_AUDIENCE: TestingIssuer.AUDIENCE,
      AUTH_JWKS_URL: this.jwksUrl,
      AUTH_ROLES_CLAIM: 'roles',
      AUTH_SUBJECT_CLAIM: 'sub',
      AUTH_ALGORITHMS: ['RS256', 'ES256'],
      AUTH_CLOCK_TOLERANCE_S: 5,
      ...overrides,
    };
  }

  token(
    claims: JWTPayload & { roles?: unknown } = {},
    { expiresIn = 3_600, signedBy = 'issuer' }: { expiresIn?: number; signedBy?: 'issuer' | 'stranger' } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: ['customer'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(claims.iss ?? TestingIssuer.ISSUER)
      .setAudience(claims.aud ?? TestingIssuer.AUDIENCE)
      .setSubject(claims.sub ?? 'alice@example.com')
      .setIssuedAt(now + Math.min(0, expiresIn) - 60)
      .setExpirationTime(now + expiresIn)
      .sign(signedBy === 'issuer' ? this.privateKey : this.stranger);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
