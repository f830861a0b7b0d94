import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Lints `source` as if it were `file`, with the workspace's own ESLint configuration (run as the CLI: it loads an ES module config). */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/eslint/bin/eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      file,
    ],
    { cwd: root, input: source, encoding: 'utf8' },
  );
  const results = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return (results[0]?.messages ?? [])
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
}

// The lint rule is the architecture's guard rail; these prove it is in force, not just configured.
describe('module boundaries', () => {
  it('forbids an app from importing another app', async () => {
    const errors = await boundaryErrors(
      'apps/inventory/src/sneaky.ts',
      "import { OrderModule } from '@platform/order';\nexport { OrderModule };\n",
    );
    expect(errors).not.toEqual([]);
  });

  it('forbids a shared library from importing an app', async () => {
    const errors = await boundaryErrors(
      'libs/messaging/src/sneaky.ts',
      "import { OrderModule } from '@platform/order';\nexport { OrderModule };\n",
    );
    expect(errors).not.toEqual([]);
  });

  it('forbids contracts from depending on the messaging plumbing', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/sneaky.ts',
      "import { AvroCodec } from '@platform/messaging';\nexport { AvroCodec };\n",
    );
    expect(errors).not.toEqual([]);
  });

  it('lets an app use shared libraries', async () => {
    const errors = await boundaryErrors(
      'apps/inventory/src/fine.ts',
      "import { EVENT_CATALOGUE } from '@platform/contracts';\nexport { EVENT_CATALOGUE };\n",
    );
    expect(errors).toEqual([]);
  });
});
