import { devIssuerAppEnv, usesDevIssuer } from './local-issuer';

describe('the apps’ token settings locally', () => {
  it('point at the development issuer when the environment names none', () => {
    expect(usesDevIssuer({})).toBe(true);
    expect(devIssuerAppEnv({ DEV_ISSUER_PORT: '4504' })).toEqual({
      AUTH_ISSUER: 'http://localhost:4504',
      AUTH_AUDIENCE: 'kafka-saga-platform',
      AUTH_JWKS_URL: 'http://localhost:4504/.well-known/jwks.json',
    });
  });

  it('are left to the environment when it names a real issuer, or turns checks off', () => {
    expect(usesDevIssuer({ AUTH_ISSUER: 'https://idp.example.com/realms/shop' })).toBe(false);
    expect(devIssuerAppEnv({ AUTH_ISSUER: 'https://idp.example.com/realms/shop' })).toEqual({});
    expect(usesDevIssuer({ AUTH_MODE: 'off' })).toBe(false);
  });
});
