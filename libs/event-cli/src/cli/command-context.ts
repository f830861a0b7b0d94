/** What every command gets: where its output goes, the connection, and how it reports failure. */
import type { CliConnection } from '../connection/cli-connection';
import type { Colors } from '../text/colors';

export interface CliIo {
  /** Writes to standard output; every call is one or more whole lines. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** For the human formats; JSON output is never coloured. */
  colors: Colors;
  /** Ends a `tail` that would otherwise follow forever (Ctrl-C). */
  signal?: AbortSignal;
}

export interface CommandContext {
  io: CliIo;
  /** Writes one line to standard output. */
  line(text: string): void;
  /** Kafka and the codec, connected on first use; the registry is checked only when values are decoded. */
  connected(options?: { decode: boolean }): Promise<CliConnection>;
  /** The command ran but found nothing, or not everything asked for: exit code 1. */
  fail(): void;
}
