import { RawRecordDeserializer } from './raw-record.deserializer';

describe('RawRecordDeserializer', () => {
  it('routes by topic and hands the record over byte for byte, so undecodable ones can be dead-lettered intact', () => {
    const value = Buffer.from([0xde, 0xad]);
    const packet = new RawRecordDeserializer().deserialize({
      topic: 'orders.order-placed',
      partition: 2,
      offset: '41',
      key: Buffer.from('order-1'),
      value,
      headers: { 'event-id': Buffer.from('e-1') },
    });
    expect(packet.pattern).toBe('orders.order-placed');
    expect(packet.data).toEqual({
      topic: 'orders.order-placed',
      partition: 2,
      offset: '41',
      key: Buffer.from('order-1'),
      value,
      headers: { 'event-id': Buffer.from('e-1') },
    });
  });
});
