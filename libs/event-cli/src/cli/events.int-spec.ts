import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { applyContracts } from '@platform/contracts';

const run = promisify(execFile);

// The trace reads the real saga topics, which only exist once the contracts are applied.
beforeAll(() => applyContracts(), 60_000);

/** Runs a CLI entry point as `npm run events|demo` would; resolves with its exit code and output. */
async function cli(script: 'events.ts' | 'demo.ts', args: string[], env: Record<string, string> = {}) {
  return run(
    process.execPath,
    ['--conditions=@platform/source', '--import', 'tsx', path.resolve(__dirname, script), ...args],
    { env: { ...process.env, ...env, NO_COLOR: '1' } },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('prints its help and exits 0', async () => {
  const result = await cli('events.ts', ['--help']);

  expect(result).toMatchObject({
    code: 0,
    stdout: expect.stringContaining('Usage: events [options] [command]'),
  });
});

it('reads every saga topic to its end and exits 1 when no event of the order is there', async () => {
  const orderId = randomUUID();

  const result = await cli('events.ts', ['trace', orderId]);

  expect(result).toMatchObject({
    code: 1,
    stderr: expect.stringContaining(`No event of order ${orderId} on the saga topics`),
  });
});

it('says the registry is not reachable and exits 1', async () => {
  const port = await freePort();

  const result = await cli('events.ts', ['tail', '--max', '1'], {
    SCHEMA_REGISTRY_URL: `http://localhost:${port}/apis/ccompat/v7`,
  });

  expect(result).toMatchObject({
    code: 1,
    stderr: expect.stringContaining(`The schema registry is not reachable at http://localhost:${port}`),
  });
});

it('tells the user to start the platform when the order service does not answer', async () => {
  const result = await cli('demo.ts', [], { ORDER_PORT: String(await freePort()) });

  expect(result).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('start the platform with npm start first'),
  });
});
