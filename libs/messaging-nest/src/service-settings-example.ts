/**
 * A complete environment for one app's common settings (see loadServiceConfig), for tests of an
 * app's own settings: they add or override only what they are about.
 */
export function exampleServiceEnv(app: string, port: number): Record<string, string> {
  return {
    PORT: String(port),
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${app}`,
    KAFKA_BROKERS: 'localhost:9092',
    KAFKA_CLIENT_ID: `${app}-service`,
    SCHEMA_REGISTRY_URL: 'http://localhost:8081/apis/ccompat/v7',
    AUTH_ISSUER: 'http://localhost:3004',
    AUTH_AUDIENCE: 'kafka-saga-platform',
    AUTH_JWKS_URL: 'http://localhost:3004/.well-known/jwks.json',
  };
}
