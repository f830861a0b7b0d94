import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads infra/local.env, the one place where local ports and URLs are written down, from the
 * nearest enclosing checkout. In a container image the file is absent and every setting must
 * come from the environment, so absence yields no defaults rather than an error.
 */
export function readLocalDefaults(startDir: string = __dirname): Record<string, string> {
  const file = findUp(startDir, path.join('infra', 'local.env'));
  return file ? parseEnvFile(readFileSync(file, 'utf8')) : {};
}

/** The checkout's root (where infra/local.env is), or undefined in a container image. */
export function findRepoRoot(startDir: string = __dirname): string | undefined {
  const file = findUp(startDir, path.join('infra', 'local.env'));
  return file ? path.dirname(path.dirname(file)) : undefined;
}

export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    values[trimmed.slice(0, eq)] = trimmed.slice(eq + 1);
  }
  return values;
}

function findUp(startDir: string, relative: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
