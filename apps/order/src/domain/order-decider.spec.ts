import { decideAndApply, evolve } from './order-decider';
import type { RecordPaymentAuthorized, RecordPaymentDeclined, RecordStockRejected } from './order-commands';
import {
  isPublished,
  type OrderCancelled,
  type OrderConfirmed,
  type StockReservationRecorded,
} from './order-events';
import type { PaymentDeclineReason } from './order';
import { givenOrder } from './testing/given-order';
import { deadlineAt, later, orderPlaced, placeOrderCommand, placedAt } from './testing/order-fixtures';

const total = { amountMinor: 3000, currency: 'EUR' };

const stockReserved = { type: 'RecordStockReserved', orderId: 'order-1', now: later } as const;
const stockReservationRecorded: StockReservationRecorded = {
  type: 'StockReservationRecorded',
  orderId: 'order-1',
  reservedAt: later,
};
const outOfStock: RecordStockRejected = {
  type: 'RecordStockRejected',
  orderId: 'order-1',
  reason: 'OUT_OF_STOCK',
  shortages: [
    { sku: 'BOOK-1', requested: 2, available: 1 },
    { sku: 'PEN-1', requested: 1, available: 0 },
  ],
  now: later,
};
const paymentAuthorized: RecordPaymentAuthorized = {
  type: 'RecordPaymentAuthorized',
  orderId: 'order-1',
  paymentId: 'pay-1',
  amount: total,
  now: later,
};
const paymentDeclined = (reason: PaymentDeclineReason): RecordPaymentDeclined => ({
  type: 'RecordPaymentDeclined',
  orderId: 'order-1',
  paymentId: 'pay-1',
  amount: total,
  reason,
  now: later,
});
const orderConfirmed: OrderConfirmed = {
  type: 'OrderConfirmed',
  orderId: 'order-1',
  customerId: 'ada@example.com',
  total,
  paymentId: 'pay-1',
  confirmedAt: later,
};
const cancelledOutOfStock: OrderCancelled = {
  type: 'OrderCancelled',
  orderId: 'order-1',
  customerId: 'ada@example.com',
  total,
  reason: 'OUT_OF_STOCK',
  detail: 'Not enough stock for BOOK-1 (requested 2, available 1), PEN-1 (requested 1, available 0)',
  cancelledAt: later,
};

