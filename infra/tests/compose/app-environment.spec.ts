import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { APP_NAMES, type AppName } from '@platform/config';
import { kafkaSettingsSchema } from '@platform/messaging';
import { loadServiceConfig, serviceSettingsSchema } from '@platform/messaging-nest';
import { authSettingsSchema } from '@platform/service-kit';
// The notification app's own settings (SMTP_URL, MAIL_FROM) and the order app's (its rate limit)
// are defined in the apps, not in a library; the compose file must agree with exactly those
// schemas, so they are read from the apps themselves.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  loadNotificationConfig,
  notificationSettingsSchema,
} from '../../../apps/notification/src/notification-config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadOrderConfig, orderSettingsSchema } from '../../../apps/order/src/order-config';
import { platformApps } from '../../launcher/platform-apps';
import { REPO_ROOT, containerEnvironment, loadCompose, loadRawCompose, type HostEnv } from './compose-model';

/**
 * Every app service of docker-compose.yml sets each variable its app requires, sets nothing the app
 * does not read, and passes the app's own start-up validation. The variable names come from the
 * apps' configuration schemas, never from a list copied into this test.
 */

type Schema = z.ZodObject;

interface AppSettings {
  /**
   * The configuration loader main.ts names, if any (without one, the app gets loadServiceConfig):
   * the test checks main.ts names no other, so a new app-specific schema cannot go unnoticed here.
   */
  loader: string | undefined;
  schemas: Schema[];
  load(env: HostEnv): Record<string, unknown>;
}

const common: Schema[] = [serviceSettingsSchema, kafkaSettingsSchema, authSettingsSchema];
const shared: AppSettings = { loader: undefined, schemas: common, load: (env) => loadServiceConfig(env) };
const SETTINGS: Record<AppName, AppSettings> = {
  order: {
    loader: 'loadOrderConfig',
    schemas: [...common, orderSettingsSchema],
    load: (env) => loadOrderConfig(env),
  },
  inventory: shared,
  payment: shared,
  notification: {
    loader: 'loadNotificationConfig',
    schemas: [...common, notificationSettingsSchema],
    load: (env) => loadNotificationConfig(env),
  },
};

const names = (schemas: Schema[]) => schemas.flatMap((schema) => Object.keys(schema.shape));
const required = (schemas: Schema[]) =>
  schemas.flatMap((schema) =>
    Object.entries(schema.shape)
      .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
      .map(([name]) => name),
  );
const optional = (schemas: Schema[]) => names(schemas).filter((name) => !required(schemas).includes(name));

/** A valid value for a setting: an enum's first option, otherwise a plain string. */
function sampleValue(name: string, field: z.ZodType): string {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodEnum) return String(inner.options[0]);
  // A file setting is checked for existence at start.
  return name.endsWith('_FILE') ? path.join(REPO_ROOT, 'package.json') : `test-${name.toLowerCase()}`;
}

/**
 * The launcher composes the apps' credentials from the secrets `infra up` generates; stand-ins of
 * them here, so this check needs no infrastructure.
 */
function withLocalSecrets<T>(work: () => T): T {
  const varDir = mkdtempSync(path.join(tmpdir(), 'app-environment-'));
  mkdirSync(path.join(varDir, 'secrets'));
  writeFileSync(
    path.join(varDir, 'secrets', 'credentials.env'),
    APP_NAMES.map(
      (a) => `KAFKA_PASSWORD_${a.toUpperCase()}=x\nPOSTGRES_PASSWORD_${a.toUpperCase()}=x\n`,
    ).join(''),
  );
  const saved = process.env['INFRA_VAR_DIR'];
  process.env['INFRA_VAR_DIR'] = varDir;
  try {
    return work();
  } finally {
    if (saved === undefined) delete process.env['INFRA_VAR_DIR'];
    else process.env['INFRA_VAR_DIR'] = saved;
    rmSync(varDir, { recursive: true, force: true });
  }
}

const compose = loadCompose({});
const raw = loadRawCompose();

/** Where docker-compose.yml mounts the secrets volume (generated at the first `up`) in the apps. */
const SECRETS_MOUNT = '/run/secrets/platform/';
/**
 * The container environment as the app sees it on this host: the files of the secrets volume do not
 * exist here, so each path into it is replaced by a file that does (the apps check file settings exist).
 */
const onHost = (env: HostEnv): HostEnv =>
  Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      value?.startsWith(SECRETS_MOUNT) ? path.join(REPO_ROOT, 'package.json') : value,
    ]),
  );
