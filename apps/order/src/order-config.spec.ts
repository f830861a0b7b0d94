import { ConfigurationError } from '@platform/config';
import { exampleServiceEnv } from '@platform/messaging-nest';
import { loadOrderConfig } from './order-config';

const service = exampleServiceEnv('order', 3000);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadOrderConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('order settings', () => {
  it('given no deadline settings, then orders wait 15 minutes and each instance sweeps every 5 s', () => {
    expect(loadOrderConfig(service)).toMatchObject({
      ORDER_DEADLINE_SECONDS: 900,
      ORDER_DEADLINE_SWEEP_MS: 5_000,
    });
  });

  it('given seconds, as the tests set them, then they are kept', () => {
    expect(
      loadOrderConfig({ ...service, ORDER_DEADLINE_SECONDS: '5', ORDER_DEADLINE_SWEEP_MS: '250' }),
    ).toMatchObject({ ORDER_DEADLINE_SECONDS: 5, ORDER_DEADLINE_SWEEP_MS: 250 });
  });

  it.each(['0', '-1', '1.5', 'ten'])(
    'given ORDER_DEADLINE_SECONDS=%p, then startup fails naming it',
    (value) => {
      expect(problemsOf({ ...service, ORDER_DEADLINE_SECONDS: value }).join('\n')).toMatch(
        /ORDER_DEADLINE_SECONDS/,
      );
    },
  );
});
