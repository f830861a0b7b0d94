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

describe('parseEnvFile', () => {
  it('skips comments and blank lines and keeps empty values', () => {
    expect(parseEnvFile('# note\n\nA=1\nB=\nC=x=y\n')).toEqual({ A: '1', B: '', C: 'x=y' });
  });
});
