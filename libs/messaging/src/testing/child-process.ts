import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Starts a worker script and resolves once it prints `ready`. Node itself runs the script (tsx as
 * a loader, not as a wrapper process), so a signal sent to the child reaches the worker.
 */
export function startWorker(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const args = ['--conditions=@platform/source', '--import', 'tsx', path.resolve(__dirname, script)];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`${script} exited (${code ?? signal}) before ready:\n${output}`)),
    );
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** For worker scripts: a variable the parent test must have set. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set by the test that starts this worker`);
  return value;
}
