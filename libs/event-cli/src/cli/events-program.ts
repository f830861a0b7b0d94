/**
 * `npm run events -- <command>`: the program, its commands and the exit codes. Runs in-process with
 * its output and environment passed in, so tests drive the same code path as the terminal.
 * Exit codes: 0 done, 1 failed (or nothing found), 2 bad usage.
 */
import type { KafkaSettings } from '@platform/messaging';
import { Command, CommanderError } from 'commander';
import { type CliConnection, connect, explainFailure, settingsFromEnv } from '../connection/cli-connection';
import { addDlqCommand } from '../dlq/dlq.command';
import { addTailCommand } from '../tail/tail.command';
import { addTraceCommand } from '../trace/trace.command';
import type { CliIo, CommandContext } from './command-context';
import { UnknownTopicError } from './resolve-topics';

export type { CliIo } from './command-context';

const EXAMPLES = `
Examples:
  npm run events -- tail --pretty                         every saga event from now on
  npm run events -- tail OrderPlaced orders.order-cancelled --from-beginning
  npm run events -- tail --order <orderId> --from-beginning --max 6
  npm run events -- trace <orderId>
  npm run events -- dlq list
  npm run events -- dlq redrive inventory --event-id <eventId>

Reads KAFKA_BROKERS and SCHEMA_REGISTRY_URL (defaults from infra/local.env).
Exit codes: 0 done, 1 failed or nothing found, 2 bad usage.`;

/** Runs one command line (the arguments after `events`); resolves with the exit code. */
export async function runEvents(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  // Settings are read on first use, so `--help` works whatever the environment holds.
  let settings: KafkaSettings | undefined;
  let connection: CliConnection | undefined;
  const context: CommandContext = {
    io,
    line: (text) => io.stdout(`${text}\n`),
    connected: async ({ decode } = { decode: true }) =>
      (connection ??= await connect((settings ??= settingsFromEnv(io.env)), { decode })),
    fail: () => {
      exitCode = 1;
    },
  };

  const program = new Command('events')
    .description(
      'Look at the saga on Kafka: follow its events, trace one order, inspect and re-drive dead letters.',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXAMPLES);

  addTailCommand(program, context);
  addTraceCommand(program, context);
  addDlqCommand(program, context);

  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    if (error instanceof UnknownTopicError) {
      io.stderr(`events: ${error.message}\n`);
      return 2;
    }
    io.stderr(`events: ${explainFailure(error, settings)}\n`);
    return 1;
  }
}
