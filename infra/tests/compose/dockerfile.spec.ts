import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { APP_NAMES } from '@platform/config';
import { REPO_ROOT, builtServices, loadCompose } from './compose-model';
import {
  DOCKERFILE,
  DOCKERIGNORE,
  copySources,
  dockerignore,
  effective,
  execForm,
  flagValue,
  healthcheckCommand,
  instructionsOf,
  lineage,
  readDockerfileText,
  readStages,
  runText,
  stageNamed,
} from './dockerfile-model';

/**
 * infra/docker/Dockerfile refers only to things that exist: files in the build context (and not
 * excluded by .dockerignore), npm scripts, TypeScript projects, build stages; each app image runs
 * `node apps/<app>/dist/main.js`, which the build produces from apps/<app>/src/main.ts.
 */

const text = readDockerfileText();
const stages = readStages(text);
const compose = loadCompose({});
const isIgnored = dockerignore(readFileSync(DOCKERIGNORE, 'utf8'));
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;
const rootPackage = readJson<{ scripts: Record<string, string>; devDependencies: Record<string, string> }>(
  'package.json',
);
const allRuns = stages.flatMap((stage) => instructionsOf(stage, 'RUN').map(runText));

/** In the context and not excluded: what a COPY . . brings into the image. */
function inContext(relative: string): boolean {
  return existsSync(path.join(REPO_ROOT, relative)) && !isIgnored(relative);
}

interface TsConfig {
  compilerOptions?: { rootDir?: string; outDir?: string };
  references?: { path: string }[];
}
/** A tsconfig.json with comments, as TypeScript allows. */
function readTsConfig(projectDir: string): TsConfig {
  const raw = readFileSync(path.join(REPO_ROOT, projectDir, 'tsconfig.json'), 'utf8');
  return JSON.parse(raw.replace(/^\s*\/\/.*$/gm, '')) as TsConfig;
}
/** A project and every project it references, transitively: what `tsc -b <project>` builds. */
function buildClosure(projects: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    const normal = path.posix.normalize(dir);
    if (seen.has(normal)) return;
    seen.add(normal);
    for (const ref of readTsConfig(normal).references ?? []) visit(path.posix.join(normal, ref.path));
  };
  projects.forEach(visit);
  return seen;
}

/** The projects the image build compiles: `tsc -b <projects>` run directly or through an npm script. */
function compiledProjects(): string[] {
  const commands = allRuns.flatMap((run) => [
    run,
    ...[...run.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => rootPackage.scripts[m[1]!] ?? ''),
  ]);
  const tsc = commands.map((command) => /\btsc -b((?: [\w./-]+)*)/.exec(command)).find(Boolean);
  if (!tsc) throw new Error('the Dockerfile runs no tsc -b');
  const projects = tsc[1]!.trim().split(' ').filter(Boolean);
  return projects.length > 0 ? projects : ['.'];
}
const tscProjects = compiledProjects();

