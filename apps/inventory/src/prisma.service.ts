import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { ServiceSettings } from '@platform/messaging-nest';

/** The inventory database, through Prisma on the pg driver adapter (no native query engine). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(settings: ServiceSettings) {
    super({ adapter: new PrismaPg({ connectionString: settings.values.DATABASE_URL }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** A transaction's client; the PrismaService itself fits too, for reads outside a transaction. */
export type InventoryTransaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
