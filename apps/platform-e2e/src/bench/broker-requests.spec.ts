import { brokerRequestCounts } from './broker-requests';

describe('brokerRequestCounts', () => {
  const saved = process.env['KAFKA_JMX_PORT'];
  afterEach(() => {
    if (saved === undefined) delete process.env['KAFKA_JMX_PORT'];
    else process.env['KAFKA_JMX_PORT'] = saved;
  });

  it('is undefined without KAFKA_JMX_PORT', async () => {
    delete process.env['KAFKA_JMX_PORT'];
    expect(await brokerRequestCounts()).toBeUndefined();
  });

  it('says that nothing answers JMX on the port, and lets the benchmark go on, when the broker has no JMX', async () => {
    process.env['KAFKA_JMX_PORT'] = '9'; // discard: nothing listens there
    const warnings: string[] = [];

    expect(await brokerRequestCounts((text) => warnings.push(text))).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('nothing answers JMX on port 9')]);
  }, 60_000);
});
