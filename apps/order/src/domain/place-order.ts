import { DomainError, type OrderErrorCode } from './domain-error';
import { addMoney, isCurrencyCode, money, multiplyMoney, zero, type Money } from './money';
import type { OrderLineInput, PlaceOrderInput } from './order-commands';
import type { OrderPlaced } from './order-events';
import type { OrderLine } from './order';

/**
 * Checks a new order against the domain rules and prices it. The first broken rule is reported
 * with the field it concerns; the shape of the request is the HTTP layer's to validate.
 *
 * The same SKU on two lines is refused rather than merged: the lines could carry different unit
 * prices, and picking one silently would charge the customer something they did not see.
 */
export function placeOrder(input: PlaceOrderInput): OrderPlaced {
  const { orderId, customerId, currency, paymentMethod, channel, deadlineAt, now } = input;
  requireText(orderId, 'INVALID_ORDER_ID', 'orderId');
  requireText(customerId, 'INVALID_CUSTOMER_ID', 'customerId');
  requireText(paymentMethod, 'INVALID_PAYMENT_METHOD', 'paymentMethod');
  if (!isCurrencyCode(currency)) {
    throw new DomainError('INVALID_CURRENCY', `"${currency}" is not an ISO 4217 currency code`, 'currency');
  }
  requireText(channel, 'INVALID_CHANNEL', 'channel');
  if (!(deadlineAt.getTime() > now.getTime())) {
    throw new DomainError(
      'INVALID_DEADLINE',
      'the deadline must lie after the time the order is placed',
      'deadlineAt',
    );
  }
  if (input.lines.length === 0) {
    throw new DomainError('NO_LINES', 'an order needs at least one line', 'lines');
  }
  const lines = input.lines.map((line, index) => checkedLine(line, `lines[${index}]`, currency));
  rejectRepeatedSkus(lines);
  return {
    type: 'OrderPlaced',
    orderId,
    customerId,
    lines,
    total: totalOf(lines, currency),
    paymentMethod,
    channel,
    placedAt: now,
    deadlineAt,
  };
}

function checkedLine(line: OrderLineInput, field: string, currency: string): OrderLine {
  requireText(line.sku, 'INVALID_SKU', `${field}.sku`);
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
    throw new DomainError(
      'INVALID_QUANTITY',
      'quantity must be a positive whole number',
      `${field}.quantity`,
    );
  }
  const unitPrice = money(line.unitPrice.amountMinor, line.unitPrice.currency, `${field}.unitPrice`);
  if (unitPrice.currency !== currency) {
    throw new DomainError(
      'CURRENCY_MISMATCH',
      `unit price is in ${unitPrice.currency} but the order is in ${currency}`,
      `${field}.unitPrice.currency`,
    );
  }
  return { sku: line.sku, quantity: line.quantity, unitPrice };
}

function rejectRepeatedSkus(lines: readonly OrderLine[]): void {
  const seen = new Set<string>();
  lines.forEach(({ sku }, index) => {
    if (seen.has(sku)) {
      throw new DomainError('DUPLICATE_SKU', `${sku} appears on more than one line`, `lines[${index}].sku`);
    }
    seen.add(sku);
  });
}

function totalOf(lines: readonly OrderLine[], currency: string): Money {
  try {
    return lines.reduce(
      (sum, line) => addMoney(sum, multiplyMoney(line.unitPrice, line.quantity)),
      zero(currency),
    );
  } catch (error) {
    // Only overflow can fail here; say which part of the request caused it.
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, 'lines');
    throw error;
  }
}

function requireText(value: string, code: OrderErrorCode, field: string): void {
  if (value.trim().length === 0) {
    throw new DomainError(code, `${field} must not be blank`, field);
  }
}
