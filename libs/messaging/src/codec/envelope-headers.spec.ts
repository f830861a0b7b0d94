import { createEnvelope } from '@platform/contracts';
import { envelopeHeaders, headerText, traceparent } from './envelope-headers';

describe('envelope headers', () => {
  const cause = createEnvelope({
    eventType: 'OrderPlaced',
    version: 1,
    source: 'order',
    now: () => new Date(0),
  });
  const envelope = createEnvelope({ eventType: 'StockReserved', version: 2, source: 'inventory', cause });

  it('repeats every envelope field as a readable header', () => {
    expect(envelopeHeaders(envelope)).toEqual({
      'event-id': envelope.eventId,
      'event-type': 'StockReserved',
      'event-version': '2',
      'occurred-at': new Date(envelope.occurredAt).toISOString(),
      source: 'inventory',
      'correlation-id': cause.correlationId,
      'causation-id': cause.eventId,
      traceparent: traceparent(envelope),
    });
    expect(envelopeHeaders(cause)).not.toHaveProperty('causation-id');
  });

  it('builds a valid W3C traceparent whose trace id is shared by the whole flow', () => {
    expect(traceparent(envelope)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceparent(envelope).slice(3, 35)).toBe(traceparent(cause).slice(3, 35));
    expect(traceparent({ correlationId: 'not-a-uuid', eventId: 'x' })).toMatch(
      /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/,
    );
  });

  it('reads headers delivered as buffers or arrays', () => {
    expect(headerText({ a: Buffer.from('x'), b: [Buffer.from('y')] }, 'a')).toBe('x');
    expect(headerText({ b: [Buffer.from('y')] }, 'b')).toBe('y');
    expect(headerText(undefined, 'a')).toBeUndefined();
  });
});
