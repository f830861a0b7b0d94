import 'reflect-metadata';
import path from 'node:path';
import { ConfigurationError } from '@platform/config';
import { migrate } from '@platform/database';
import { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from '@platform/messaging';
import { startService } from '@platform/messaging-nest';
import { loadNotificationConfig } from './notification-config';
import { NotificationModule } from './notification.module';

async function main(): Promise<void> {
  const config = loadNotificationConfig(process.env);
  await migrate({
    databaseUrl: config.DATABASE_URL,
    migrationSets: [
      { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
      { dir: path.resolve(__dirname, '..', 'migrations'), table: 'notification_migrations' },
    ],
  });
  await startService(NotificationModule.forRoot(config), {
    app: 'notification',
    port: config.PORT,
    kafka: config,
    consumesEvents: true,
    openApi: {
      title: 'Notification service',
      description:
        'Tells customers how their order ended (by e-mail, or in the log without SMTP_URL) and shows what was sent. ' +
        'Events: see schemas/asyncapi.yaml.',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
