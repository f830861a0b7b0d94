import { z } from 'zod';
import { ConfigurationError, validateConfig } from './validate-config';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535),
  KAFKA_BROKERS: z.string().min(1),
});

describe('validateConfig', () => {
  it('returns the parsed values when every setting is valid', () => {
    expect(validateConfig(schema, { PORT: '3000', KAFKA_BROKERS: 'localhost:9092' })).toEqual({
      PORT: 3000,
      KAFKA_BROKERS: 'localhost:9092',
    });
  });

  it('names every missing and every malformed setting in one error', () => {
    let error: unknown;
    try {
      validateConfig(schema, { PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const { problems, message } = error as ConfigurationError;
    expect(problems).toHaveLength(2);
    expect(message).toContain('KAFKA_BROKERS is required but not set');
    expect(message).toMatch(/PORT: .*number/i);
  });
});
