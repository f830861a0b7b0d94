import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { applyContracts } from '@platform/contracts';
import { REPO_ROOT, startPlatform, type Platform, type StartPlatformOptions } from '@platform/infra/launcher';
import { SagaObserver } from './saga-observer';

/**
 * Starts the four apps (from their builds) and a topic observer for one test file, and stops
 * them afterwards. The apps' output goes to .local/var/log/e2e-<file>.log, to read when a test fails.
 * `env` adds settings per app (say, a lower rate limit for the test that reaches it).
 */
export function usePlatform(
  name: string,
  /** Settings some apps get on top of the usual ones, e.g. a deadline of seconds for the order service. */
  { env }: Pick<StartPlatformOptions, 'env'> = {},
): { platform: () => Platform; observer: () => SagaObserver } {
  let platform: Platform | undefined;
  let observer: SagaObserver | undefined;
  const logDir = path.join(REPO_ROOT, '.local', 'var', 'log');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `e2e-${name}.log`));
  beforeAll(async () => {
    // As `npm start` does: the topics and schemas the apps need, idempotently.
    await applyContracts();
    observer = await SagaObserver.start();
    platform = await startPlatform({
      onLine: (app, line) => log.write(`${app} | ${line}\n`),
      ...(env ? { env } : {}),
    });
  }, 180_000);
  afterAll(async () => {
    await platform?.stopAll();
    await observer?.stop();
    log.end();
  }, 60_000);
  return { platform: () => platform!, observer: () => observer! };
}
