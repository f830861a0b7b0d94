import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, type ComposeService } from './compose-model';

/**
 * The written contracts of the images docker-compose.yml names (infra/docker/stand-ins/<image>/
 * contract.yml): what each official image holds and does that the compose file relies on, with
 * sources, since no engine here can pull them. Read by image-contracts.spec.ts (the compose file and
 * README call only what the contracts list) and by `npm run test:compose` (each local stand-in
 * provides what its contract lists).
 */

export const STAND_INS_DIR = path.join(REPO_ROOT, 'infra', 'docker', 'stand-ins');

export interface ContractBinary {
  name: string;
  path: string;
  /** False when path's directory is not on the image's PATH: callers must use the full path. */
  onPath?: boolean;
  source: string;
  /** Absent or true: the stand-in provides it. 'missing': the official image has it, the stand-in not. */
  standIn?: true | 'missing';
}

export interface ImageContract {
  /** The directory under infra/docker/stand-ins. */
  dir: string;
  image: string;
  /** The stand-in's Dockerfile, relative to dir; null when there is no stand-in. */
  standIn: string | null;
  sources: Record<string, string>;
  binaries: ContractBinary[];
  environment?: { name: string; rule: string; source: string }[];
}

export function loadContracts(): ImageContract[] {
  return readdirSync(STAND_INS_DIR, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(STAND_INS_DIR, entry.name, 'contract.yml')),
    )
    .map((entry) => ({
      dir: entry.name,
      ...(parse(readFileSync(path.join(STAND_INS_DIR, entry.name, 'contract.yml'), 'utf8')) as Omit<
        ImageContract,
        'dir'
      >),
    }));
}

/** The image a service runs: its `image:`, or for services built from infra/docker/Dockerfile, that file's base image. */
export function imageOf(service: ComposeService, dockerfileBaseImage: string): string {
  if (service.image) return service.image;
  if (service.build) return dockerfileBaseImage;
  throw new Error('a service with neither image nor build');
}

/** Whether `program` (a bare name looked up on PATH, or an absolute path) is one the contract lists. */
export function provides(contract: ImageContract, program: string): boolean {
  return contract.binaries.some((binary) =>
    program.startsWith('/') ? binary.path === program : binary.onPath !== false && binary.name === program,
  );
}

// ── Which programs a command runs ─────────────────────────────────────────────────────────────────

/** Shell builtins in both dash and bash: running them starts no program. */
const BUILTINS = new Set([
  ':',
  '!',
  '[',
  'cd',
  'command',
  'echo',
  'eval',
  'exec',
  'exit',
  'export',
  'false',
  'printf',
  'read',
  'set',
  'shift',
  'test',
  'true',
  'unset',
  'wait',
]);
const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash']);
const REDIRECTION = /^\d*(?:<>|>>|>&|<&|>\||>|<)/;
const OPERATORS = new Set(['&&', '||', ';', '|', '&']);

/** Words and operators of a shell command line, quotes removed (no expansions: these lines have none). */
function tokenize(script: string): string[] {
  const tokens: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'" || c === '"') {
      const end = script.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unbalanced ${c} in ${JSON.stringify(script)}`);
      word = (word ?? '') + script.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < script.length) {
      word = (word ?? '') + script[++i];
    } else if (/\s/.test(c)) {
      if (word !== undefined) tokens.push(word);
      word = undefined;
      if (c === '\n') tokens.push(';');
    } else if (c === '&' && /[<>]$/.test(word ?? '')) {
      word += c; // a redirection such as >&3, <&3 or 2>&1
    } else if (c === ';' || c === '|' || c === '&') {
      if (word !== undefined) tokens.push(word);
      word = undefined;
      const pair = script.slice(i, i + 2);
      if (pair === '&&' || pair === '||') {
        tokens.push(pair);
        i++;
      } else tokens.push(c);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) tokens.push(word);
  return tokens;
}

/** The programs a shell script starts, including those inside `sh -c '...'` / `bash -c '...'`. */
export function programsOfShell(script: string): string[] {
  const programs: string[] = [];
  let words: string[] = [];
  const flush = () => {
    programs.push(...programsOfArgv(words));
    words = [];
  };
  const tokens = tokenize(script);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (OPERATORS.has(token)) flush();
    else if (REDIRECTION.test(token)) {
      // `> file` as two words: the target is not a command word either.
      if (token.replace(REDIRECTION, '') === '') i++;
    } else words.push(token);
  }
  flush();
  return programs;
}

/** The programs an argument vector starts: its first word (past assignments and exec/command), and a shell's -c script. */
export function programsOfArgv(argv: string[]): string[] {
  let i = 0;
  while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!)) i++;
  while (i < argv.length && (argv[i] === 'exec' || argv[i] === 'command')) i++;
  const program = argv[i];
  if (program === undefined || BUILTINS.has(program)) return [];
  if (SHELLS.has(program)) {
    const script = argv.indexOf('-c', i + 1);
    return [
      program,
      ...(script >= 0 && argv[script + 1] !== undefined ? programsOfShell(argv[script + 1]!) : []),
    ];
  }
  return [program];
}

/** The programs a compose health check runs: CMD runs its argv, CMD-SHELL (or a plain string) runs /bin/sh -c. */
export function programsOfHealthcheck(test: string[] | string): string[] {
  if (typeof test === 'string') return ['/bin/sh', ...programsOfShell(test)];
  const [kind, ...rest] = test;
  if (kind === 'CMD') return programsOfArgv(rest);
  if (kind === 'CMD-SHELL') return ['/bin/sh', ...programsOfShell(rest.join(' '))];
  if (kind === 'NONE') return [];
  throw new Error(`unknown health check form ${kind}`);
}
