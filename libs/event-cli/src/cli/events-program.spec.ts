import { NO_COLORS } from '../text/colors';
import { runEvents } from './events-program';

async function events(args: string[], env: NodeJS.ProcessEnv = process.env) {
  let stdout = '';
  let stderr = '';
  const code = await runEvents(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env,
    colors: NO_COLORS,
  });
  return { code, stdout, stderr };
}

describe('the events CLI', () => {
  it('explains its commands and every option in --help', async () => {
    const top = await events(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/tail \[options\] \[topics\.\.\.\]/);
    expect(top.stdout).toMatch(/trace \[options\] <orderId>/);
    expect(top.stdout).toContain('dlq');
    expect(top.stdout).toContain('Exit codes: 0 done, 1 failed or nothing found, 2 bad usage.');

    const tail = await events(['tail', '--help']);
    for (const option of [
      '--from-beginning',
      '--order <orderId>',
      '--correlation <correlationId>',
      '--max <n>',
      '--pretty',
    ])
      expect(tail.stdout).toContain(option);
    expect((await events(['trace', '--help'])).stdout).toContain('--json');
    expect((await events(['dlq', 'redrive', '--help'])).stdout).toContain('--event-id <eventId>');
  });

  it('answers a topic it does not know with the ones it does, exit code 2, before connecting to anything', async () => {
    const result = await events(['tail', 'OrderShipped'], { ...process.env, KAFKA_BROKERS: 'localhost:9' });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown topic or event type: OrderShipped.');
    expect(result.stderr).toContain('OrderPlaced        orders.order-placed');
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await events(['tail', '--max', '0'])).code).toBe(2);
    expect((await events(['trace'])).stderr).toContain("missing required argument 'orderId'");
    expect((await events(['purge'])).code).toBe(2);
  });

  it('says plainly that Kafka is not reachable, with exit code 1', async () => {
    const result = await events(['trace', 'order-1'], { ...process.env, KAFKA_BROKERS: 'localhost:9' });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^events: Kafka is not reachable \(localhost:9: ECONNREFUSED\)/);
  });
});
