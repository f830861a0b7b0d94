import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { KAFKA, MessagingModule, messagingReadinessChecks } from '@platform/messaging-nest';
import { HealthController, MetricsController, READINESS_CHECKS, loggingModule } from '@platform/service-kit';
import pino from 'pino';
import { NOTIFICATION_CHANNEL } from './channels/notification-channel';
import { notificationChannelFor } from './channels/notification-channels';
import { GetNotificationController } from './get-notification/get-notification.controller';
import { NotificationQueries } from './get-notification/notification-queries';
import type { NotificationConfig } from './notification-config';
import { NotificationDatabaseModule } from './notification-database.module';
import { NotificationRepository } from './notification.repository';
import { NotifyCustomerHandler } from './notify-customer/notify-customer.handler';
import { OrderOutcomesController } from './notify-customer/order-outcomes.controller';
import { PrismaService } from './prisma.service';

/**
 * The notification service's composition root. The mail server is deliberately not a readiness
 * check: while it is down, events wait in Kafka and are retried, and the rest of the service is up.
 */
@Module({})
export class NotificationModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    const logger = pino({ name: 'notification', level: config.LOG_LEVEL });
    return {
      module: NotificationModule,
      imports: [
        loggingModule('notification'),
        NotificationDatabaseModule.forRoot(config),
        MessagingModule.forRoot({
          app: 'notification',
          consumes: ['OrderConfirmed', 'OrderCancelled'],
          produces: ['NotificationSent'],
          kafka: config,
          databaseUrl: config.DATABASE_URL,
          database: PrismaService,
          logger,
        }),
      ],
      controllers: [GetNotificationController, OrderOutcomesController, HealthController, MetricsController],
      providers: [
        NotificationRepository,
        NotificationQueries,
        NotifyCustomerHandler,
        { provide: NOTIFICATION_CHANNEL, useFactory: () => notificationChannelFor(config, logger) },
        {
          provide: READINESS_CHECKS,
          inject: [PrismaService, KAFKA],
          useFactory: (prisma: PrismaService, kafka: Kafka) => [
            { name: 'database', check: () => prisma.$queryRaw`SELECT 1` },
            ...messagingReadinessChecks(kafka, config),
          ],
        },
      ],
    };
  }
}
