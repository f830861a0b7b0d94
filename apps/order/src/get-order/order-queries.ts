import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { decodeCursor, encodeCursor } from './order-cursor';

export interface OrderListFilter {
  status?: string;
  customerId?: string;
  limit: number;
  cursor?: string;
}

/** Read side of the order service: what GET /orders and GET /orders/:id show. */
@Injectable()
export class OrderQueries {
  constructor(private readonly prisma: PrismaService) {}

  async findOne(orderId: string) {
    const row = await this.prisma.order.findUnique({
      where: { orderId },
      include: { lines: { orderBy: { lineNo: 'asc' } }, history: { orderBy: { id: 'asc' } } },
    });
    if (!row) return undefined;
    return {
      ...summary(row),
      paymentMethod: row.paymentMethod,
      paymentId: row.paymentId,
      correlationId: row.correlationId,
      lines: row.lines.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: { amountMinor: Number(line.unitPriceMinor), currency: row.currency },
      })),
      deadlineAt: row.deadlineAt,
      stockReservedAt: row.stockReservedAt,
      confirmedAt: row.confirmedAt,
      cancelledAt: row.cancelledAt,
      history: row.history.map((entry) => ({
        eventType: entry.eventType,
        eventId: entry.eventId,
        source: entry.source,
        occurredAt: entry.occurredAt,
      })),
    };
  }

  /** Newest first, paged by an opaque cursor over (placedAt, orderId), stable under inserts. */
  async list({ status, customerId, limit, cursor }: OrderListFilter) {
    const where: Prisma.OrderWhereInput = {
      ...(status ? { status } : {}),
      ...(customerId ? { customerId } : {}),
    };
    const after = cursor ? decodeCursor(cursor) : undefined;
    if (after) {
      where.OR = [
        { placedAt: { lt: after.placedAt } },
        { placedAt: after.placedAt, orderId: { lt: after.orderId } },
      ];
    }
    const rows = await this.prisma.order.findMany({
      where,
      orderBy: [{ placedAt: 'desc' }, { orderId: 'desc' }],
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(summary),
      nextCursor: rows.length > limit && last ? encodeCursor(last.placedAt, last.orderId) : null,
    };
  }
}

type OrderRow = Prisma.OrderGetPayload<object>;

function summary(row: OrderRow) {
  return {
    orderId: row.orderId,
    customerId: row.customerId,
    status: row.status,
    total: { amountMinor: Number(row.totalMinor), currency: row.currency },
    cancellation: row.cancellationReason
      ? { reason: row.cancellationReason, detail: row.cancellationDetail }
      : null,
    placedAt: row.placedAt,
  };
}
