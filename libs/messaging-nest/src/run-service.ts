import type { DynamicModule } from '@nestjs/common';
import { ConfigurationError } from '@platform/config';
import type { AppName } from '@platform/contracts';
import { migrate } from '@platform/database';
import { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from '@platform/messaging';
import { loadServiceConfig, type ServiceConfig } from './service-config';
import { startService } from './start-service';

export interface RunServiceOptions<Config extends ServiceConfig> {
  app: AppName;
  /** The app's own settings on top of the shared ones; loadServiceConfig when it has none. */
  loadConfig?: (env: NodeJS.ProcessEnv) => Config;
  module: (config: Config) => DynamicModule;
  /** The app's SQL migrations, applied after the messaging tables'. */
  migrationsDir: string;
  openApi: { title: string; description: string };
}

/**
 * An app's whole main(): validate the environment (exit 1 naming every bad variable), bring the
 * database up to date (the same migrations locally and in containers), then serve HTTP and Kafka.
 */
export function runService<Config extends ServiceConfig>(options: RunServiceOptions<Config>): void {
  const run = async () => {
    const config = (options.loadConfig ?? (loadServiceConfig as (env: NodeJS.ProcessEnv) => Config))(
      process.env,
    );
    await migrate({
      databaseUrl: config.DATABASE_URL,
      migrationSets: [
        { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
        { dir: options.migrationsDir, table: `${options.app}_migrations` },
      ],
    });
    await startService(options.module(config), {
      app: options.app,
      port: config.PORT,
      logLevel: config.LOG_LEVEL,
      openApi: options.openApi,
    });
  };
  run().catch((error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : error);
    process.exit(1);
  });
}
