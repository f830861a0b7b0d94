import { APP_NAMES, type AppName } from '@platform/config';
import { deadLetterTopic } from '@platform/contracts';

/** An app name stands for its dead-letter topic (dead-letters.<app>); anything else is taken as a topic name. */
export function deadLetterTopicFor(appOrTopic: string): string {
  return (APP_NAMES as readonly string[]).includes(appOrTopic)
    ? deadLetterTopic(appOrTopic as AppName)
    : appOrTopic;
}
