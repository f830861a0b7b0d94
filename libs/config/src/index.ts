export { readLocalDefaults, parseEnvFile } from './local-defaults';
export { localEndpoints, APP_NAMES } from './endpoints';
export type { Endpoints, AppName } from './endpoints';
export { validateConfig, ConfigurationError } from './validate-config';
export { findRepoRoot } from './local-defaults';
export { localSecrets } from './local-secrets';
export type { LocalSecrets } from './local-secrets';
export { kafkaClientSecurity, kafkaSecurityFromEnv, hasExplicitKafkaSecurity } from './kafka-security';
export type { KafkaPrincipal, KafkaSecuritySettings, KafkaClientSecurity } from './kafka-security';
