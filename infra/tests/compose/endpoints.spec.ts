import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  APP_NAMES,
  hasExplicitKafkaSecurity,
  kafkaSecurityFromEnv,
  localEndpoints,
  parseEnvFile,
  readLocalDefaults,
} from '@platform/config';
import {
  REPO_ROOT,
  containerEnvironment,
  loadCompose,
  loadRawCompose,
  parseListeners,
  parsePort,
  type ComposeService,
} from './compose-model';

/**
 * Every port, host name, URL and database name in docker-compose.yml agrees with the rest of the
 * repository: host ports with infra/local.env, client settings with the services they point at,
 * databases and roles with infra/docker/create-databases.sh, the broker with
 * infra/kafka/server.properties, the init service with `npm run contracts:apply`.
 */

const compose = loadCompose({});
const raw = loadRawCompose();
const local = localEndpoints({});
const localDefaults = readLocalDefaults();
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const env = (name: string) => containerEnvironment(service(name));
const ports = (name: string) => (service(name).ports ?? []).map(parsePort);
/** The variable a published port is read from, e.g. ORDER_PORT in '127.0.0.1:${ORDER_PORT:-3000}:3000'. */
const portVariable = (name: string, target: number) =>
  (raw.services[name]!.ports ?? [])
    .map((spec) => /^(?:[\d.]+:)?\$\{(\w+):-(\d+)\}:(\d+)$/.exec(spec))
    .find((match) => Number(match?.[3]) === target)?.[1];

const kafka = env('kafka');
const kafkaListeners = parseListeners(kafka['KAFKA_LISTENERS']!);
const kafkaAdvertised = parseListeners(kafka['KAFKA_ADVERTISED_LISTENERS']!);
const kafkaNames = ['kafka', service('kafka').hostname];
const internalListener = kafka['KAFKA_INTER_BROKER_LISTENER_NAME']!;

