import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot, parseEnvFile } from './local-defaults';

/**
 * The development secrets `infra/bin/infra up` generates on first start into
 * $INFRA_VAR_DIR/secrets (git-ignored, never committed): a password per Kafka principal and per
 * app database role, and the local CA the broker's certificate is signed by.
 */
export interface LocalSecrets {
  dir: string;
  caFile: string;
  /** Throws, naming the file and the command that creates it, when the secret is absent. */
  get(key: string): string;
}

export function localSecrets(settings: Record<string, string | undefined>): LocalSecrets {
  const varDir = settings['INFRA_VAR_DIR'] ?? path.join(findRepoRoot() ?? process.cwd(), '.local', 'var');
  const dir = path.join(varDir, 'secrets');
  const file = path.join(dir, 'credentials.env');
  let values: Record<string, string> | undefined;
  return {
    dir,
    caFile: path.join(dir, 'kafka-ca.pem'),
    get(key) {
      values ??= existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
      const value = values[key];
      if (!value)
        throw new Error(
          `Missing local secret ${key} in ${file}: \`npm run infra:up\` (infra/bin/infra up) generates the development secrets on first start`,
        );
      return value;
    },
  };
}
