/** The few fields of each event type a person reading a timeline wants, without the whole payload. */
import {
  type EventType,
  type EventTypeMap,
  type Money,
  type PlatformEvent,
  isEventType,
} from '@platform/contracts';

export type EventFacts = Record<string, string | number>;

/** The event's key facts, by type; an event type the catalogue does not know has none. */
export function eventFacts(event: PlatformEvent): EventFacts {
  const type = event.envelope.eventType;
  if (!isEventType(type)) return {};
  return factsOf(type, event);
}

function factsOf(type: EventType, event: PlatformEvent): EventFacts {
  // Each case narrows `event` by hand: the generated types share `envelope.eventType: string`.
  switch (type) {
    case 'OrderPlaced': {
      const e = event as EventTypeMap['OrderPlaced'];
      return {
        customer: e.customerId,
        total: formatMoney(e.total),
        lines: describeLines(e.lines),
        paymentMethod: e.paymentMethod,
        channel: e.channel,
      };
    }
    case 'StockReserved': {
      const e = event as EventTypeMap['StockReserved'];
      return { lines: describeLines(e.lines), total: formatMoney(e.total) };
    }
    case 'StockRejected': {
      const e = event as EventTypeMap['StockRejected'];
      return {
        reason: e.reason,
        shortages: e.shortages
          .map((s) => `${s.sku} requested ${s.requested}, available ${s.available}`)
          .join('; '),
      };
    }
    case 'StockReleased': {
      const e = event as EventTypeMap['StockReleased'];
      return { lines: e.lines.map((l) => `${l.sku}×${l.quantity}`).join(' ') };
    }
    case 'PaymentAuthorized': {
      const e = event as EventTypeMap['PaymentAuthorized'];
      return { amount: formatMoney(e.amount), paymentId: e.paymentId };
    }
    case 'PaymentDeclined': {
      const e = event as EventTypeMap['PaymentDeclined'];
      return { reason: e.reason, amount: formatMoney(e.amount), paymentId: e.paymentId };
    }
    case 'OrderConfirmed': {
      const e = event as EventTypeMap['OrderConfirmed'];
      return { total: formatMoney(e.total) };
    }
    case 'OrderCancelled': {
      const e = event as EventTypeMap['OrderCancelled'];
      return e.detail === null ? { reason: e.reason } : { reason: e.reason, detail: e.detail };
    }
    case 'ReleaseStock':
      return { asks: 'inventory to release the late reservation' };
    case 'RefundPayment': {
      const e = event as EventTypeMap['RefundPayment'];
      return {
        asks: 'payment to refund the late authorization',
        amount: formatMoney(e.amount),
        paymentId: e.paymentId,
      };
    }
    case 'PaymentRefunded': {
      const e = event as EventTypeMap['PaymentRefunded'];
      return { amount: formatMoney(e.amount), paymentId: e.paymentId };
    }
    case 'NotificationSent': {
      const e = event as EventTypeMap['NotificationSent'];
      return { kind: e.kind, channel: e.channel, recipient: e.recipient };
    }
    default:
      return assertNever(type);
  }
}

/** `total: 19.99 EUR, paymentMethod: tok_visa` */
export function factsText(facts: EventFacts): string {
  return Object.entries(facts)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
}

/** 1999 EUR minor units as `19.99 EUR`; the currency says how many minor units make one (0 for JPY). */
export function formatMoney({ amountMinor, currency }: Money): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // Not an ISO 4217 code Intl knows: show it with two decimals, as most currencies have.
  }
  return `${(amountMinor / 10 ** digits).toFixed(digits)} ${currency}`;
}

function describeLines(lines: readonly { sku: string; quantity: number }[]): string {
  return lines.map((l) => `${l.sku}×${l.quantity}`).join(' ');
}

function assertNever(value: never): never {
  throw new Error(`Unhandled event type ${String(value)}`);
}
