/** `npm run events -- <command>`; see events-program.ts for the commands and `--help` for their options. */
import { runEvents } from './events-program';
import { TERMINAL_COLORS } from '../text/colors';

const stop = new AbortController();
// The first Ctrl-C ends a tail cleanly (its throwaway consumer group is deleted); a second one kills.
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());
// `events tail | head` closes the pipe: stop reading instead of dying on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') stop.abort();
  else throw error;
});

runEvents(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  colors: TERMINAL_COLORS,
  signal: stop.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`events: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
