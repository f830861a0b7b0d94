import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localEndpoints } from './endpoints';
import { parseEnvFile } from './local-defaults';

describe('localEndpoints', () => {
  it('uses the documented defaults from infra/local.env', () => {
    const endpoints = localEndpoints({});
    expect(endpoints.kafkaBrokers).toEqual(['localhost:9092']);
    expect(endpoints.schemaRegistryUrl).toBe('http://localhost:8081/apis/ccompat/v7');
    expect(endpoints.databaseUrl('order')).toBe('postgresql://postgres@127.0.0.1:5432/order');
    expect([
      endpoints.appPort('order'),
      endpoints.appPort('inventory'),
      endpoints.appPort('payment'),
      endpoints.appPort('notification'),
    ]).toEqual([3000, 3001, 3002, 3003]);
  });

  it('lets the environment override any default', () => {
    const endpoints = localEndpoints({
      KAFKA_BROKERS: 'a:1,b:2',
      SCHEMA_REGISTRY_URL: 'http://registry:8081',
      POSTGRES_PASSWORD: 's3cret/!',
      ORDER_PORT: '4000',
    });
    expect(endpoints.kafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(endpoints.schemaRegistryUrl).toBe('http://registry:8081');
    expect(endpoints.databaseUrl('x')).toBe('postgresql://postgres:s3cret%2F!@127.0.0.1:5432/x');
    expect(endpoints.appPort('order')).toBe(4000);
  });
});

describe('the local credentials of localEndpoints', () => {
  let varDir: string;
  beforeEach(() => {
    varDir = mkdtempSync(path.join(tmpdir(), 'endpoints-'));
    mkdirSync(path.join(varDir, 'secrets'));
    writeFileSync(
      path.join(varDir, 'secrets', 'credentials.env'),
      'KAFKA_PASSWORD_PAYMENT=pw-payment\nPOSTGRES_PASSWORD_ORDER=pw/order\n',
    );
  });
  afterEach(() => rmSync(varDir, { recursive: true, force: true }));

  it('give a principal SCRAM-SHA-512 over TLS with its generated password and the local CA', () => {
    expect(localEndpoints({ INFRA_VAR_DIR: varDir }).kafkaSecurity('payment')).toEqual({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: path.join(varDir, 'secrets', 'kafka-ca.pem'),
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'payment',
      KAFKA_SASL_PASSWORD: 'pw-payment',
    });
  });

  it('give no security with KAFKA_SECURITY=plaintext', () => {
    expect(
      localEndpoints({ INFRA_VAR_DIR: varDir, KAFKA_SECURITY: 'plaintext' }).kafkaSecurity('payment'),
    ).toEqual({
      KAFKA_SSL: 'false',
    });
  });

  it('name the missing secret and the command that generates it', () => {
    expect(() => localEndpoints({ INFRA_VAR_DIR: varDir }).kafkaSecurity('order')).toThrow(
      /KAFKA_PASSWORD_ORDER in .*credentials\.env: `npm run infra:up`/,
    );
  });

  it("connect an app as its own role, named after its database, with the role's password", () => {
    const endpoints = localEndpoints({ INFRA_VAR_DIR: varDir, APP_DATABASE_SUFFIX: '_b' });
    expect(endpoints.appDatabaseRole('order')).toBe('order_b_service');
    expect(endpoints.appDatabaseUrl('order')).toBe(
      'postgresql://order_b_service:pw%2Forder@127.0.0.1:5432/order_b',
    );
  });
});

describe('parseEnvFile', () => {
  it('skips comments and blank lines and keeps empty values', () => {
    expect(parseEnvFile('# note\n\nA=1\nB=\nC=x=y\n')).toEqual({ A: '1', B: '', C: 'x=y' });
  });
});
