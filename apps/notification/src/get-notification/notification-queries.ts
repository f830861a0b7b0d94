import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** Read side of the notification service: what GET /notifications shows. */
@Injectable()
export class NotificationQueries {
  constructor(private readonly prisma: PrismaService) {}

  async findOne(notificationId: string) {
    const row = await this.prisma.notification.findUnique({ where: { notificationId } });
    return row ? view(row) : undefined;
  }

  /** At most one per outcome, so at most two; oldest first. */
  async forOrder(orderId: string) {
    const rows = await this.prisma.notification.findMany({
      where: { orderId },
      orderBy: [{ createdAt: 'asc' }, { notificationId: 'asc' }],
    });
    return rows.map(view);
  }
}

function view(row: Prisma.NotificationGetPayload<object>) {
  return {
    notificationId: row.notificationId,
    orderId: row.orderId,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    failureReason: row.failureReason,
    correlationId: row.correlationId,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
