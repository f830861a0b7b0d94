import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** Read side of the payment service: what GET /payments and GET /payments/:paymentId show. */
@Injectable()
export class PaymentQueries {
  constructor(private readonly prisma: PrismaService) {}

  async findOne(paymentId: string) {
    const row = await this.prisma.payment.findUnique({ where: { paymentId } });
    return row ? view(row) : undefined;
  }

  /** An order has at most one payment; a list, so "not paid yet" is an empty answer rather than a 404. */
  async listByOrder(orderId: string) {
    const rows = await this.prisma.payment.findMany({ where: { orderId }, orderBy: { decidedAt: 'asc' } });
    return { items: rows.map(view) };
  }
}

function view(row: Prisma.PaymentGetPayload<object>) {
  return {
    paymentId: row.paymentId,
    orderId: row.orderId,
    status: row.status,
    amount: { amountMinor: Number(row.amountMinor), currency: row.currency },
    paymentMethod: row.paymentMethod,
    declineReason: row.declineReason,
    decidedAt: row.decidedAt,
    refundedAt: row.refundedAt,
    correlationId: row.correlationId,
  };
}
