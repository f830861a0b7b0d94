import type { KafkaPrincipal } from '@platform/config';
import { type AclOperation, accessRules } from './access-rules';

function allowed(
  principal: KafkaPrincipal,
  resource: 'topic' | 'group' | 'cluster',
  name: string,
  operation: AclOperation,
) {
  return accessRules().some(
    (rule) =>
      rule.principal === principal &&
      rule.resource === resource &&
      (rule.name === name || rule.name === '*') &&
      rule.operations.includes(operation),
  );
}

describe('the access rules derived from the event catalogue', () => {
  it('let an app write the topics it produces and its own dead-letter topic, and nothing else', () => {
    expect(allowed('payment', 'topic', 'payments.payment-authorized', 'WRITE')).toBe(true);
    expect(allowed('payment', 'topic', 'dead-letters.payment', 'WRITE')).toBe(true);
    expect(allowed('payment', 'topic', 'orders.order-confirmed', 'WRITE')).toBe(false);
    expect(allowed('payment', 'topic', 'dead-letters.order', 'WRITE')).toBe(false);
    expect(allowed('inventory', 'topic', 'payments.payment-authorized', 'WRITE')).toBe(false);
  });

  it('let an app read only the topics it consumes', () => {
    expect(allowed('payment', 'topic', 'inventory.stock-reserved', 'READ')).toBe(true);
    expect(allowed('payment', 'topic', 'orders.order-placed', 'READ')).toBe(false);
    expect(allowed('notification', 'topic', 'orders.order-confirmed', 'READ')).toBe(true);
    expect(allowed('notification', 'topic', 'payments.payment-authorized', 'READ')).toBe(false);
  });

  it('let an app use its own consumer group only', () => {
    expect(allowed('inventory', 'group', 'inventory-service', 'READ')).toBe(true);
    expect(allowed('inventory', 'group', 'payment-service', 'READ')).toBe(false);
  });

  it('let the operator read everything and write only the saga topics (to re-drive dead letters)', () => {
    expect(allowed('operator', 'topic', 'dead-letters.order', 'READ')).toBe(true);
    expect(allowed('operator', 'group', 'console-consumer-42', 'READ')).toBe(true);
    expect(allowed('operator', 'topic', 'orders.order-placed', 'WRITE')).toBe(true);
    expect(allowed('operator', 'topic', 'dead-letters.order', 'WRITE')).toBe(false);
  });

  it('let every app and the operator use the idempotent producer', () => {
    for (const principal of ['order', 'inventory', 'payment', 'notification', 'operator'] as const)
      expect(allowed(principal, 'cluster', 'kafka-cluster', 'IDEMPOTENT_WRITE')).toBe(true);
  });

  it('grant nothing to admin, which is a super user of the broker', () => {
    expect(accessRules().filter((rule) => rule.principal === 'admin')).toEqual([]);
  });
});
