import { EVENT_CATALOGUE } from '../catalogue/event-catalogue';
import { EVENT_TYPES } from '../generated/event-types';
import { avroType } from '../schemas/avro-type';
import { sampleEvents } from './sample-events';

describe('sample events of every type', () => {
  const samples = sampleEvents();

  it.each(EVENT_TYPES)('%s round-trips through its Avro schema unchanged', (eventType) => {
    const type = avroType(EVENT_CATALOGUE[eventType].schema);
    const sample = samples[eventType];
    expect(type.isValid(sample)).toBe(true);
    expect(type.fromBuffer(type.toBuffer(sample))).toEqual(sample);
    expect(sample.envelope).toMatchObject({ eventType, version: EVENT_CATALOGUE[eventType].version });
  });

  it('are one order story: one correlation id, each caused by an earlier event', () => {
    const envelopes = EVENT_TYPES.map((t) => samples[t].envelope);
    expect(new Set(envelopes.map((e) => e.correlationId))).toEqual(new Set(['request-1']));
    const ids = new Set(envelopes.map((e) => e.eventId));
    expect(envelopes.filter((e) => e.causationId === null).map((e) => e.eventType)).toEqual(['OrderPlaced']);
    for (const e of envelopes) if (e.causationId) expect(ids.has(e.causationId)).toBe(true);
  });

  it('rejects a value that breaks the schema, e.g. a float amount', () => {
    const type = avroType(EVENT_CATALOGUE.PaymentAuthorized.schema);
    const broken = { ...samples.PaymentAuthorized, amount: { amountMinor: 44.97, currency: 'EUR' } };
    expect(type.isValid(broken)).toBe(false);
  });
});
