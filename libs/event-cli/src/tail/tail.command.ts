/** `events tail`: follow saga events, decoded, filtered, as JSON lines or --pretty. */
import { type Command, InvalidArgumentError } from 'commander';
import type { CommandContext } from '../cli/command-context';
import { resolveTopics } from '../cli/resolve-topics';
import { SAGA_TOPICS } from '../trace/read-order-events';
import { eventJsonLine, eventPrettyLine } from './format-event';
import { tailEvents } from './tail-events';

interface TailOptions {
  fromBeginning?: boolean;
  order?: string;
  correlation?: string;
  max?: number;
  pretty?: boolean;
}

export function addTailCommand(program: Command, context: CommandContext): void {
  program
    .command('tail')
    .summary('follow saga events, decoded, as JSON lines or --pretty')
    .description(
      'Follow events as they are published, decoded from Avro with the writer schema. Prints one JSON object per ' +
        'line: {topic, partition, offset, timestamp, key, envelope, payload} (or decodeError for a message that ' +
        'cannot be decoded). Follows until Ctrl-C or --max.',
    )
    .argument(
      '[topics...]',
      'saga topics or event types to follow, e.g. orders.order-placed or OrderPlaced (any case); every saga topic when none',
    )
    .option(
      '--from-beginning',
      'start at the oldest message each partition still holds (default: only new messages)',
    )
    .option('--order <orderId>', "only events of this order (the payload's orderId)")
    .option(
      '--correlation <correlationId>',
      "only events of this request flow (the envelope's correlationId)",
    )
    .option('--max <n>', 'stop after n matching events, e.g. in scripts and tests', positiveInteger)
    .option('--pretty', 'one coloured line per event for people instead of JSON')
    .action(async (names: string[], options: TailOptions) => {
      const topics = resolveTopics(names);
      const { kafka, codec } = await context.connected();
      const filter = {
        ...(options.order === undefined ? {} : { orderId: options.order }),
        ...(options.correlation === undefined ? {} : { correlationId: options.correlation }),
      };
      await tailEvents({
        kafka,
        codec,
        topics,
        fromBeginning: options.fromBeginning ?? false,
        filter,
        ...(options.max === undefined ? {} : { max: options.max }),
        ...(context.io.signal ? { signal: context.io.signal } : {}),
        onReady: () => {
          if (options.pretty)
            context.io.stderr(
              context.io.colors.dim(
                `Following ${topics.length === SAGA_TOPICS.length ? 'every saga topic' : topics.join(', ')} ` +
                  `${options.fromBeginning ? 'from the beginning' : 'from now on'}; Ctrl-C stops.\n`,
              ),
            );
        },
        onEvent: (record) =>
          context.line(options.pretty ? eventPrettyLine(record, context.io.colors) : eventJsonLine(record)),
      });
    });
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}
