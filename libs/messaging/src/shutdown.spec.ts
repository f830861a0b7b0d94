import { EventEmitter } from 'node:events';
import { capturingLogger } from './testing/messaging-fixture';
import { onShutdownSignals, type ShutdownStep } from './shutdown';

function setup(steps: Parameters<typeof onShutdownSignals>[0], timeoutMs = 5_000) {
  const signals = new EventEmitter();
  const log = capturingLogger();
  let resolveExit!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
  const handle = onShutdownSignals(steps, log.logger, {
    signalSource: signals,
    exit: resolveExit,
    timeoutMs,
  });
  return { signals, log, exitCode, handle };
}

it('runs the steps once, in order, on the first signal, then exits 0', async () => {
  const ran: string[] = [];
  const step = (name: string): ShutdownStep => ({ name, run: async () => void ran.push(name) });
  const { signals, exitCode, log } = setup([step('stop fetching'), step('flush relay'), step('disconnect')]);

  signals.emit('SIGTERM', 'SIGTERM');
  signals.emit('SIGINT', 'SIGINT');

  expect(await exitCode).toBe(0);
  expect(ran).toEqual(['stop fetching', 'flush relay', 'disconnect']);
  expect(log.lines.map((l) => l['msg'])).toContain('shutdown already in progress; ignoring');
});

it('runs the remaining steps after one fails, and exits 1', async () => {
  const ran: string[] = [];
  const { signals, exitCode, log } = setup([
    { name: 'flush relay', run: () => Promise.reject(new Error('broker gone')) },
    { name: 'close pool', run: () => void ran.push('close pool') },
  ]);

  signals.emit('SIGINT', 'SIGINT');

  expect(await exitCode).toBe(1);
  expect(ran).toEqual(['close pool']);
  expect(log.lines).toContainEqual(
    expect.objectContaining({ step: 'flush relay', err: 'broker gone', msg: 'shutdown step failed' }),
  );
});

it('exits 1 at the deadline when a step never finishes, naming the step', async () => {
  const { handle, exitCode, log } = setup(
    [{ name: 'finish in-flight', run: () => new Promise(() => {}) }],
    20,
  );

  void handle.shutdown('test');

  expect(await exitCode).toBe(1);
  expect(log.lines).toContainEqual(
    expect.objectContaining({ step: 'finish in-flight', msg: expect.stringContaining('deadline') }),
  );
});

it('ignores signals once disposed', () => {
  const { signals, handle } = setup([]);
  handle.dispose();
  expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
});

it('accepts bare functions as steps, naming them by position in the logs', async () => {
  const { signals, exitCode, log } = setup([
    async () => undefined,
    () => Promise.reject(new Error('pool busy')),
  ]);

  signals.emit('SIGTERM', 'SIGTERM');

  expect(await exitCode).toBe(1);
  expect(log.lines).toContainEqual(expect.objectContaining({ step: 'step 2', err: 'pool busy' }));
});

it('exits 1 when the app shuts itself down because something is wrong, even if every step succeeds', async () => {
  const { handle, exitCode } = setup([() => undefined]);

  await expect(handle.shutdown('the consumer gave up', { failed: true })).resolves.toBe(1);
  expect(await exitCode).toBe(1);
});
