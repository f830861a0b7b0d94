import 'reflect-metadata';
import path from 'node:path';
import { runService } from '@platform/messaging-nest';
import { loadOrderConfig } from './order-config';
import { OrderModule } from './order.module';

runService({
  app: 'order',
  loadConfig: loadOrderConfig,
  module: (config) => OrderModule.forRoot(config),
  migrationsDir: path.resolve(__dirname, '..', 'migrations'),
  openApi: {
    title: 'Order service',
    description: 'Places orders and reports how the saga settled them. Events: see schemas/asyncapi.yaml.',
  },
});
