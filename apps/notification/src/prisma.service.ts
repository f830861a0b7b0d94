import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { ServiceSettings } from '@platform/messaging-nest';

/**
 * The notification database, through Prisma on the pg driver adapter (no native query engine).
 * A handler's transaction stays open while the mail is handed to the SMTP server (see
 * NotifyCustomerHandler), so it gets longer than Prisma's 5 s default: more than the SMTP
 * adapter's own timeouts add up to, so a slow server fails the send, not the commit.
 */
export const TRANSACTION_TIMEOUT_MS = 60_000;

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(settings: ServiceSettings) {
    super({
      adapter: new PrismaPg({ connectionString: settings.values.DATABASE_URL }),
      transactionOptions: { timeout: TRANSACTION_TIMEOUT_MS },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export type NotificationTransaction = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
