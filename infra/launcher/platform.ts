import pc from 'picocolors';
import type { AppName } from '@platform/config';
import { startApp, stopApp, waitUntilReady, type RunningApp } from './app-process';
import { readableLogLine } from './log-format';
import { ensureDevIssuer, usesDevIssuer } from './local-issuer';
import { platformApps, type AppProcessSpec } from './platform-apps';

const COLOURS = {
  order: pc.cyan,
  inventory: pc.yellow,
  payment: pc.magenta,
  notification: pc.green,
} as const;

const RESTART_FIRST_DELAY_MS = 1_000;
const RESTART_MAX_DELAY_MS = 30_000;
const RESTART_RESET_MS = 60_000;

export interface Platform {
  apps: Map<AppName, RunningApp>;
  /** Starts (again) one app that was stopped, and waits until it is ready. */
  start(app: AppName): Promise<void>;
  stop(app: AppName): Promise<void>;
  stopAll(): Promise<void>;
}

export interface StartPlatformOptions {
  only?: AppName[];
  env?: Partial<Record<AppName, Record<string, string>>>;
  /** Where app log lines go; by default stdout with a coloured prefix per app. */
  onLine?: (app: string, line: string) => void;
  /** With the default output: the apps' JSON lines as they are, instead of readable text. */
  json?: boolean;
  /** Start an app again, with backoff, when it exits without being stopped (npm start, the chaos run). */
  restartOnExit?: boolean;
  /** Where the launcher's own notices go (restarts); stderr by default. */
  onNotice?: (text: string) => void;
}

/**
 * Starts the four apps from their builds and resolves once every one answers ready; before them,
 * the development issuer whose keys they verify tokens with (unless AUTH_ISSUER names another).
 */
export async function startPlatform(options: StartPlatformOptions = {}): Promise<Platform> {
  const issuer = usesDevIssuer() ? await ensureDevIssuer() : undefined;
  const specs = platformApps(options.env).filter((spec) => !options.only || options.only.includes(spec.app));
  const onLine =
    options.onLine ??
    ((app: string, line: string) =>
      process.stdout.write(
        `${COLOURS[app as AppName](app.padEnd(12))} | ${options.json ? line : readableLogLine(line)}\n`,
      ));
  const notice =
    options.onNotice ?? ((text: string) => process.stderr.write(`${pc.bold('[launcher]')} ${text}\n`));
  const apps = new Map<AppName, RunningApp>();
  const stopped = new Set<AppName>();
  const restarts = new Map<AppName, { failures: number; timer?: NodeJS.Timeout }>();

  const launch = (spec: AppProcessSpec): RunningApp => {
    const running = startApp(spec, onLine);
    apps.set(spec.app, running);
    const startedAt = Date.now();
    if (options.restartOnExit) {
      void running.exited.then((code) => {
        if (stopped.has(spec.app) || apps.get(spec.app) !== running) return;
        const state = restarts.get(spec.app) ?? { failures: 0 };
        // An app that ran for a minute before it died starts again at once; one that keeps dying backs off.
        state.failures = Date.now() - startedAt > RESTART_RESET_MS ? 1 : state.failures + 1;
        const delayMs = Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** (state.failures - 1));
        notice(
          `${spec.app} exited unexpectedly (${running.child.signalCode ?? `code ${code}`}); ` +
            `restarting it in ${(delayMs / 1000).toFixed(1)} s (restart ${state.failures})`,
        );
        state.timer = setTimeout(() => {
          if (stopped.has(spec.app)) return;
          const again = launch(spec);
          waitUntilReady(again).then(
            () => notice(`${spec.app} is ready again`),
            (error: unknown) =>
              notice(`${spec.app} did not become ready: ${error instanceof Error ? error.message : error}`),
          );
        }, delayMs);
        restarts.set(spec.app, state);
      });
    }
    return running;
  };

  const platform: Platform = {
    apps,
    async start(app) {
      const spec = specs.find((s) => s.app === app)!;
      if (await answers(spec.port)) {
        throw new Error(
          `port ${spec.port} is already taken (is the platform already running, e.g. npm start?); stop it first`,
        );
      }
      stopped.delete(app);
      await waitUntilReady(launch(spec));
    },
    async stop(app) {
      stopped.add(app);
      clearTimeout(restarts.get(app)?.timer);
      const running = apps.get(app);
      if (running) await stopApp(running);
    },
    async stopAll() {
      await Promise.all([...apps.keys()].map((app) => platform.stop(app)));
      await issuer?.close();
    },
  };
  try {
    await Promise.all(specs.map((spec) => platform.start(spec.app)));
  } catch (error) {
    await platform.stopAll();
    throw error;
  }
  return platform;
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://localhost:${port}/health/live`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}
