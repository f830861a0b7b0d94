import { mayPlaceOrderFor, maySeeOrder, orderListScope, type Caller } from './order-access';

const alice: Caller = { kind: 'customer', customerId: 'alice@example.com' };
const operator: Caller = { kind: 'operator' };

describe('who may place an order for whom', () => {
  it('a customer places orders in their own name', () => {
    expect(mayPlaceOrderFor(alice, 'alice@example.com')).toEqual({ allowed: true });
  });

  it('a customer may not place an order in someone else’s name, and is told whose name to use', () => {
    expect(mayPlaceOrderFor(alice, 'bob@example.com')).toEqual({
      allowed: false,
      reason: expect.stringContaining('customerId must be alice@example.com'),
    });
  });

  it('an operator places orders for any customer', () => {
    expect(mayPlaceOrderFor(operator, 'bob@example.com')).toEqual({ allowed: true });
  });
});

describe('who sees which order', () => {
  it('a customer sees their own orders and nobody else’s', () => {
    expect(maySeeOrder(alice, { customerId: 'alice@example.com' })).toBe(true);
    expect(maySeeOrder(alice, { customerId: 'bob@example.com' })).toBe(false);
  });

  it('an operator sees every order', () => {
    expect(maySeeOrder(operator, { customerId: 'bob@example.com' })).toBe(true);
  });
});

describe('which orders a listing shows', () => {
  it('a customer’s listing is always limited to themselves', () => {
    expect(orderListScope(alice, undefined)).toEqual({ allowed: true, customerId: 'alice@example.com' });
    expect(orderListScope(alice, 'alice@example.com')).toEqual({
      allowed: true,
      customerId: 'alice@example.com',
    });
  });

  it('a customer asking for someone else’s orders is refused', () => {
    expect(orderListScope(alice, 'bob@example.com')).toMatchObject({ allowed: false });
  });

  it('an operator lists everyone’s orders, or one customer’s', () => {
    expect(orderListScope(operator, undefined)).toEqual({ allowed: true, customerId: undefined });
    expect(orderListScope(operator, 'bob@example.com')).toEqual({
      allowed: true,
      customerId: 'bob@example.com',
    });
  });
});
