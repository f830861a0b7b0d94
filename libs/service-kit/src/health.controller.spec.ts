import { HealthController } from './health.controller';

function responseRecorder() {
  const recorded: { status?: number } = {};
  return { recorded, response: { status: (code: number) => (recorded.status = code) } };
}

describe('HealthController', () => {
  it('is ready with 200 when every check passes', async () => {
    const controller = new HealthController([{ name: 'database', check: async () => 1 }]);
    const { recorded, response } = responseRecorder();
    expect(await controller.ready(response)).toEqual({ status: 'ok', checks: { database: 'up' } });
    expect(recorded.status).toBe(200);
  });

  it('answers 503 naming the dependency that is down and why', async () => {
    const controller = new HealthController([
      { name: 'database', check: async () => 1 },
      { name: 'kafka', check: () => Promise.reject(new Error('ECONNREFUSED')) },
    ]);
    const { recorded, response } = responseRecorder();
    expect(await controller.ready(response)).toEqual({
      status: 'unavailable',
      checks: { database: 'up', kafka: 'down: ECONNREFUSED' },
    });
    expect(recorded.status).toBe(503);
  });

  it('is live without asking any dependency', () => {
    expect(
      new HealthController([{ name: 'x', check: () => Promise.reject(new Error('down')) }]).live(),
    ).toEqual({
      status: 'ok',
    });
  });
});
