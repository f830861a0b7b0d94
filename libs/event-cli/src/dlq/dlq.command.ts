/** `events dlq list|redrive`: the apps' dead-letter topics. */
import { APP_NAMES } from '@platform/config';
import type { Command } from 'commander';
import type { CommandContext } from '../cli/command-context';
import {
  deadLetterJsonLines,
  deadLetterTopicFor,
  deadLetterTopicsFor,
  deadLettersText,
  listDeadLetterTopics,
  redriveText,
  redriveTopic,
} from './dead-letter-commands';

export function addDlqCommand(program: Command, context: CommandContext): void {
  const dlq = program
    .command('dlq')
    .summary('list and re-drive dead-lettered messages')
    .description(
      "Inspect the apps' dead-letter topics and send their messages back once the cause is fixed.",
    );
  const appHelp = `an app (${APP_NAMES.join(', ')}) for its topic dead-letters.<app>, or a dead-letter topic's name`;

  dlq
    .command('list')
    .summary("the messages in an app's dead-letter topic (every app's when none is named)")
    .description(
      'Every message in a dead-letter topic: where it came from, the error it failed with, when, and how often it was re-driven.',
    )
    .argument('[app]', `${appHelp}; every consuming app's when none`)
    .option('--json', 'one JSON object per message (all headers, the value as base64) instead of a table')
    .option(
      '--decode',
      'also decode each value with the schema registry (the JSON output then shows the event)',
    )
    .action(async (app: string | undefined, options: { json?: boolean; decode?: boolean }) => {
      const { kafka, codec } = await context.connected({ decode: options.decode ?? false });
      const listing = await listDeadLetterTopics({
        kafka,
        topics: deadLetterTopicsFor(app),
        ...(options.decode ? { codec } : {}),
      });
      if (options.json) for (const json of deadLetterJsonLines(listing)) context.line(json);
      else context.line(deadLettersText(listing, context.io.colors));
    });

  dlq
    .command('redrive')
    .summary('send dead-lettered messages back to the topic they came from')
    .description(
      'Send dead-lettered messages back, unchanged, to the topic they came from; the consuming app then processes ' +
        'them like any other message. Exits 1 if an --event-id is not in the topic.',
    )
    .argument('<app>', appHelp)
    .option(
      '--event-id <eventId>',
      'only this event (repeat the option for several); without it, every message not re-driven before',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'one JSON object per re-driven message instead of a table')
    .action(async (app: string, options: { eventId?: string[]; json?: boolean }) => {
      const { kafka } = await context.connected({ decode: false });
      const outcome = await redriveTopic({
        kafka,
        topic: deadLetterTopicFor(app),
        ...(options.eventId ? { eventIds: options.eventId } : {}),
      });
      if (options.json) for (const r of outcome.redriven) context.line(JSON.stringify(r));
      else context.line(redriveText(outcome, options.eventId !== undefined));
      if (outcome.missing.length > 0) {
        if (options.json) context.io.stderr(`not found in ${outcome.topic}: ${outcome.missing.join(', ')}\n`);
        context.fail();
      }
    });
}