/** A password reaches the containers in a file of the secrets volume, never in the compose file. */
const PASSWORDS_IN_FILES = ['KAFKA_SASL_PASSWORD'];

describe.each(APP_NAMES.map((app) => [app] as const))('the %s service', (app) => {
  const settings = SETTINGS[app];
  const service = compose.services[app]!;

  it(`is built from the Dockerfile target ${app}`, () => {
    expect(service).toBeDefined();
    expect(service.build?.target).toBe(app);
  });

  it('loads its configuration the way this test assumes (main.ts)', () => {
    const main = readFileSync(path.join(REPO_ROOT, 'apps', app, 'src', 'main.ts'), 'utf8');
    const loaders = new Set([...main.matchAll(/\bload[A-Z]\w*Config\b/g)].map((m) => m[0]));
    loaders.delete('loadServiceConfig');
    expect([...loaders]).toEqual(settings.loader ? [settings.loader] : []);
  });

  it('sets every variable the app requires', () => {
    const set = Object.keys(containerEnvironment(service));
    expect(required(settings.schemas).filter((name) => !set.includes(name))).toEqual([]);
  });

  it('sets no variable the app does not read', () => {
    const listed = Object.keys(raw.services[app]!.environment ?? {});
    expect(listed.filter((name) => !names(settings.schemas).includes(name))).toEqual([]);
  });

  it('passes the app’s own start-up validation, started from a clean shell', () => {
    expect(() => settings.load(onHost(containerEnvironment(service)))).not.toThrow();
  });

  it('uses the same variable names and client id as the local launcher', () => {
    const local = withLocalSecrets(() => platformApps().find((spec) => spec.app === app)!.env);
    const env = containerEnvironment(service);
    // A password the launcher sets is a file of the secrets volume in compose (<name>_FILE).
    expect(Object.keys(local).filter((name) => !(name in env) && !(`${name}_FILE` in env))).toEqual([]);
    expect(env['KAFKA_CLIENT_ID']).toBe(local['KAFKA_CLIENT_ID']);
  });

  describe('the optional Kafka, registry and TLS/SASL settings', () => {
    const listed = raw.services[app]!.environment ?? {};
    const kafkaShape: Record<string, z.ZodType> = kafkaSettingsSchema.shape;
    /** Those the compose file leaves to the shell (the registry's credentials). */
    const kafkaOptional = optional([kafkaSettingsSchema]).filter((name) => listed[name] === null);

    it('are each set (TLS and SASL, the password as a file), listed without a value, or a password kept out', () => {
      const env = containerEnvironment(service);
      expect(env['KAFKA_SSL']).toBe('true');
      expect(env['KAFKA_SASL_MECHANISM']).toBe('scram-sha-512');
      expect(env['KAFKA_SASL_USERNAME']).toBe(app);
      expect(env['KAFKA_SASL_PASSWORD_FILE']).toBe(`${SECRETS_MOUNT}kafka-${app}.password`);
      expect(env['KAFKA_SSL_CA_FILE']).toBe(`${SECRETS_MOUNT}ca.pem`);
      // Every other optional setting is set above, or listed without a value (the registry's login).
      expect(
        optional([kafkaSettingsSchema]).filter(
          (name) => !(name in env) && listed[name] !== null && !PASSWORDS_IN_FILES.includes(name),
        ),
      ).toEqual([]);
      expect(kafkaOptional.length).toBeGreaterThan(0);
      expect(PASSWORDS_IN_FILES.filter((name) => name in listed)).toEqual([]);
    });

    it('are absent from the container when the shell does not set them, and not needed', () => {
      const env = onHost(containerEnvironment(service));
      expect(kafkaOptional.filter((name) => name in env)).toEqual([]);
      expect(() => settings.load(env)).not.toThrow();
    });

    it('reach the app and validate when the shell sets them for a secured cluster', () => {
      const shell = Object.fromEntries(
        kafkaOptional.map((name) => [name, sampleValue(name, kafkaShape[name]!)]),
      );
      const env = onHost(containerEnvironment(loadCompose(shell).services[app]!, shell));
      const config = settings.load(env);
      for (const [name, value] of Object.entries(shell))
        expect([name, String(config[name])]).toEqual([name, value]);
    });
  });
});

describe('the compose file', () => {
  it('has one service per app and names no other app', () => {
    const appServices = Object.entries(compose.services)
      .filter(([, service]) => service.build?.target && service.build.target !== 'tools')
      .map(([name]) => name);
    expect(appServices.sort()).toEqual([...APP_NAMES].sort());
  });
});
