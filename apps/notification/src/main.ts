import 'reflect-metadata';
import path from 'node:path';
import { runService } from '@platform/messaging-nest';
import { loadNotificationConfig } from './notification-config';
import { NotificationModule } from './notification.module';

runService({
  app: 'notification',
  loadConfig: loadNotificationConfig,
  module: (config) => NotificationModule.forRoot(config),
  migrationsDir: path.resolve(__dirname, '..', 'migrations'),
  openApi: {
    title: 'Notification service',
    description:
      'Tells customers how their order ended (by e-mail, or in the log without SMTP_URL) and shows what was sent. ' +
      'Events: see schemas/asyncapi.yaml.',
  },
});
