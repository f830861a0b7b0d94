import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule } from '@platform/messaging-nest';
import pino from 'pino';
import { NOTIFICATION_CHANNEL } from './channels/notification-channel';
import { notificationChannelFor } from './channels/notification-channels';
import { GetNotificationController } from './get-notification/get-notification.controller';
import { NotificationQueries } from './get-notification/notification-queries';
import type { NotificationConfig } from './notification-config';
import { DomainError } from './domain';
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
        ServiceModule.forRoot({
          app: 'notification',
          config,
          prisma: PrismaService,
          consumes: ['OrderConfirmed', 'OrderCancelled'],
          produces: ['NotificationSent'],
          permanentErrors: [DomainError],
          // With SMTP the mail goes out inside the handler: a failure later in a batch must not send
          // it again. The log channel has nothing to repeat, and saves the round trip.
          savepointPerEvent: Boolean(config.SMTP_URL),
        }),
      ],
      controllers: [GetNotificationController, OrderOutcomesController],
      providers: [
        NotificationRepository,
        NotificationQueries,
        NotifyCustomerHandler,
        { provide: NOTIFICATION_CHANNEL, useFactory: () => notificationChannelFor(config, logger) },
      ],
    };
  }
}
