export { readLocalDefaults, parseEnvFile } from './local-defaults';
export { localEndpoints, APP_NAMES } from './endpoints';
export type { Endpoints, AppName } from './endpoints';
export { validateConfig, ConfigurationError } from './validate-config';
