import { execFileSync } from 'node:child_process';

/**
 * Formats generated text exactly as `npm run format` would, so formatting the repository never makes
 * a generated file look stale. Prettier runs in a child process because its API loads plugins with
 * dynamic imports, which jest's module system refuses.
 */
export function formatWithPrettier(text: string, filePath: string): string {
  const cli = require.resolve('prettier/bin/prettier.cjs');
  return execFileSync(process.execPath, [cli, '--stdin-filepath', filePath], {
    input: text,
    encoding: 'utf8',
  });
}
