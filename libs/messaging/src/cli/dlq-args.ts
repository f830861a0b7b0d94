import { parseArgs } from 'node:util';
import { APP_NAMES } from '@platform/config';

export const DLQ_USAGE = `usage:
  npm run dlq -- list <app|topic> [--json] [--decode]
  npm run dlq -- redrive <app|topic> [--event-id <id> ...] [--json]

  <app|topic>   an app (${APP_NAMES.join(', ')}) for its topic dead-letters.<app>, or a topic name
  list          every message in the dead-letter topic: origin, failure, when
    --json      one JSON object per line instead of a table (with all headers)
    --decode    also decode each value with the schema registry (JSON output shows the event)
  redrive       sends dead-lettered messages back to the topic they came from
    --event-id  only these events (repeatable); without it, everything not re-driven before`;

export type DlqCommand =
  | { command: 'list'; target: string; json: boolean; decode: boolean }
  | { command: 'redrive'; target: string; json: boolean; eventIds: string[] | undefined };

/** Wrong arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseDlqArgs(args: string[]): DlqCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        decode: { type: 'boolean', default: false },
        'event-id': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, target, ...extra] = positionals;
  if (command !== 'list' && command !== 'redrive')
    throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
  if (!target) throw new UsageError(`${command} needs an app or a dead-letter topic`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (command === 'list') {
    if (values['event-id']) throw new UsageError('--event-id applies to redrive only');
    return { command, target, json: values.json, decode: values.decode };
  }
  if (values.decode) throw new UsageError('--decode applies to list only');
  const eventIds = values['event-id'];
  if (eventIds?.some((id) => id.trim() === '')) throw new UsageError('--event-id needs a value');
  return { command, target, json: values.json, eventIds };
}
