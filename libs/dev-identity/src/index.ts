export { devIdentitySettings, DEFAULT_AUDIENCE } from './dev-identity-settings';
export type { DevIdentitySettings } from './dev-identity-settings';
export { loadOrCreateDevKeys, DEV_ALGORITHM } from './dev-keys';
export type { DevKeys } from './dev-keys';
export { mintToken } from './mint-token';
export type { DevRole, TokenRequest } from './mint-token';
export { startDevIssuer } from './dev-issuer';
export type { RunningDevIssuer } from './dev-issuer';
export { devToken, mintDevToken, DEV_OPERATOR } from './dev-tokens';
