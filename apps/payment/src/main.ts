import 'reflect-metadata';
import path from 'node:path';
import { ConfigurationError } from '@platform/config';
import { migrate } from '@platform/database';
import { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from '@platform/messaging';
import { loadServiceConfig, startService } from '@platform/messaging-nest';
import { PaymentModule } from './payment.module';

async function main(): Promise<void> {
  const config = loadServiceConfig(process.env);
  await migrate({
    databaseUrl: config.DATABASE_URL,
    migrationSets: [
      { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
      { dir: path.resolve(__dirname, '..', 'migrations'), table: 'payment_migrations' },
    ],
  });
  await startService(PaymentModule.forRoot(config), {
    app: 'payment',
    port: config.PORT,
    kafka: config,
    consumesEvents: true,
    openApi: {
      title: 'Payment service',
      description:
        'Authorizes each order once against a simulated card gateway (see GET /test-cards). ' +
        'Events: see schemas/asyncapi.yaml.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
