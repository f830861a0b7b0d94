import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml as the tests read it: parsed with YAML merge keys (the file shares blocks
 * through anchors), and with Compose's variable interpolation applied for a given host environment,
 * the way `docker compose` resolves it before starting anything.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

export type HostEnv = Record<string, string | undefined>;
type Scalar = string | number | boolean | null;

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; target?: string };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, Scalar>;
  ports?: string[];
  volumes?: string[];
  command?: string[];
  restart?: string;
  healthcheck?: { test: string[] | string; interval?: string; timeout?: string; retries?: number };
  hostname?: string;
  stop_grace_period?: string;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export function readComposeText(): string {
  return readFileSync(COMPOSE_FILE, 'utf8');
}

/** The file as written, variables not yet substituted. */
export function loadRawCompose(): ComposeFile {
  return parse(readComposeText(), { merge: true }) as ComposeFile;
}

/** The file as `docker compose` sees it when run from a shell with `env`. */
export function loadCompose(env: HostEnv = {}): ComposeFile {
  return interpolateDeep(loadRawCompose(), env) as ComposeFile;
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose interpolation: `${VAR}`, `$VAR`, `${VAR:-default}` (unset or empty), `${VAR-default}` (unset), `$$`. */
export function interpolate(text: string, env: HostEnv): string {
  const result = text.replace(
    VARIABLE,
    (
      match,
      braced: string | undefined,
      op: string | undefined,
      fallback: string,
      bare: string | undefined,
    ) => {
      if (match === '$$') return '\0';
      const value = env[(braced ?? bare)!];
      if (op === ':-') return value === undefined || value === '' ? fallback : value;
      if (op === '-') return value === undefined ? fallback : value;
      return value ?? '';
    },
  );
  if (result.includes('${')) throw new Error(`unsupported interpolation in ${JSON.stringify(text)}`);
  return result.replace(/\0/g, '$');
}

function interpolateDeep(value: unknown, env: HostEnv): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateDeep(item, env));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, env)]));
  return value;
}

/**
 * The environment a container of `service` gets. A variable listed without a value is taken from
 * the host environment when set there and left out otherwise, as Compose does.
 */
export function containerEnvironment(service: ComposeService, env: HostEnv = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment ?? {})) {
    if (value === null) {
      const passed = env[name];
      if (passed !== undefined) result[name] = passed;
    } else {
      result[name] = String(value);
    }
  }
  return result;
}

export interface PortMapping {
  hostIp: string | undefined;
  published: number;
  target: number;
}

/** `[ip:]published:target` in the short syntax. */
export function parsePort(spec: string): PortMapping {
  const parts = spec.split(':');
  const target = Number(parts.pop());
  const published = Number(parts.pop());
  const hostIp = parts.pop();
  if (!Number.isInteger(target) || !Number.isInteger(published) || parts.length > 0)
    throw new Error(`unsupported port syntax ${JSON.stringify(spec)}`);
  return { hostIp, published, target };
}

/** `listeners`-style lists: `NAME://host:port,NAME://host:port`. */
export function parseListeners(list: string): Map<string, { host: string; port: number }> {
  return new Map(
    list.split(',').map((entry) => {
      const match = /^([A-Z_]+):\/\/([^:]*):(\d+)$/.exec(entry.trim());
      if (!match) throw new Error(`unsupported listener ${JSON.stringify(entry)}`);
      return [match[1]!, { host: match[2]!, port: Number(match[3]) }];
    }),
  );
}

/** Services built from this repository's Dockerfile. */
export function builtServices(compose: ComposeFile): [string, ComposeService][] {
  return Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
}
