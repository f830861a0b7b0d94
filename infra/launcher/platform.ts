import pc from 'picocolors';
import type { AppName } from '@platform/config';
import { startApp, stopApp, waitUntilReady, type RunningApp } from './app-process';
import { platformApps } from './platform-apps';

const COLOURS = {
  order: pc.cyan,
  inventory: pc.yellow,
  payment: pc.magenta,
  notification: pc.green,
} as const;

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
}

/** Starts the four apps from their builds and resolves once every one answers ready. */
export async function startPlatform(options: StartPlatformOptions = {}): Promise<Platform> {
  const specs = platformApps(options.env).filter((spec) => !options.only || options.only.includes(spec.app));
  const onLine =
    options.onLine ??
    ((app: string, line: string) =>
      process.stdout.write(`${COLOURS[app as AppName](app.padEnd(12))} | ${line}\n`));
  const apps = new Map<AppName, RunningApp>();
  const platform: Platform = {
    apps,
    async start(app) {
      const spec = specs.find((s) => s.app === app)!;
      if (await answers(spec.port)) {
        throw new Error(
          `port ${spec.port} is already taken (is the platform already running, e.g. npm start?); stop it first`,
        );
      }
      const running = startApp(spec, onLine);
      apps.set(app, running);
      await waitUntilReady(running);
    },
    async stop(app) {
      const running = apps.get(app);
      if (running) await stopApp(running);
    },
    async stopAll() {
      await Promise.all([...apps.values()].map((running) => stopApp(running)));
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
