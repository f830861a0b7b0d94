import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@platform/contracts';
import type { Order, OrderState } from './domain';
import type { OrderTransaction } from './prisma.service';

/** Loads and saves the order aggregate, and appends to its history, inside the caller's transaction. */
@Injectable()
export class OrderRepository {
  /** With `forUpdate`, the row stays locked until the transaction ends, so two events of one order apply one after the other. */
  async load(tx: OrderTransaction, orderId: string, { forUpdate = false } = {}): Promise<OrderState> {
    if (forUpdate) await tx.$queryRaw`SELECT 1 FROM orders WHERE order_id = ${orderId} FOR UPDATE`;
    const row = await tx.order.findUnique({
      where: { orderId },
      include: { lines: { orderBy: { lineNo: 'asc' } } },
    });
    if (!row) return null;
    const base = {
      orderId: row.orderId,
      customerId: row.customerId,
      lines: row.lines.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: { amountMinor: Number(line.unitPriceMinor), currency: row.currency },
      })),
      total: { amountMinor: Number(row.totalMinor), currency: row.currency },
      paymentMethod: row.paymentMethod,
      placedAt: row.placedAt,
      stockReservedAt: row.stockReservedAt,
    };
    switch (row.status) {
      case 'CONFIRMED':
        return { ...base, status: 'CONFIRMED', paymentId: row.paymentId!, confirmedAt: row.confirmedAt! };
      case 'CANCELLED':
        return {
          ...base,
          status: 'CANCELLED',
          reason: row.cancellationReason as Extract<Order, { status: 'CANCELLED' }>['reason'],
          detail: row.cancellationDetail,
          cancelledAt: row.cancelledAt!,
        };
      default:
        return { ...base, status: 'PENDING' };
    }
  }

  /** Inserts a new order with its lines. */
  async create(tx: OrderTransaction, order: Order, correlationId: string): Promise<void> {
    await tx.order.create({
      data: {
        orderId: order.orderId,
        customerId: order.customerId,
        status: order.status,
        currency: order.total.currency,
        totalMinor: BigInt(order.total.amountMinor),
        paymentMethod: order.paymentMethod,
        correlationId,
        placedAt: order.placedAt,
        lines: {
          create: order.lines.map((line, index) => ({
            lineNo: index + 1,
            sku: line.sku,
            quantity: line.quantity,
            unitPriceMinor: BigInt(line.unitPrice.amountMinor),
          })),
        },
      },
    });
  }

  /** Writes the saga's progress: status, reservation time, confirmation or cancellation. */
  async update(tx: OrderTransaction, order: Order): Promise<void> {
    await tx.order.update({
      where: { orderId: order.orderId },
      data: {
        status: order.status,
        stockReservedAt: order.stockReservedAt,
        paymentId: order.status === 'CONFIRMED' ? order.paymentId : null,
        confirmedAt: order.status === 'CONFIRMED' ? order.confirmedAt : null,
        cancellationReason: order.status === 'CANCELLED' ? order.reason : null,
        cancellationDetail: order.status === 'CANCELLED' ? order.detail : null,
        cancelledAt: order.status === 'CANCELLED' ? order.cancelledAt : null,
        updatedAt: new Date(),
      },
    });
  }

  async appendHistory(tx: OrderTransaction, orderId: string, envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    await tx.orderHistory.createMany({
      data: envelopes.map((envelope) => ({
        orderId,
        eventId: envelope.eventId,
        eventType: envelope.eventType,
        source: envelope.source,
        occurredAt: new Date(envelope.occurredAt),
      })),
    });
  }
}
