import { uniqueName } from '@platform/testing';
import { finalOrder, orderRequest, paymentsOf, placeOrder, setStock, stockOf } from './support/platform-api';
import { usePlatform } from './support/platform-lifecycle';

const { platform, observer } = usePlatform('service-outage');

it('orders placed while payment is down all settle once it is back, each charged once', async () => {
  const sku = uniqueName('SKU').toUpperCase();
  await setStock(sku, 100);
  await platform().stop('payment');

  const placed = await Promise.all(Array.from({ length: 5 }, () => placeOrder(orderRequest(sku))));
  // The order service kept taking orders; inventory kept reserving.
  expect(placed).toHaveLength(5);

  await platform().start('payment');
  const orders = await Promise.all(placed.map(({ orderId }) => finalOrder(orderId)));
  expect(orders.map((o) => o.status)).toEqual(Array(5).fill('CONFIRMED'));
  for (const { orderId } of placed) {
    expect(await paymentsOf(orderId)).toHaveLength(1);
    expect(
      observer()
        .typesOf(orderId)
        .filter((t) => t === 'PaymentAuthorized'),
    ).toHaveLength(1);
  }
  expect(await stockOf(sku)).toBe(95);
});
