import 'reflect-metadata';
import path from 'node:path';
import { runService } from '@platform/messaging-nest';
import { PaymentModule } from './payment.module';

runService({
  app: 'payment',
  module: (config) => PaymentModule.forRoot(config),
  migrationsDir: path.resolve(__dirname, '..', 'migrations'),
  openApi: {
    title: 'Payment service',
    description:
      'Authorizes each order once against a simulated card gateway (see GET /test-cards). ' +
      'Events: see schemas/asyncapi.yaml.',
  },
});
