import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@platform/infra/launcher';
import { localEndpoints, APP_NAMES } from '@platform/config';
import { waitFor } from '@platform/testing';
import { finalOrder, orderRequest, placeOrder } from './support/platform-api';

/**
 * `npm start` as a user runs it: wait for its "Ready" line, place an order over HTTP, read the
 * order's trace with the events tool, press Ctrl-C, and find nothing of it left running.
 */
let start: ChildProcess;
let output = '';

function appsListening(): number[] {
  const endpoints = localEndpoints();
  return APP_NAMES.map((app) => endpoints.appPort(app)).filter(
    (port) =>
      spawnSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`], { stdio: 'ignore' }).status === 0,
  );
}

function processesOfThisCheckout(): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((line) =>
      APP_NAMES.some((app) => line.includes(path.join(REPO_ROOT, 'apps', app, 'dist', 'main.js'))),
    );
}

afterAll(() => {
  // Only if the test failed before Ctrl-C: nothing of this run may outlive it.
  if (start && start.exitCode === null && start.signalCode === null) {
    try {
      process.kill(-start.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

it('starts the platform, serves an order end to end, and leaves nothing behind on Ctrl-C', async () => {
  start = spawn('npm', ['start'], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => /Ready in [\d.]+ s/.test(output) || start.exitCode !== null, {
    description: 'npm start to print that it is ready',
    timeoutMs: 180_000,
    intervalMs: 250,
  });
  expect(start.exitCode).toBeNull();
  expect(output).toContain('http://localhost:3000/docs');
  // Tokens to paste: one customer's, one operator's, of the development issuer it runs.
  expect(output).toMatch(/export CUSTOMER_TOKEN=ey[\w-]+\.[\w-]+\.[\w-]+/);
  expect(output).toMatch(/export OPERATOR_TOKEN=ey[\w-]+\.[\w-]+\.[\w-]+/);

  const { orderId } = await placeOrder(orderRequest('SKU-1'));
  expect((await finalOrder(orderId)).status).toBe('CONFIRMED');

  const trace = await waitFor(
    () => {
      const result = spawnSync('npm', ['run', '-s', 'events', '--', 'trace', orderId, '--json'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      const parsed =
        result.status === 0
          ? (JSON.parse(result.stdout) as { steps: { eventType: string; source: string }[] })
          : undefined;
      return parsed?.steps.some((step) => step.eventType === 'NotificationSent') ? parsed : undefined;
    },
    { description: 'the trace to reach NotificationSent', timeoutMs: 60_000, intervalMs: 500 },
  );
  expect(trace.steps.map((step) => step.eventType)).toEqual(
    expect.arrayContaining([
      'OrderPlaced',
      'StockReserved',
      'PaymentAuthorized',
      'OrderConfirmed',
      'NotificationSent',
    ]),
  );
  expect(trace.steps[0]).toMatchObject({ eventType: 'OrderPlaced', source: 'order' });

  // Ctrl-C reaches the whole foreground process group, as in a terminal.
  process.kill(-start.pid!, 'SIGINT');
  await waitFor(() => start.exitCode !== null || start.signalCode !== null, {
    description: 'npm start to exit after Ctrl-C',
    timeoutMs: 60_000,
  });
  expect(output).toContain('Stopping the apps');
  expect(processesOfThisCheckout()).toEqual([]);
  expect(appsListening()).toEqual([]);
}, 300_000);
