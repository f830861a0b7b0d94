import type { DecodedRecord } from '../events/decode-record';
import { orderStory } from '../testing/order-story';
import { matchesFilter } from './event-filter';

const position = {
  topic: 'orders.order-placed',
  partition: 0,
  offset: '0',
  timestamp: '2025-06-01T12:00:00.000Z',
  key: 'a',
};
const [placedA] = orderStory('order-a', 'pending', { correlationId: 'flow-a' });
const eventA: DecodedRecord = { ...position, event: placedA! };
const undecodable: DecodedRecord = {
  ...position,
  decodeError: 'Value is not in the Confluent Avro wire format',
};

describe('matchesFilter', () => {
  it('lets everything through, undecodable records included, when no criterion is given', () => {
    expect(matchesFilter(eventA, {})).toBe(true);
    expect(matchesFilter(undecodable, {})).toBe(true);
  });

  it("matches the payload's orderId and the envelope's correlationId, both when both are given", () => {
    expect(matchesFilter(eventA, { orderId: 'order-a' })).toBe(true);
    expect(matchesFilter(eventA, { orderId: 'order-b' })).toBe(false);
    expect(matchesFilter(eventA, { correlationId: 'flow-a' })).toBe(true);
    expect(matchesFilter(eventA, { correlationId: 'flow-b' })).toBe(false);
    expect(matchesFilter(eventA, { orderId: 'order-a', correlationId: 'flow-b' })).toBe(false);
  });

  it('never matches an undecodable record to a criterion: nothing says whose it is', () => {
    expect(matchesFilter(undecodable, { orderId: 'a' })).toBe(false);
  });
});
