export { startPlatform } from './platform';
export type { Platform, StartPlatformOptions } from './platform';
export { platformApps, REPO_ROOT } from './platform-apps';
