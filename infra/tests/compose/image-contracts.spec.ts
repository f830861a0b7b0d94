import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, loadCompose, loadRawCompose } from './compose-model';
import { readStages } from './dockerfile-model';
import {
  STAND_INS_DIR,
  imageOf,
  loadContracts,
  programsOfArgv,
  programsOfHealthcheck,
  programsOfShell,
  provides,
  type ImageContract,
} from './image-contracts';

/**
 * No engine here can pull the official images, so what they contain is written down, with sources,
 * in infra/docker/stand-ins/<image>/contract.yml. This checks docker-compose.yml and the README
 * against those contracts: every health check, command and `docker compose exec` line runs only
 * programs its image's contract lists, and every variable the compose file sets on a third-party
 * image is one that image reads. (A wget health check on an image without wget fails here.)
 */

const compose = loadCompose({});
const raw = loadRawCompose();
const contracts = loadContracts();
const contractOf = (image: string): ImageContract | undefined => contracts.find((c) => c.image === image);

/** The base image of infra/docker/Dockerfile: the default of the ARG its stages start FROM. */
const dockerfileText = readFileSync(path.join(REPO_ROOT, 'infra', 'docker', 'Dockerfile'), 'utf8');
const baseArg = /^FROM \$\{(\w+)\}/m.exec(dockerfileText)![1]!;
const dockerfileBase = new RegExp(`^ARG ${baseArg}=(\\S+)$`, 'm').exec(dockerfileText)![1]!;

const services = Object.entries(compose.services);
const imageOfService = (name: string) => imageOf(compose.services[name]!, dockerfileBase);

/** `docker compose exec [options] <service> <command...>` lines of the README, continuation lines joined. */
function readmeExecCommands(): { line: string; service: string; argv: string[] }[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(/\\\n\s*/g, ' ');
  return [...readme.matchAll(/^\s*docker compose exec (.+)$/gm)].map((match) => {
    const words = match[1]!.trim().split(/\s+/);
    let i = 0;
    while (words[i]?.startsWith('-'))
      i += ['-u', '--user', '-w', '--workdir', '-e', '--env'].includes(words[i]!) ? 2 : 1;
    return { line: match[0].trim(), service: words[i]!, argv: words.slice(i + 1) };
  });
}

describe('the image contracts (infra/docker/stand-ins/*/contract.yml)', () => {
  it('cover every image docker-compose.yml runs, and the Dockerfile’s base image', () => {
    const images = new Set([...services.map(([name]) => imageOfService(name)), dockerfileBase]);
    expect([...images].filter((image) => !contractOf(image))).toEqual([]);
    expect(dockerfileBase).toMatch(/^node:22-/);
  });

  it.each(contracts.map((c) => [c.dir, c] as const))(
    '%s: names a source for every fact, and its stand-in builds that image',
    (_dir, contract) => {
      const sources = Object.keys(contract.sources);
      for (const url of Object.values(contract.sources)) expect(url).toMatch(/^https:\/\//);
      const facts = [...contract.binaries, ...(contract.environment ?? [])];
      expect(facts.filter((fact) => !sources.includes(fact.source)).map((fact) => fact.name)).toEqual([]);
      for (const binary of contract.binaries)
        expect(binary.path).toMatch(new RegExp(`(^|/)${binary.name.replace(/\./g, '\\.')}$`));
      if (contract.standIn) {
        const dockerfile = path.join(STAND_INS_DIR, contract.dir, contract.standIn);
        expect(existsSync(dockerfile)).toBe(true);
        // The label the test script reads to tell a stand-in from a real image of the same name.
        expect(readFileSync(dockerfile, 'utf8')).toContain(
          `LABEL dev.kafka-saga-platform.stand-in="${contract.image}"`,
        );
      }
    },
  );
});

describe('docker-compose.yml runs only what each image’s contract lists', () => {
  it.each(services.map(([name, service]) => [name, service] as const))('%s', (name, service) => {
    const contract = contractOf(imageOfService(name))!;
    const programs = [
      ...(service.healthcheck ? programsOfHealthcheck(service.healthcheck.test) : []),
      ...(service.command ? programsOfArgv(service.command) : []),
    ];
    expect(programs.filter((program) => !provides(contract, program))).toEqual([]);
  });

  it('sets on third-party images only variables those images read', () => {
    const unknown = services
      .filter(([, service]) => service.image)
      .flatMap(([name, service]) => {
        const contract = contractOf(service.image!)!;
        return Object.keys(raw.services[name]!.environment ?? {})
          .filter(
            (variable) =>
              !(contract.environment ?? []).some(({ name: known }) =>
                known.endsWith('*') ? variable.startsWith(known.slice(0, -1)) : variable === known,
              ),
          )
          .map((variable) => `${name}: ${variable}`);
      });
    expect(unknown).toEqual([]);
  });

  it('builds every service without an image from infra/docker/Dockerfile, on the base the contracts cover', () => {
    for (const [, service] of services.filter(([, s]) => !s.image))
      expect(service.build?.dockerfile).toBe('infra/docker/Dockerfile');
    expect(
      readStages(dockerfileText).filter((stage) => stage.base === `\${${baseArg}}`).length,
    ).toBeGreaterThan(0);
  });
});

describe('the README’s `docker compose exec` commands run only what each image’s contract lists', () => {
  const commands = readmeExecCommands();

  it('are found', () => {
    expect(commands.length).toBeGreaterThan(0);
  });

  it.each(commands.map((c) => [c.line, c] as const))('%s', (_line, { service, argv }) => {
    expect(Object.keys(compose.services)).toContain(service);
    const contract = contractOf(imageOfService(service))!;
    expect(programsOfArgv(argv).filter((program) => !provides(contract, program))).toEqual([]);
  });
});

describe('reading the programs a command runs', () => {
  it('finds each program of a shell line, past redirections, builtins and operators', () => {
    expect(programsOfShell('wget -q -O /dev/null http://localhost:8081/subjects')).toEqual(['wget']);
    expect(programsOfShell('pg_isready -h 127.0.0.1 -U postgres && curl -f x || exit 1')).toEqual([
      'pg_isready',
      'curl',
    ]);
    expect(
      programsOfShell('A=1 /opt/kafka/bin/kafka-topics.sh --list >/dev/null 2>&1; echo done | tee f'),
    ).toEqual(['/opt/kafka/bin/kafka-topics.sh', 'tee']);
    expect(
      programsOfShell('exec 3<>/dev/tcp/localhost/29092 && printf "\\0" >&3 && read -r -t 5 -d "" _ <&3'),
    ).toEqual([]);
  });

  it('reads CMD, CMD-SHELL and `bash -c` scripts', () => {
    expect(programsOfHealthcheck(['CMD-SHELL', 'wget -q -O /dev/null http://x'])).toEqual([
      '/bin/sh',
      'wget',
    ]);
    expect(programsOfHealthcheck(['CMD', 'curl', '--fail', 'http://x'])).toEqual(['curl']);
    expect(programsOfHealthcheck(['CMD', 'bash', '-c', 'nc -z localhost 1 || exit 1'])).toEqual([
      'bash',
      'nc',
    ]);
  });

  it('would have caught the registry health check that called wget in an image without it', () => {
    const registry = contractOf('confluentinc/cp-schema-registry:8.1.0')!;
    const programs = programsOfHealthcheck([
      'CMD-SHELL',
      'wget -q -O /dev/null http://localhost:8081/subjects',
    ]);
    expect(programs.filter((program) => !provides(registry, program))).toEqual(['wget']);
  });
});
