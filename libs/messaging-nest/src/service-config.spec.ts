import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, kafkaClientSecurity } from '@platform/config';
import { exampleServiceEnv } from './service-settings-example';
import { z } from 'zod';
import { loadServiceConfig } from './service-config';

const valid = exampleServiceEnv('order', 3000);

describe('loadServiceConfig', () => {
  describe('passwords in files (the secrets a container has mounted)', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'service-config-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const secretFile = (name: string, content: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    };

    it('puts the first line of DATABASE_PASSWORD_FILE into DATABASE_URL, URL-encoded', () => {
      const config = loadServiceConfig({
        ...valid,
        DATABASE_URL: 'postgresql://order_service@postgres:5432/order',
        DATABASE_PASSWORD_FILE: secretFile('db.password', 'p@ss/word\n'),
      });
      expect(config.DATABASE_URL).toBe('postgresql://order_service:p%40ss%2Fword@postgres:5432/order');
      expect(new URL(config.DATABASE_URL).password).toBe('p%40ss%2Fword');
    });

    it('accepts KAFKA_SASL_PASSWORD_FILE in place of KAFKA_SASL_PASSWORD, and the client logs in with its content', () => {
      const config = loadServiceConfig({
        ...valid,
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'order',
        KAFKA_SASL_PASSWORD_FILE: secretFile('kafka.password', 's3cret'),
      });
      expect(kafkaClientSecurity(config).sasl).toEqual({
        mechanism: 'scram-sha-512',
        username: 'order',
        password: 's3cret',
      });
    });

    it('names a password file that does not exist', () => {
      expect(() =>
        loadServiceConfig({
          ...valid,
          DATABASE_PASSWORD_FILE: path.join(dir, 'missing'),
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: 'order',
          KAFKA_SASL_PASSWORD_FILE: path.join(dir, 'missing'),
        }),
      ).toThrow(/DATABASE_PASSWORD_FILE: no such file[\s\S]*KAFKA_SASL_PASSWORD_FILE: no such file/);
    });
  });

  it('parses a complete environment with defaults filled in', () => {
    expect(loadServiceConfig(valid)).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info', KAFKA_SSL: 'false' });
  });

  it('names every missing or malformed variable at once', () => {
    let error: unknown;
    try {
      loadServiceConfig({
        ...valid,
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: undefined,
        KAFKA_SASL_MECHANISM: 'plain',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('KAFKA_BROKERS is required but not set');
    expect(message).toContain('KAFKA_SASL_MECHANISM');
  });

  it('refuses to start without the token issuer, audience and JWKS URL, naming each', () => {
    let error: unknown;
    try {
      loadServiceConfig({
        ...valid,
        AUTH_ISSUER: undefined,
        AUTH_AUDIENCE: undefined,
        AUTH_JWKS_URL: 'ftp://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('AUTH_ISSUER is required but not set');
    expect(message).toContain('AUTH_AUDIENCE is required but not set');
    expect(message).toContain('AUTH_JWKS_URL');
  });

  it('reads the roles claim and accepted algorithms, and needs no issuer with AUTH_MODE=off', () => {
    expect(
      loadServiceConfig({
        ...valid,
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_ALGORITHMS: 'RS256, PS256',
      }),
    ).toMatchObject({
      AUTH_MODE: 'jwt',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_ALGORITHMS: ['RS256', 'PS256'],
    });
    const { AUTH_ISSUER: _i, AUTH_AUDIENCE: _a, AUTH_JWKS_URL: _j, ...withoutIssuer } = valid;
    expect(loadServiceConfig({ ...withoutIssuer, AUTH_MODE: 'off' })).toMatchObject({ AUTH_MODE: 'off' });
  });

  it('names a missing SASL password and a CA file that does not exist', () => {
    const start = () =>
      loadServiceConfig({
        ...valid,
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: '/nowhere/kafka-ca.pem',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'order',
      });
    expect(start).toThrow(/KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required/);
    expect(start).toThrow(/KAFKA_SSL_CA_FILE.*no such file/);
  });

  it("validates the app's own extra settings too", () => {
    const extra = z.object({ SMTP_URL: z.url().optional() });
    expect(() => loadServiceConfig({ ...valid, SMTP_URL: 'not a url' }, extra)).toThrow(/SMTP_URL/);
  });
});
