import 'reflect-metadata';
import path from 'node:path';
import { runService } from '@platform/messaging-nest';
import { InventoryModule } from './inventory.module';

// The sample catalogue is loaded by SampleStockSeeder at bootstrap, once the tables exist.
runService({
  app: 'inventory',
  module: (config) => InventoryModule.forRoot(config),
  migrationsDir: path.resolve(__dirname, '..', 'migrations'),
  openApi: {
    title: 'Inventory service',
    description:
      'Stock per SKU and the reservations orders hold. Reserves on OrderPlaced, releases on PaymentDeclined. Events: see schemas/asyncapi.yaml.',
  },
});