describe('infra/docker/Dockerfile', () => {
  it('has no syntax error or warning (dockerfile-utils, the VS Code Docker validator)', () => {
    const problems = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it('has a target for every service of docker-compose.yml built from it', () => {
    for (const [name, service] of builtServices(compose)) {
      expect([name, path.join(REPO_ROOT, service.build!.context, service.build!.dockerfile!)]).toEqual([
        name,
        DOCKERFILE,
      ]);
      expect(stages.map((s) => s.name)).toContain(service.build!.target);
    }
  });

  it('copies from build stages defined before the copy, and from the context only what is in it', () => {
    stages.forEach((stage, index) => {
      for (const copy of instructionsOf(stage, 'COPY')) {
        const from = flagValue(copy, 'from');
        if (from) expect(stages.slice(0, index).map((s) => s.name)).toContain(from);
        else
          for (const source of copySources(copy)) expect([source, inContext(source)]).toEqual([source, true]);
      }
    });
  });

  it('runs only npm scripts that exist in package.json, and tsc from the dev dependencies', () => {
    const scripts = allRuns.flatMap((run) => [...run.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => !rootPackage.scripts[script])).toEqual([]);
    expect(rootPackage.devDependencies['typescript']).toBeDefined();
  });

  it('has what `npm run prisma:generate` runs in its build context', () => {
    const command = rootPackage.scripts['prisma:generate']!;
    const script = /\bbash ([\w./-]+)/.exec(command)![1]!;
    expect(inContext(script)).toBe(true);
    // The script runs the generator from the library's TypeScript sources with tsx.
    expect(inContext('libs/database/src/cli/prisma-generate.ts')).toBe(true);
    expect(rootPackage.devDependencies['tsx']).toBeDefined();
    for (const app of APP_NAMES) expect(inContext(`apps/${app}/prisma/schema.prisma`)).toBe(true);
  });

  it('builds every TypeScript project an app needs, from sources in the context', () => {
    const closure = buildClosure(tscProjects);
    for (const project of closure)
      expect([project, inContext(`${project}/tsconfig.json`)]).toEqual([project, true]);
    for (const app of APP_NAMES) {
      expect(closure).toContain(`apps/${app}`);
      // Every workspace library the app depends on is compiled, so its dist is in the image.
      const { dependencies = {} } = readJson<{ dependencies?: Record<string, string> }>(
        `apps/${app}/package.json`,
      );
      const libraries = Object.keys(dependencies)
        .filter((name) => name.startsWith('@platform/'))
        .map((name) => `libs/${name.slice('@platform/'.length)}`);
      expect(libraries.filter((lib) => !closure.has(lib))).toEqual([]);
    }
  });

  it('has an image per app that runs node on the app’s build, as an unprivileged user, with a health check', () => {
    for (const app of APP_NAMES) {
      const command = execForm(effective(stages, app, 'CMD')!);
      // Exec form, node first: node is PID 1 and receives SIGTERM itself (no shell, no npm).
      expect(command).toEqual(['node', `apps/${app}/dist/main.js`]);
      const tsconfig = readTsConfig(`apps/${app}`).compilerOptions ?? {};
      expect([tsconfig.rootDir, tsconfig.outDir]).toEqual(['src', 'dist']);
      expect(existsSync(path.join(REPO_ROOT, 'apps', app, 'src', 'main.ts'))).toBe(true);

      const user = effective(stages, app, 'USER')?.getArguments()[0]?.getValue();
      expect(user).toBeDefined();
      expect(['root', '0']).not.toContain(user);

      const healthcheck = healthcheckCommand(effective(stages, app, 'HEALTHCHECK')!);
      expect(healthcheck?.[0]).toBe('node');
      expect(healthcheck?.join(' ')).toContain('/health/ready');
      expect(healthcheck?.join(' ')).toContain('process.env.PORT');

      const exposed = effective(stages, app, 'EXPOSE')?.getArguments()[0]?.getValue();
      const composePort = compose.services[app]?.environment?.['PORT'];
      expect([app, exposed]).toEqual([app, String(composePort)]);
    }
  });

  it('ships the migrations each app applies at start, from the directories it reads them from', () => {
    const assemble = allRuns.find((run) => run.includes('/out'))!;
    for (const app of APP_NAMES) {
      const main = readFileSync(path.join(REPO_ROOT, 'apps', app, 'src', 'main.ts'), 'utf8');
      // apps/<app>/dist/main.js resolves ../migrations: apps/<app>/migrations, next to dist in the image.
      expect(main).toMatch(/path\.resolve\(__dirname, '\.\.', 'migrations'\)/);
      expect(existsSync(path.join(REPO_ROOT, 'apps', app, 'migrations'))).toBe(true);
    }
    expect(existsSync(path.join(REPO_ROOT, 'libs', 'messaging', 'migrations'))).toBe(true);
    expect(assemble).toContain('apps/*/migrations');
    expect(assemble).toContain('libs/*/migrations');
  });

  it('gives app images production dependencies only, installed without install scripts', () => {
    const install = (stage: string) => instructionsOf(stageNamed(stages, stage), 'RUN').map(runText);
    // The runtime's node_modules come from the stage whose npm ci omits dev dependencies.
    const runtimeCopies = lineage(stages, 'order').flatMap((s) => instructionsOf(s, 'COPY'));
    const modulesFrom = runtimeCopies
      .map((c) => flagValue(c, 'from'))
      .find((from) => from && from !== 'build');
    const npmCi = install(modulesFrom!).find((run) => run.includes('npm ci'))!;
    expect(npmCi).toContain('--omit=dev');
    expect(npmCi).toContain('--ignore-scripts');
    // No app image is built FROM the build stage (sources, compiler, dev dependencies).
    for (const app of APP_NAMES) expect(lineage(stages, app).map((s) => s.name)).not.toContain('build');
  });

  it('drops no package that production code needs by omitting optional dependencies', () => {
    const npmCi = allRuns.find((run) => run.includes('--omit=dev'))!;
    if (!npmCi.includes('--omit=optional')) return;
    // Packages that are only optional (not dev) are what --omit=optional removes on top of --omit=dev.
    // pg-cloudflare: pg's socket shim for Cloudflare Workers, never loaded on Node.
    const harmless = new Set(['node_modules/pg-cloudflare']);
    const lock = readJson<{
      packages: Record<string, { optional?: boolean; dev?: boolean; devOptional?: boolean }>;
    }>('package-lock.json');
    const onlyOptional = Object.entries(lock.packages)
      .filter(([, entry]) => entry.optional && !entry.dev && !entry.devOptional)
      .map(([name]) => name);
    expect(onlyOptional.filter((name) => !harmless.has(name))).toEqual([]);
  });

  it('gives the tools image the sources, tsx and infra/local.env that `npm run contracts:apply` needs', () => {
    const command = execForm(effective(stages, 'tools', 'CMD')!);
    expect(command?.slice(0, 2)).toEqual(['npm', 'run']);
    const script = rootPackage.scripts[command![2]!]!;
    const entry = /\s([\w./-]+\.ts)\b/.exec(script)![1]!;
    expect(inContext(entry)).toBe(true);
    expect(lineage(stages, 'tools').map((s) => s.name)).toContain('build');
    // localEndpoints() needs infra/local.env for settings the compose service does not set.
    expect(inContext('infra/local.env')).toBe(true);
    expect(inContext('schemas')).toBe(true);
    expect(effective(stages, 'tools', 'USER')?.getArguments()[0]?.getValue()).toBe('node');
  });
});

describe('.dockerignore', () => {
  it('keeps host builds, installs and generated clients out of the context, and the sources in', () => {
    for (const excluded of [
      'node_modules',
      'apps/order/node_modules',
      'apps/order/dist/main.js',
      'libs/database/dist',
      'apps/order/src/generated/prisma/client.ts',
      '.git',
      '.local/opt',
    ])
      expect([excluded, isIgnored(excluded)]).toEqual([excluded, true]);
    for (const kept of [
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
      'apps/order/src/main.ts',
      'libs/contracts/src/generated/event-schemas.ts',
      'libs/messaging/migrations',
    ])
      expect([kept, isIgnored(kept)]).toEqual([kept, false]);
  });
});
