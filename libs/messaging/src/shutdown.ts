import { describeError } from './errors';
import type { Logger } from './logger';

/** One phase of a shutdown; the name is what the logs say was being done when it failed or hung. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

export interface ShutdownOptions {
  signals?: NodeJS.Signals[];
  /** Past this the process exits with 1 whatever is still running: an orchestrator kills it soon after anyway. */
  timeoutMs?: number;
  /** Test seams: where signals come from and how the process ends. */
  signalSource?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  exit?: (code: number) => void;
}

export interface ShutdownHandle {
  /**
   * Runs the shutdown as a signal would, for an app that decides to stop on its own; `failed` makes
   * the exit code non-zero even when every step succeeds (the app stops because something is
   * wrong, and its supervisor should know). Resolves with the exit code.
   */
  shutdown(reason: string, options?: { failed?: boolean }): Promise<number>;
  /** Removes the signal listeners without shutting down. */
  dispose(): void;
}

const DEFAULT_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * On SIGTERM or SIGINT runs the steps once, in the order given (stop fetching, finish what is in
 * flight, flush the outbox relay, disconnect), then exits 0, or 1 if a step failed or the deadline
 * passed. A failed step does not stop the ones after it: closing pools and connections is still
 * worth doing. Signals that arrive while shutting down are ignored, so an impatient second Ctrl-C
 * cannot cut the in-flight message's offset commit short; the deadline bounds the wait instead.
 */
export function onShutdownSignals(
  steps: (ShutdownStep | ShutdownStep['run'])[],
  logger: Logger,
  {
    signals = DEFAULT_SIGNALS,
    timeoutMs = 30_000,
    signalSource = process,
    exit = (code) => process.exit(code),
  }: ShutdownOptions = {},
): ShutdownHandle {
  let running: Promise<number> | undefined;

  const shutdown = (reason: string, { failed = false } = {}): Promise<number> => {
    if (running) {
      logger.warn({ reason }, 'shutdown already in progress; ignoring');
      return running;
    }
    const named = steps.map((step, index) =>
      typeof step === 'function' ? { name: `step ${index + 1}`, run: step } : step,
    );
    running = runSteps(named, logger, reason, timeoutMs).then((stepsCode) => {
      const code = failed ? Math.max(stepsCode, 1) : stepsCode;
      exit(code);
      return code;
    });
    return running;
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  const dispose = () => {
    for (const signal of signals) signalSource.off(signal, onSignal);
  };
  for (const signal of signals) signalSource.on(signal, onSignal);
  return { shutdown, dispose };
}

async function runSteps(
  steps: ShutdownStep[],
  logger: Logger,
  reason: string,
  timeoutMs: number,
): Promise<number> {
  logger.info({ reason, steps: steps.map((s) => s.name), timeoutMs }, 'shutting down');
  let current = 'starting';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      logger.error({ step: current, timeoutMs }, 'shutdown deadline passed; exiting anyway');
      resolve(1);
    }, timeoutMs);
  });
  const all = (async () => {
    let code = 0;
    for (const step of steps) {
      current = step.name;
      try {
        await step.run();
        logger.info({ step: step.name }, 'shutdown step done');
      } catch (error) {
        code = 1;
        logger.error({ step: step.name, err: describeError(error) }, 'shutdown step failed');
      }
    }
    return code;
  })();
  try {
    const code = await Promise.race([all, deadline]);
    if (code === 0) logger.info({}, 'shutdown complete');
    return code;
  } finally {
    clearTimeout(timer);
  }
}