/** A bootstrap server list must name the broker's container listener, by the kafka service's name. */
function expectInternalBrokers(brokers: string): void {
  const internal = kafkaAdvertised.get(internalListener)!;
  for (const broker of brokers.split(',').map((b) => b.replace(/^[A-Z_]+:\/\//, '').trim())) {
    const [host, port] = broker.split(':');
    expect(kafkaNames).toContain(host);
    expect({ broker, port: Number(port) }).toEqual({ broker, port: internal.port });
    expect(internal.host).toBe(host);
  }
}

const registry = env('schema-registry');
const registryPort = new URL(registry['SCHEMA_REGISTRY_LISTENERS']!).port;
const registryUrl = `http://schema-registry:${registryPort}`;

describe('Kafka in docker-compose.yml', () => {
  it('advertises a container listener on the kafka service and one for the host at localhost:KAFKA_PORT', () => {
    const internal = kafkaAdvertised.get(internalListener)!;
    expect(kafkaNames).toContain(internal.host);
    expect(kafkaListeners.get(internalListener)?.port).toBe(internal.port);

    const external = [...kafkaAdvertised.entries()].find(([name]) => name !== internalListener)!;
    expect(external[1]).toEqual({ host: 'localhost', port: Number(localDefaults['KAFKA_PORT']) });
    // What the host reaches on KAFKA_PORT is the container's port of that listener.
    const published = ports('kafka').find((p) => p.published === Number(localDefaults['KAFKA_PORT']));
    expect(published?.target).toBe(kafkaListeners.get(external[0])?.port);
    expect(portVariable('kafka', published!.target)).toBe('KAFKA_PORT');
    // The advertised host port follows the published one when KAFKA_PORT is overridden.
    const moved = containerEnvironment(loadCompose({ KAFKA_PORT: '19092' }).services['kafka']!);
    expect(parseListeners(moved['KAFKA_ADVERTISED_LISTENERS']!).get(external[0])?.port).toBe(19092);
  });

  it('keeps its data on the named volume it mounts', () => {
    const volume = (service('kafka').volumes ?? []).map((v) => v.split(':')).find(([, target]) => target);
    expect(kafka['KAFKA_LOG_DIRS']).toBe(volume?.[1]);
    expect(Object.keys(compose.volumes ?? {})).toContain(volume?.[0]);
  });

  it('is configured like the local broker (infra/kafka/server.properties) apart from listeners and paths', () => {
    const topology = new Set([
      'node.id',
      'process.roles',
      'controller.quorum.bootstrap.servers',
      'listeners',
      'advertised.listeners',
      'controller.listener.names',
      'inter.broker.listener.name',
      'listener.security.protocol.map',
      'log.dirs',
    ]);
    const properties = parseEnvFile(
      readFileSync(path.join(REPO_ROOT, 'infra', 'kafka', 'server.properties'), 'utf8'),
    );
    // The apache/kafka image turns KAFKA_SOME_SETTING into some.setting.
    const fromEnv = (property: string) => kafka[`KAFKA_${property.toUpperCase().replace(/\./g, '_')}`];
    const behaviour = Object.keys(properties).filter((property) => !topology.has(property));
    expect(behaviour.length).toBeGreaterThan(5);
    expect(behaviour.map((p) => [p, fromEnv(p)])).toEqual(behaviour.map((p) => [p, properties[p]]));
  });

  it('is health-checked through its controller listener (SASL, which bash can speak to before the handshake; the client listeners are TLS), which does not depend on KAFKA_PORT', () => {
    const test = JSON.stringify(service('kafka').healthcheck?.test);
    const controller = kafka['KAFKA_CONTROLLER_LISTENER_NAMES']!;
    expect(kafka['KAFKA_LISTENER_SECURITY_PROTOCOL_MAP']).toContain(`${controller}:SASL_PLAINTEXT`);
    // host:port, or /dev/tcp/host/port for bash's network redirection
    expect(test).toMatch(new RegExp(`localhost[:/]${kafkaListeners.get(controller)!.port}\\b`));
  });

  it('serves clients only over SASL_SSL, with an authorizer that refuses what is not granted', () => {
    const protocols = new Map(
      kafka['KAFKA_LISTENER_SECURITY_PROTOCOL_MAP']!.split(',').map(
        (pair) => pair.split(':') as [string, string],
      ),
    );
    for (const name of kafkaAdvertised.keys())
      expect([name, protocols.get(name)]).toEqual([name, 'SASL_SSL']);
    expect(kafka['KAFKA_SASL_ENABLED_MECHANISMS']).toBe('SCRAM-SHA-512');
    expect(kafka['KAFKA_AUTHORIZER_CLASS_NAME']).toBe(
      'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    );
    expect(kafka['KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND']).toBe('false');
    expect(kafka['KAFKA_SUPER_USERS']).toBe('User:broker;User:controller;User:admin');
  });
});

describe('the schema registry in docker-compose.yml', () => {
  it('is published on REGISTRY_PORT of infra/local.env', () => {
    const published = ports('schema-registry').find((p) => p.target === Number(registryPort));
    expect(published?.published).toBe(Number(localDefaults['REGISTRY_PORT']));
    expect(portVariable('schema-registry', Number(registryPort))).toBe('REGISTRY_PORT');
  });

  it('stores its schemas in the compose Kafka, through the container listener', () => {
    expectInternalBrokers(registry['SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS']!);
  });
});

describe('PostgreSQL in docker-compose.yml', () => {
  it('is published on POSTGRES_HOST_PORT, by default not on the port of the local PostgreSQL (which cannot make way)', () => {
    const published = ports('postgres').map((p) => p.published);
    expect(published).toHaveLength(1);
    expect(published[0]).not.toBe(Number(localDefaults['POSTGRES_PORT']));
    expect(portVariable('postgres', 5432)).toBe('POSTGRES_HOST_PORT');
  });

  it('runs the init script of this repository on first start', () => {
    const mount = (service('postgres').volumes ?? []).find((v) => v.includes('/docker-entrypoint-initdb.d/'));
    const source = mount!.split(':')[0]!;
    expect(existsSync(path.join(REPO_ROOT, source))).toBe(true);
    expect(path.basename(source)).toBe('create-databases.sh');
  });

  it('takes its superuser password from the secrets volume, not from the compose file', () => {
    expect(env('postgres')['POSTGRES_PASSWORD']).toBeUndefined();
    expect(env('postgres')['POSTGRES_PASSWORD_FILE']).toBe(`${SECRETS_MOUNT}/postgres-postgres.password`);
    expect(service('postgres').volumes).toContain(`secrets:${SECRETS_MOUNT}:ro`);
  });
});

/** Where the secrets volume is mounted in every container that is not Kafka's. */
const SECRETS_MOUNT = '/run/secrets/platform';
const initScript = readFileSync(path.join(REPO_ROOT, 'infra', 'docker', 'create-databases.sh'), 'utf8');
/** database -> owning role, from the script's `create_app_database <database> <role>` lines. */
const databaseOwners = new Map(
  [...initScript.matchAll(/^create_app_database (\w+) (\w+)$/gm)].map((m) => [m[1]!, m[2]!]),
);

describe.each(APP_NAMES.map((app) => [app] as const))('the %s service’s endpoints', (app) => {
  const appEnv = env(app);

  it('listens on the port of infra/local.env, published on the host under the same number', () => {
    const port = local.appPort(app);
    expect(Number(appEnv['PORT'])).toBe(port);
    expect(ports(app)).toEqual([{ hostIp: '127.0.0.1', published: port, target: port }]);
    expect(portVariable(app, port)).toBe(`${app.toUpperCase()}_PORT`);
  });

  it('is health-checked on its own PORT at /health/ready', () => {
    const test = service(app).healthcheck?.test;
    expect(JSON.stringify(test)).toContain('process.env.PORT');
    expect(JSON.stringify(test)).toContain('/health/ready');
  });

  it('reaches Kafka through the container listener of the kafka service', () => {
    expectInternalBrokers(appEnv['KAFKA_BROKERS']!);
  });

  it('reaches the schema registry service at the root of its API', () => {
    expect(appEnv['SCHEMA_REGISTRY_URL']).toBe(registryUrl);
  });

  it('uses its own database on the postgres service, as the role that owns it', () => {
    const url = new URL(appEnv['DATABASE_URL']!);
    const localDatabase = new URL(local.databaseUrl(app)).pathname;
    expect({ host: url.hostname, port: url.port, database: url.pathname }).toEqual({
      host: 'postgres',
      port: String(ports('postgres')[0]!.target),
      database: localDatabase,
    });
    const database = decodeURIComponent(url.pathname.slice(1));
    expect(databaseOwners.get(database)).toBe(url.username);
    // No password in the compose file: the app reads the one create-databases.sh gave its role.
    expect(url.password).toBe('');
    expect(appEnv['DATABASE_PASSWORD_FILE']).toBe(`${SECRETS_MOUNT}/postgres-${url.username}.password`);
  });

  it('starts after the infrastructure is healthy and the contracts are applied', () => {
    const dependsOn = service(app).depends_on ?? {};
    expect(dependsOn).toMatchObject({
      postgres: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
      'schema-registry': { condition: 'service_healthy' },
      contracts: { condition: 'service_completed_successfully' },
    });
  });
});

describe('the notification service’s mail', () => {
  it('goes to the mailpit service’s SMTP port', () => {
    const smtp = new URL(env('notification')['SMTP_URL']!);
    expect(smtp.hostname).toBe('mailpit');
    expect(ports('mailpit').map((p) => p.target)).toContain(Number(smtp.port));
    expect(service('notification').depends_on?.['mailpit']).toEqual({ condition: 'service_healthy' });
  });
});

describe('the Kafka UI', () => {
  it('reads the compose Kafka and decodes values through the compose registry', () => {
    const ui = env('kafka-ui');
    expectInternalBrokers(ui['KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS']!);
    expect(ui['KAFKA_CLUSTERS_0_SCHEMAREGISTRY']).toBe(registryUrl);
  });
});

describe('the contracts service (topics and schemas, once)', () => {
  const contracts = service('contracts');
  const rootScripts = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;

  it('runs the same npm script as locally, once, after Kafka and the registry are healthy', () => {
    expect(contracts.command?.slice(0, 2)).toEqual(['npm', 'run']);
    expect(rootScripts[contracts.command![2]!]).toContain('apply-contracts');
    expect(contracts.restart).toBe('no');
    expect(contracts.depends_on).toEqual({
      kafka: { condition: 'service_healthy' },
      'kafka-users': { condition: 'service_completed_successfully' },
      'schema-registry': { condition: 'service_healthy' },
    });
  });

  it('points the command at the compose Kafka and registry, through variables it reads', () => {
    const contractsEnv = containerEnvironment(contracts);
    const endpoints = localEndpoints(contractsEnv);
    expectInternalBrokers(endpoints.kafkaBrokers.join(','));
    expect(endpoints.schemaRegistryUrl).toBe(registryUrl);
    // Each variable it sets is read: without it the command would aim elsewhere (the security
    // settings, read by kafkaSecurityFromEnv, are checked below).
    for (const name of Object.keys(contractsEnv).filter((n) => !SECURITY_SETTINGS.includes(n))) {
      const without = localEndpoints(
        Object.fromEntries(Object.entries(contractsEnv).filter(([n]) => n !== name)),
      );
      expect([name, without.kafkaBrokers.join(','), without.schemaRegistryUrl]).not.toEqual([
        name,
        endpoints.kafkaBrokers.join(','),
        endpoints.schemaRegistryUrl,
      ]);
    }
  });
});

/** The contracts job's Kafka security settings (kafkaSecurityFromEnv reads exactly these). */
const SECURITY_SETTINGS = [
  'KAFKA_SSL',
  'KAFKA_SSL_CA_FILE',
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD_FILE',
];

describe('the contracts service’s login', () => {
  it('is the admin principal’s, over TLS, so contracts:apply also grants the catalogue’s ACLs', () => {
    const contractsEnv = containerEnvironment(service('contracts'));
    expect(hasExplicitKafkaSecurity(contractsEnv)).toBe(true);
    const settings = kafkaSecurityFromEnv(contractsEnv);
    expect(
      Object.fromEntries(SECURITY_SETTINGS.map((n) => [n, settings[n as keyof typeof settings]])),
    ).toEqual({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/run/secrets/platform/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'admin',
      KAFKA_SASL_PASSWORD_FILE: '/run/secrets/platform/kafka-admin.password',
    });
  });
});

describe('the published host ports', () => {
  const published = Object.entries(raw.services).flatMap(([name, s]) =>
    (s.ports ?? []).map((spec) => ({
      name,
      spec,
      match: /^127\.0\.0\.1:\$\{(\w+):-(\d+)\}:(\d+)$/.exec(spec),
    })),
  );

  it('can each be moved with its own variable, as the header of docker-compose.yml says', () => {
    expect(published.filter(({ match }) => !match).map(({ name, spec }) => `${name}: ${spec}`)).toEqual([]);
    const variables = published.map(({ match }) => match![1]);
    expect(new Set(variables).size).toBe(variables.length);
    const header = readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8').split('\nx-')[0]!;
    expect(variables.filter((variable) => !header.includes(variable!))).toEqual([]);
  });

  it('default to distinct numbers', () => {
    const defaults = published.map(({ match }) => match![2]);
    expect(new Set(defaults).size).toBe(defaults.length);
  });

  it('move when their variables are set (all at once, as npm run test:compose does)', () => {
    const shell = Object.fromEntries(published.map(({ match }, i) => [match![1]!, String(40000 + i)]));
    const moved = loadCompose(shell);
    const all = Object.values(moved.services).flatMap((s) =>
      (s.ports ?? []).map((spec) => parsePort(spec).published),
    );
    expect(all.sort()).toEqual(Object.values(shell).map(Number).sort());
  });
});

describe('every long-running service', () => {
  /** One-shot jobs (secrets, kafka-users, contracts) run to completion: restart 'no', no health check. */
  const jobs = Object.entries(compose.services)
    .filter(([, s]) => s.restart === 'no')
    .map(([name]) => name);
  const longRunning = Object.entries(compose.services).filter(([name]) => !jobs.includes(name));

  it('are all but the jobs that create the secrets, the Kafka users and the contracts', () => {
    expect(jobs.sort()).toEqual(['contracts', 'kafka-users', 'secrets']);
  });

  it('has a health check and a restart policy', () => {
    const missing = longRunning
      .filter(
        ([, s]) =>
          !s.healthcheck?.test || !['unless-stopped', 'always', 'on-failure'].includes(s.restart ?? ''),
      )
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('publishes its ports on 127.0.0.1 only', () => {
    const open = longRunning.flatMap(([name, s]) =>
      (s.ports ?? [])
        .map(parsePort)
        .filter((p) => p.hostIp !== '127.0.0.1')
        .map(() => name),
    );
    expect(open).toEqual([]);
  });

  it('waits only on services that report health (or, for the jobs, complete)', () => {
    for (const [, s] of Object.entries(compose.services))
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {}))
        expect([dependency, condition]).toEqual([
          dependency,
          jobs.includes(dependency) ? 'service_completed_successfully' : 'service_healthy',
        ]);
  });
});
