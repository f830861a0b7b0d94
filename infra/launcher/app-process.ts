import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AppProcessSpec } from './platform-apps';

export interface RunningApp {
  spec: AppProcessSpec;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Runs one app as a child process, every output line handed to `onLine` (for the prefixed,
 * coloured stream). Its own process group, so a Ctrl-C reaches it only through `stopApp`, in order.
 */
export function startApp(spec: AppProcessSpec, onLine: (app: string, line: string) => void): RunningApp {
  // APP_NODE_ARGS passes flags Node refuses in NODE_OPTIONS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env['APP_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, spec.entry], {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => onLine(spec.app, line));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { spec, child, exited };
}

/** SIGTERM, then the app's own graceful shutdown; SIGKILL only if it overstays `graceMs`. */
export async function stopApp({ child, exited }: RunningApp, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function waitUntilReady(app: RunningApp, timeoutMs = 90_000): Promise<void> {
  const url = `http://localhost:${app.spec.port}/health/ready`;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null)
      throw new Error(`${app.spec.app} exited with code ${app.child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${app.spec.app} was not ready at ${url} within ${timeoutMs / 1000}s (last: ${last})`);
}
