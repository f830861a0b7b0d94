import 'reflect-metadata';
import path from 'node:path';
import { ConfigurationError } from '@platform/config';
import { migrate } from '@platform/database';
import { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from '@platform/messaging';
import { loadServiceConfig, startService } from '@platform/messaging-nest';
import { OrderModule } from './order.module';

async function main(): Promise<void> {
  const config = loadServiceConfig(process.env);
  await migrate({
    databaseUrl: config.DATABASE_URL,
    migrationSets: [
      { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
      { dir: path.resolve(__dirname, '..', 'migrations'), table: 'order_migrations' },
    ],
  });
  await startService(OrderModule.forRoot(config), {
    app: 'order',
    port: config.PORT,
    kafka: config,
    consumesEvents: true,
    openApi: {
      title: 'Order service',
      description: 'Places orders and reports how the saga settled them. Events: see schemas/asyncapi.yaml.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
