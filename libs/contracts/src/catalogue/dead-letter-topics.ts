import { APP_NAMES, type AppName } from '@platform/config';
import { EVENT_DEFINITIONS } from './event-definitions';

/**
 * Where an app's consumers put messages that can never be handled: one topic per consuming app, so
 * an app's dead letters can be inspected and replayed without touching the others'. Values are the
 * original bytes (no schema: an undecodable message must still fit), the reasons travel in headers.
 */
export function deadLetterTopic(app: AppName): string {
  return `dead-letters.${app}`;
}

/** The apps that consume events, and so have a dead-letter topic. */
export const DEAD_LETTER_APPS: readonly AppName[] = APP_NAMES.filter((app) =>
  Object.values(EVENT_DEFINITIONS).some((definition) => definition.consumers.includes(app)),
);

export const DEAD_LETTER_PARTITIONS = 3;
