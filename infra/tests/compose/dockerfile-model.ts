import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { REPO_ROOT } from './compose-model';

/** infra/docker/Dockerfile as a list of build stages, parsed by dockerfile-ast (the VS Code parser). */

export const DOCKERFILE = path.join(REPO_ROOT, 'infra', 'docker', 'Dockerfile');
export const DOCKERIGNORE = path.join(REPO_ROOT, '.dockerignore');

export interface Stage {
  name: string;
  /** The image or earlier stage it starts from. */
  base: string;
  instructions: Instruction[];
}

export function readDockerfileText(): string {
  return readFileSync(DOCKERFILE, 'utf8');
}

export function readStages(text: string = readDockerfileText()): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const args = instruction.getArguments().map((a) => a.getValue());
    if (instruction.getKeyword() === 'FROM') {
      const as = args.findIndex((a) => a.toUpperCase() === 'AS');
      stages.push({ name: as >= 0 ? args[as + 1]! : `#${stages.length}`, base: args[0]!, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

export function stageNamed(stages: Stage[], name: string): Stage {
  const stage = stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage ${name} in ${DOCKERFILE}`);
  return stage;
}

/** The stage and the stages it is built FROM, nearest first. */
export function lineage(stages: Stage[], name: string): Stage[] {
  const chain: Stage[] = [];
  for (let stage = stages.find((s) => s.name === name); stage;) {
    chain.push(stage);
    const base = stage.base;
    stage = stages.find((s) => s.name === base);
  }
  return chain;
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}

/** The effective instruction of a kind for a stage: its own last one, else its base stage's. */
export function effective(stages: Stage[], name: string, keyword: string): Instruction | undefined {
  for (const stage of lineage(stages, name)) {
    const own = instructionsOf(stage, keyword);
    if (own.length > 0) return own.at(-1);
  }
  return undefined;
}

export function flagValue(instruction: Instruction, flag: string): string | undefined {
  const flags = 'getFlags' in instruction ? (instruction as unknown as FlagHolder).getFlags() : [];
  return flags.find((f) => f.getName() === flag)?.getValue() ?? undefined;
}

interface FlagHolder {
  getFlags(): { getName(): string; getValue(): string | null }[];
}

/** CMD/ENTRYPOINT in exec form as its argument vector; undefined for the shell form. */
export function execForm(instruction: Instruction): string[] | undefined {
  const content = (instruction.getArgumentsContent() ?? '').trim();
  if (!content.startsWith('[')) return undefined;
  return JSON.parse(content) as string[];
}

/** HEALTHCHECK's command in exec form (`HEALTHCHECK [flags] CMD [...]`). */
export function healthcheckCommand(instruction: Instruction): string[] | undefined {
  const content = (instruction.getArgumentsContent() ?? '').trim();
  const match = /(?:^|\s)CMD\s+(\[.*\])\s*$/s.exec(content);
  return match ? (JSON.parse(match[1]!) as string[]) : undefined;
}

/** A RUN line as shell text, continuation lines joined. */
export function runText(instruction: Instruction): string {
  return (instruction.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim();
}

/** The sources of a COPY or ADD (every argument but the destination, flags excluded). */
export function copySources(instruction: Instruction): string[] {
  const json = execForm(instruction);
  const args = json ?? instruction.getArguments().map((a) => a.getValue());
  return args.filter((a) => !a.startsWith('--')).slice(0, -1);
}

/**
 * .dockerignore as Docker applies it: patterns relative to the context root, `*` within one path
 * segment, `**` across any number, `!` re-includes; a matched directory excludes what is under it;
 * the last matching pattern wins.
 */
export function dockerignore(text: string): (relativePath: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = path.posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, ''));
      return { negate, regex: globToRegex(pattern) };
    });
  return (relativePath) => {
    const segments = path.posix.normalize(relativePath).split('/');
    let ignored = false;
    for (const { negate, regex } of rules) {
      for (let n = 1; n <= segments.length; n++) {
        if (regex.test(segments.slice(0, n).join('/'))) {
          ignored = !negate;
          break;
        }
      }
    }
    return ignored;
  };
}

function globToRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