describe('the order saga', () => {
  describe('placing', () => {
    it('given no order, when placed, then OrderPlaced', () => {
      givenOrder().when(placeOrderCommand()).then([orderPlaced]);
    });

    it('given an order already placed, when placed again, then ORDER_ALREADY_PLACED', () => {
      givenOrder(orderPlaced).when(placeOrderCommand()).thenThrows('ORDER_ALREADY_PLACED');
    });

    it('given OrderPlaced, then the order is PENDING with its lines and total', () => {
      expect(givenOrder(orderPlaced).state).toEqual({
        status: 'PENDING',
        orderId: 'order-1',
        customerId: 'ada@example.com',
        lines: orderPlaced.lines,
        total,
        paymentMethod: 'tok_visa',
        placedAt,
        deadlineAt,
        stockReservedAt: null,
      });
    });
  });

  describe('stock reserved', () => {
    it('given a pending order, when stock is reserved, then progress is recorded and the order stays PENDING', () => {
      givenOrder(orderPlaced).when(stockReserved).then([stockReservationRecorded]);
      expect(givenOrder(orderPlaced, stockReservationRecorded).state).toMatchObject({
        status: 'PENDING',
        stockReservedAt: later,
      });
    });

    it('given the reservation already recorded, when StockReserved comes again, then nothing', () => {
      givenOrder(orderPlaced, stockReservationRecorded).when(stockReserved).then([]);
    });
  });

  describe('stock rejected', () => {
    it('given a pending order, when stock is short, then CANCELLED(OUT_OF_STOCK) listing every shortage', () => {
      givenOrder(orderPlaced).when(outOfStock).then([cancelledOutOfStock]);
    });

    it('given a pending order, when a sku is unknown, then CANCELLED(UNKNOWN_SKU) naming it', () => {
      givenOrder(orderPlaced)
        .when({
          ...outOfStock,
          reason: 'UNKNOWN_SKU',
          shortages: [{ sku: 'PEN-1', requested: 1, available: 0 }],
        })
        .then([{ ...cancelledOutOfStock, reason: 'UNKNOWN_SKU', detail: 'Unknown SKU: PEN-1' }]);
    });

    it('given a rejection without shortages, when recorded, then the cancellation has no detail', () => {
      givenOrder(orderPlaced)
        .when({ ...outOfStock, shortages: [] })
        .then([{ ...cancelledOutOfStock, detail: null }]);
    });
  });

  describe('payment authorized', () => {
    it('given stock reserved, when the payment is authorized, then CONFIRMED', () => {
      givenOrder(orderPlaced, stockReservationRecorded).when(paymentAuthorized).then([orderConfirmed]);
    });

    it('given StockReserved not yet seen (topics are not ordered together), when authorized, then CONFIRMED', () => {
      givenOrder(orderPlaced).when(paymentAuthorized).then([orderConfirmed]);
    });

    it('given a pending order, when an authorization for another amount arrives, then PAYMENT_AMOUNT_MISMATCH', () => {
      givenOrder(orderPlaced)
        .when({ ...paymentAuthorized, amount: { amountMinor: 2999, currency: 'EUR' } })
        .thenThrows('PAYMENT_AMOUNT_MISMATCH');
    });
  });

  describe('payment declined', () => {
    it.each([
      ['CARD_DECLINED', 'PAYMENT_DECLINED'],
      ['PROCESSING_ERROR', 'PAYMENT_DECLINED'],
      ['INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS'],
      ['EXPIRED_CARD', 'EXPIRED_CARD'],
    ] as const)(
      'given a pending order, when declined with %s, then CANCELLED(%s)',
      (declineReason, reason) => {
        givenOrder(orderPlaced, stockReservationRecorded)
          .when(paymentDeclined(declineReason))
          .then([
            {
              type: 'OrderCancelled',
              orderId: 'order-1',
              customerId: 'ada@example.com',
              total,
              reason,
              detail: `Payment pay-1 declined (${declineReason})`,
              cancelledAt: later,
            },
          ]);
      },
    );
  });

  describe('late and repeated events', () => {
    const cancelledByPayment: OrderCancelled = {
      ...cancelledOutOfStock,
      reason: 'PAYMENT_DECLINED',
      detail: 'Payment pay-1 declined (CARD_DECLINED)',
    };
    const lateEvents = [
      ['StockReserved', stockReserved],
      ['StockRejected', outOfStock],
      ['PaymentAuthorized', paymentAuthorized],
      ['PaymentDeclined', paymentDeclined('CARD_DECLINED')],
    ] as const;

    it.each(lateEvents)('given a CONFIRMED order, when %s arrives, then nothing', (_name, command) => {
      givenOrder(orderPlaced, stockReservationRecorded, orderConfirmed).when(command).then([]);
    });

    it.each([
      ['StockRejected', outOfStock],
      ['PaymentDeclined', paymentDeclined('CARD_DECLINED')],
    ] as const)('given a CANCELLED order, when %s arrives, then nothing', (_name, command) => {
      givenOrder(orderPlaced, cancelledOutOfStock).when(command).then([]);
      givenOrder(orderPlaced, stockReservationRecorded, cancelledByPayment).when(command).then([]);
    });

    it('given no such order, when an upstream event arrives, then ORDER_NOT_FOUND', () => {
      givenOrder().when(paymentAuthorized).thenThrows('ORDER_NOT_FOUND');
    });

    it('given another order, when a command names a different order, then ORDER_ID_MISMATCH', () => {
      givenOrder(orderPlaced)
        .when({ ...paymentAuthorized, orderId: 'order-2' })
        .thenThrows('ORDER_ID_MISMATCH');
    });
  });

  describe('applying decisions', () => {
    it('given a pending order, when decided and applied, then the new state and the events to publish', () => {
      const { state, events } = decideAndApply(paymentAuthorized, givenOrder(orderPlaced).state);
      expect(state).toMatchObject({ status: 'CONFIRMED', paymentId: 'pay-1', confirmedAt: later });
      expect(events.filter(isPublished)).toEqual([orderConfirmed]);
    });

    it('publishes placements and outcomes, keeps stock progress to itself', () => {
      expect(
        [orderPlaced, stockReservationRecorded, orderConfirmed, cancelledOutOfStock].map(isPublished),
      ).toEqual([true, false, true, true]);
    });

    it('given a final order, when a transition is applied to it anyway, then ORDER_NOT_PENDING', () => {
      const confirmed = givenOrder(orderPlaced, orderConfirmed).state;
      expect(() => evolve(confirmed, cancelledOutOfStock)).toThrow(
        expect.objectContaining({ code: 'ORDER_NOT_PENDING' }),
      );
    });
  });
});

