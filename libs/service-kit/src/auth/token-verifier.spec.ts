import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError, IssuerUnavailableError } from './auth-errors';
import { TestingIssuer } from '../testing/testing-issuer';
import { TokenVerifier } from './token-verifier';

let issuer: TestingIssuer;
beforeAll(async () => {
  issuer = await TestingIssuer.start();
});
afterAll(() => issuer.stop());

async function refusal(verifier: TokenVerifier, token: string): Promise<unknown> {
  return verifier.verify(token).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('TokenVerifier', () => {
  it('accepts a token of the configured issuer and audience, with its subject and platform roles', async () => {
    const verifier = new TokenVerifier(issuer.settings());
    const token = await issuer.token({ sub: 'alice@example.com', roles: ['customer', 'offline_access'] });
    expect(await verifier.verify(token)).toEqual({ subject: 'alice@example.com', roles: ['customer'] });
  });

  it.each([
    ['an expired token', () => issuer.token({}, { expiresIn: -120 }), 'TOKEN_EXPIRED'],
    [
      'a token signed by another key',
      () => issuer.token({}, { signedBy: 'stranger' }),
      'TOKEN_SIGNATURE_INVALID',
    ],
    ['a token for another audience', () => issuer.token({ aud: 'someone-else' }), 'TOKEN_WRONG_AUDIENCE'],
    ['a token of another issuer', () => issuer.token({ iss: 'http://evil.test' }), 'TOKEN_WRONG_ISSUER'],
    ['something that is not a JWT', async () => 'not.a.jwt', 'TOKEN_MALFORMED'],
  ])('refuses %s, saying why', async (_name, token, reason) => {
    const error = await refusal(new TokenVerifier(issuer.settings()), await token());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toBe(reason);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        iss: TestingIssuer.ISSUER,
        aud: TestingIssuer.AUDIENCE,
        sub: 'x',
        roles: ['operator'],
        exp: 9e9,
      }),
    ).toString('base64url');
    const error = await refusal(new TokenVerifier(issuer.settings()), `${header}.${body}.`);
    expect((error as AuthenticationError).reason).toBe('TOKEN_MALFORMED');
  });

  it('reads roles from a nested claim, as Keycloak writes them (realm_access.roles)', async () => {
    const verifier = new TokenVerifier(issuer.settings({ AUTH_ROLES_CLAIM: 'realm_access.roles' }));
    const token = await issuer.token({
      roles: undefined,
      realm_access: { roles: ['operator', 'uma_authorization'] },
    });
    expect((await verifier.verify(token)).roles).toEqual(['operator']);
  });

  it('takes the caller from another claim when configured (an IdP whose sub is an opaque id)', async () => {
    const verifier = new TokenVerifier(issuer.settings({ AUTH_SUBJECT_CLAIM: 'email' }));
    const token = await issuer.token({ sub: '6f1c…', email: 'alice@example.com' });
    expect((await verifier.verify(token)).subject).toBe('alice@example.com');
  });

  it('says the issuer is unavailable, not that the token is bad, when the keys cannot be fetched', async () => {
    const verifier = new TokenVerifier(issuer.settings({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }));
    expect(await refusal(verifier, await issuer.token())).toBeInstanceOf(IssuerUnavailableError);
  });

  describe('remembering verified tokens', () => {
    /** The issuer's keys, counting how often the verifier needed them (once per signature check). */
    function countingKeys(): { keys: JWTVerifyGetKey; checks: () => number } {
      const remote = createRemoteJWKSet(new URL(issuer.settings().AUTH_JWKS_URL));
      let checks = 0;
      return {
        keys: (header, token) => {
          checks += 1;
          return remote(header, token);
        },
        checks: () => checks,
      };
    }

    it('checks the signature of a token once and answers its repeats from memory', async () => {
      const { keys, checks } = countingKeys();
      const verifier = new TokenVerifier(issuer.settings(), keys);
      const token = await issuer.token({ sub: 'alice@example.com', roles: ['customer'] });
      for (let i = 0; i < 3; i++)
        expect(await verifier.verify(token)).toEqual({ subject: 'alice@example.com', roles: ['customer'] });
      expect(checks()).toBe(1);
    });

    it('still refuses a token that differs in one character from a remembered one', async () => {
      const verifier = new TokenVerifier(issuer.settings());
      const token = await issuer.token({ roles: ['customer'] });
      await verifier.verify(token);
      const [header, body, signature] = token.split('.');
      const forged = Buffer.from(body!, 'base64url').toString().replace('"customer"', '"operator"');
      const error = await refusal(
        verifier,
        `${header}.${Buffer.from(forged).toString('base64url')}.${signature}`,
      );
      expect((error as AuthenticationError).reason).toBe('TOKEN_SIGNATURE_INVALID');
    });

    it('forgets a token at its exp: afterwards it is refused as expired', async () => {
      let now = Date.now();
      const verifier = new TokenVerifier(issuer.settings(), undefined, () => now);
      const token = await issuer.token({}, { expiresIn: 30 });
      await verifier.verify(token);
      now += 30_000 + 5_000 + 1_000; // past exp and the clock tolerance
      const error = await refusal(verifier, token);
      expect((error as AuthenticationError).reason).toBe('TOKEN_EXPIRED');
    });

    it('checks again once AUTH_VERIFIED_TOKEN_TTL_S has passed, and every time when it is 0', async () => {
      let now = Date.now();
      const remembering = countingKeys();
      const verifier = new TokenVerifier(
        issuer.settings({ AUTH_VERIFIED_TOKEN_TTL_S: 60 }),
        remembering.keys,
        () => now,
      );
      const token = await issuer.token();
      await verifier.verify(token);
      now += 61_000;
      await verifier.verify(token);
      expect(remembering.checks()).toBe(2);

      const forgetting = countingKeys();
      const everyTime = new TokenVerifier(issuer.settings({ AUTH_VERIFIED_TOKEN_TTL_S: 0 }), forgetting.keys);
      await everyTime.verify(token);
      await everyTime.verify(token);
      expect(forgetting.checks()).toBe(2);
    });
  });
});
