import 'reflect-metadata';
import path from 'node:path';
import { ConfigurationError } from '@platform/config';
import { migrate } from '@platform/database';
import { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from '@platform/messaging';
import { loadServiceConfig, startService } from '@platform/messaging-nest';
import { InventoryModule } from './inventory.module';

async function main(): Promise<void> {
  const config = loadServiceConfig(process.env);
  await migrate({
    databaseUrl: config.DATABASE_URL,
    migrationSets: [
      { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
      { dir: path.resolve(__dirname, '..', 'migrations'), table: 'inventory_migrations' },
    ],
  });
  // The sample catalogue is loaded by SampleStockSeeder at bootstrap, once the tables exist.
  await startService(InventoryModule.forRoot(config), {
    app: 'inventory',
    port: config.PORT,
    kafka: config,
    consumesEvents: true,
    openApi: {
      title: 'Inventory service',
      description:
        'Stock per SKU and the reservations orders hold. Reserves on OrderPlaced, releases on PaymentDeclined. Events: see schemas/asyncapi.yaml.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
