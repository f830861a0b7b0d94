import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first value the probe produces', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? `ready after ${calls}` : undefined), {
      description: 'the third call',
      intervalMs: 1,
    });
    expect(value).toBe('ready after 3');
  });

  it('keeps polling through errors and reports the last one at the deadline', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('connection refused');
        },
        { description: 'a server', timeoutMs: 20, intervalMs: 1 },
      ),
    ).rejects.toThrow('Timed out after 20 ms waiting for a server (last error: connection refused)');
  });
});
