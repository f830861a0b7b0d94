import { placeOrder } from './place-order';
import { given } from './testing/given-when-then';
import { orderPlaced, placeOrderCommand, placedAt } from './testing/order-fixtures';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('placing an order', () => {
  it('given valid lines, when placed, then OrderPlaced with the total of quantity × unit price', () => {
    given(placeOrderCommand()).when(placeOrder).then(orderPlaced);
  });

  it('given free items only, when placed, then a zero total is accepted', () => {
    given(placeOrderCommand({ lines: [{ sku: 'SAMPLE-1', quantity: 3, unitPrice: eur(0) }] }))
      .when(placeOrder)
      .thenIt((placed) => expect(placed.total).toEqual(eur(0)));
  });

  it('given a deadline no later than the placement, when placed, then INVALID_DEADLINE', () => {
    given(placeOrderCommand({ deadlineAt: placedAt }))
      .when(placeOrder)
      .thenThrows('INVALID_DEADLINE', 'deadlineAt');
  });

  it('given a blank channel, when placed, then INVALID_CHANNEL', () => {
    given(placeOrderCommand({ channel: ' ' }))
      .when(placeOrder)
      .thenThrows('INVALID_CHANNEL', 'channel');
  });

  it('given no lines, when placed, then NO_LINES', () => {
    given(placeOrderCommand({ lines: [] }))
      .when(placeOrder)
      .thenThrows('NO_LINES', 'lines');
  });

  it.each([0, -2, 1.5])('given quantity %p, when placed, then INVALID_QUANTITY on that line', (quantity) => {
    given(
      placeOrderCommand({
        lines: [
          { sku: 'A', quantity: 1, unitPrice: eur(1) },
          { sku: 'B', quantity, unitPrice: eur(1) },
        ],
      }),
    )
      .when(placeOrder)
      .thenThrows('INVALID_QUANTITY', 'lines[1].quantity');
  });

  it.each([-1, 9.99])('given unit price %p minor units, when placed, then INVALID_AMOUNT', (amountMinor) => {
    given(placeOrderCommand({ lines: [{ sku: 'A', quantity: 1, unitPrice: eur(amountMinor) }] }))
      .when(placeOrder)
      .thenThrows('INVALID_AMOUNT', 'lines[0].unitPrice');
  });

  it('given a line priced in another currency than the order, when placed, then CURRENCY_MISMATCH', () => {
    const lines = [
      { sku: 'A', quantity: 1, unitPrice: eur(100) },
      { sku: 'B', quantity: 1, unitPrice: { amountMinor: 100, currency: 'USD' } },
    ];
    given(placeOrderCommand({ lines }))
      .when(placeOrder)
      .thenThrows('CURRENCY_MISMATCH', 'lines[1].unitPrice.currency');
  });

  it('given an order currency that is not an ISO code, when placed, then INVALID_CURRENCY', () => {
    given(placeOrderCommand({ currency: 'euro' }))
      .when(placeOrder)
      .thenThrows('INVALID_CURRENCY', 'currency');
  });

  it('given the same sku on two lines, when placed, then DUPLICATE_SKU (never merged)', () => {
    const lines = [
      { sku: 'A', quantity: 1, unitPrice: eur(100) },
      { sku: 'A', quantity: 2, unitPrice: eur(90) },
    ];
    given(placeOrderCommand({ lines })).when(placeOrder).thenThrows('DUPLICATE_SKU', 'lines[1].sku');
  });

  it.each([
    [{ customerId: ' ' }, 'INVALID_CUSTOMER_ID', 'customerId'],
    [{ paymentMethod: '' }, 'INVALID_PAYMENT_METHOD', 'paymentMethod'],
    [{ orderId: '' }, 'INVALID_ORDER_ID', 'orderId'],
    [{ lines: [{ sku: '', quantity: 1, unitPrice: eur(1) }] }, 'INVALID_SKU', 'lines[0].sku'],
  ] as const)('given %p, when placed, then %s', (overrides, code, field) => {
    given(placeOrderCommand(overrides)).when(placeOrder).thenThrows(code, field);
  });

  it('given a total beyond exact arithmetic, when placed, then AMOUNT_OUT_OF_RANGE', () => {
    given(
      placeOrderCommand({ lines: [{ sku: 'A', quantity: 1000, unitPrice: eur(Number.MAX_SAFE_INTEGER) }] }),
    )
      .when(placeOrder)
      .thenThrows('AMOUNT_OUT_OF_RANGE', 'lines');
  });
});