describe('deadlines and late replies', () => {
  const total = { amountMinor: 3000, currency: 'EUR' };
  const expire = (now: Date) => ({ type: 'ExpireOrder', orderId: 'order-1', now }) as const;
  const justBefore = new Date(deadlineAt.getTime() - 1);
  const timedOut = (detail: string): OrderCancelled => ({
    type: 'OrderCancelled',
    orderId: 'order-1',
    customerId: 'ada@example.com',
    total,
    reason: 'TIMED_OUT',
    detail,
    cancelledAt: deadlineAt,
  });
  const reservedAt: StockReservationRecorded = {
    type: 'StockReservationRecorded',
    orderId: 'order-1',
    reservedAt: later,
  };
  const lateStockReserved = { type: 'RecordStockReserved', orderId: 'order-1', now: deadlineAt } as const;
  const lateAuthorization: RecordPaymentAuthorized = {
    type: 'RecordPaymentAuthorized',
    orderId: 'order-1',
    paymentId: 'pay-1',
    amount: total,
    now: deadlineAt,
  };

  it('given a pending order, when placed, then its deadline is the one it was placed with', () => {
    expect(givenOrder(orderPlaced).state).toMatchObject({ status: 'PENDING', deadlineAt });
  });

  it('given a pending order without a reservation, when its deadline passes, then CANCELLED as TIMED_OUT waiting for stock', () => {
    givenOrder(orderPlaced)
      .when(expire(deadlineAt))
      .then([timedOut('No answer for the stock reservation within 900 s')]);
  });

  it('given stock reserved but no payment, when its deadline passes, then CANCELLED as TIMED_OUT waiting for payment', () => {
    givenOrder(orderPlaced, reservedAt)
      .when(expire(deadlineAt))
      .then([timedOut('No answer for the payment within 900 s')]);
  });

  it('given a pending order, when the sweep comes before its deadline, then nothing', () => {
    givenOrder(orderPlaced).when(expire(justBefore)).then([]);
  });

  it('given a CONFIRMED order, when its deadline passes, then nothing: it settled in time', () => {
    givenOrder(orderPlaced, orderConfirmed).when(expire(deadlineAt)).then([]);
  });

  it('given a TIMED_OUT order, when the sweep comes again, then nothing: a deadline fires once', () => {
    const cancelled = timedOut('No answer for the stock reservation within 900 s');
    givenOrder(orderPlaced, cancelled)
      .when(expire(new Date(deadlineAt.getTime() + 60_000)))
      .then([]);
  });

  it('given a TIMED_OUT order, when its StockReserved arrives late, then the stock is released (ReleaseStock)', () => {
    givenOrder(orderPlaced, timedOut('x'))
      .when(lateStockReserved)
      .then([{ type: 'StockReleaseRequested', orderId: 'order-1' }]);
  });

  it('given a TIMED_OUT order, when its PaymentAuthorized arrives late, then the payment is refunded (RefundPayment)', () => {
    givenOrder(orderPlaced, reservedAt, timedOut('x'))
      .when(lateAuthorization)
      .then([{ type: 'PaymentRefundRequested', orderId: 'order-1', paymentId: 'pay-1', amount: total }]);
  });

  it('given an order cancelled out of stock, when a PaymentAuthorized arrives anyway, then it is refunded too', () => {
    givenOrder(orderPlaced, cancelledOutOfStock)
      .when(lateAuthorization)
      .then([{ type: 'PaymentRefundRequested', orderId: 'order-1', paymentId: 'pay-1', amount: total }]);
  });

  it('given an order cancelled by a declined payment, when its StockReserved arrives after, then nothing: inventory releases on PaymentDeclined', () => {
    const declined: OrderCancelled = { ...cancelledOutOfStock, reason: 'PAYMENT_DECLINED', detail: null };
    givenOrder(orderPlaced, declined).when(lateStockReserved).then([]);
  });

  it('given a CONFIRMED order, when StockReserved or PaymentAuthorized comes again, then nothing: it keeps both', () => {
    givenOrder(orderPlaced, reservedAt, orderConfirmed).when(lateStockReserved).then([]);
    givenOrder(orderPlaced, reservedAt, orderConfirmed).when(lateAuthorization).then([]);
  });

  it('given a cancelled order, when inventory or payment reports the compensation done, then nothing but history', () => {
    for (const compensation of ['StockReleased', 'PaymentRefunded'] as const)
      givenOrder(orderPlaced, timedOut('x'))
        .when({ type: 'RecordCompensation', orderId: 'order-1', compensation, now: deadlineAt })
        .then([]);
  });

  it('compensations are published and leave the order as it was', () => {
    const state = givenOrder(orderPlaced, timedOut('x')).state;
    const { state: next, events } = decideAndApply(lateAuthorization, state);
    expect(next).toBe(state);
    expect(events.every(isPublished)).toBe(true);
  });
});
