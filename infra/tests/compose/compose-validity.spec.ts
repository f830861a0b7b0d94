import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { COMPOSE_FILE, REPO_ROOT, containerEnvironment, loadCompose, readComposeText } from './compose-model';

/**
 * No Docker engine runs here, so the file is validated statically: always by dclint (an npm package:
 * the Compose specification's JSON schema plus best-practice rules), and also by Compose itself when
 * a binary is installed. Which of those ran shows in the test names.
 */

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const composeV1 = onPath('docker-compose');
const composeV2 =
  onPath('docker') !== undefined &&
  spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;

/** A clean environment for Compose, so the developer's shell cannot change what is checked. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: os.tmpdir(), ...extra };
}

describe('docker-compose.yml is a valid Compose file', () => {
  it('passes dclint: the Compose schema and every default rule, with no error and no warning', () => {
    const linter = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
    const results = linter.lintFiles([COMPOSE_FILE], false);

    expect(results).toHaveLength(1);
    const messages: { line: number; rule: string; message: string }[] = results[0]!.messages;
    expect(messages.map((m) => `line ${m.line}: ${m.rule}: ${m.message}`)).toEqual([]);
  });

  (composeV2 ? it : it.skip)(
    composeV2
      ? '`docker compose config -q` (Compose v2) accepts it'
      : '`docker compose config -q`: skipped, no Docker Compose v2 here (dclint validated the file)',
    () => {
      execFileSync('docker', ['compose', '-f', COMPOSE_FILE, 'config', '-q'], {
        env: cleanEnv(),
        stdio: 'pipe',
      });
    },
  );

  describe(
    composeV1
      ? `docker-compose (v1, ${composeV1})`
      : 'docker-compose v1: skipped, no docker-compose binary on PATH (dclint validated the file)',
    () => {
      // Compose v1 predates the top-level `name:` key of the Compose specification, so it checks a copy
      // without it, resolved against the repository root like the original.
      let dir: string;
      let copy: string;
      beforeAll(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'compose-check-'));
        copy = path.join(dir, 'docker-compose.yml');
        writeFileSync(copy, readComposeText().replace(/^name:.*$/m, ''));
      });
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      const run = (args: string[], env: Record<string, string> = {}) =>
        execFileSync('docker-compose', ['-f', copy, '--project-directory', REPO_ROOT, ...args], {
          env: cleanEnv(env),
          encoding: 'utf8',
          stdio: 'pipe',
        });

      (composeV1 ? it : it.skip)('`docker-compose config -q` accepts it', () => {
        run(['config', '-q']);
      });

      (composeV1 ? it : it.skip)(
        'resolves variables and pass-through settings the way these tests read the file',
        () => {
          const shell = { ORDER_PORT: '4000', KAFKA_SSL: 'true', LOG_LEVEL: 'debug' };
          const resolved = parse(run(['config'], shell)) as {
            services: Record<
              string,
              { environment?: Record<string, string | number | null>; ports?: unknown[] }
            >;
          };
          const ours = loadCompose(shell);
          for (const [name, service] of Object.entries(ours.services)) {
            const theirs = Object.fromEntries(
              Object.entries(resolved.services[name]?.environment ?? {})
                .filter(([, v]) => v !== null)
                .map(([k, v]) => [k, String(v)]),
            );
            expect({ name, environment: theirs }).toEqual({
              name,
              environment: containerEnvironment(service, shell),
            });
          }
          expect(JSON.stringify(resolved.services['order']?.ports)).toContain('4000');
        },
      );
    },
  );
});
