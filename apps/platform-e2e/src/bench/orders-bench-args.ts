import { parseArgs } from 'node:util';

export const ORDERS_BENCH_USAGE = `usage: npm run bench:orders -- [options]

Places orders against a running platform (npm start) at a fixed rate and measures, per order, the
time from POST /orders to its OrderConfirmed or OrderCancelled on Kafka. Prints throughput, latency
percentiles and the CPU each process spent, beside a pgbench run of the same moment. Each order is
placed by one of 1,000 customers, with a bearer token of the development issuer npm start runs
(minted before the load); to measure without token checks, start the platform with
AUTH_MODE=off npm start.

  --rate R[,R...]      orders per second to offer; several rates run one after the other (default 10)
  --duration S         seconds of load per rate (default 15)
  --concurrency C      most POST requests in flight; an order due while C are in flight is skipped
                       and counted (default 256)
  --settle-timeout S   how long to wait for the last order of a rate to settle (default 120)
  --warmup S           seconds of unmeasured load at --warmup-rate before the first rate, so that
                       the figures are of a warmed-up platform (JIT, pools, group coordinators);
                       0 skips it (default 5)
  --warmup-rate R      orders per second of the warm-up (default 50)
  --pgbench-seconds S  duration of the baseline pgbench -N -c 8 -j 2 run (default 10)
  --no-pgbench         skip the baseline (no ratio in the report)
  --hops               also split POST→final into hops (POST → OrderPlaced written, written → on
                       Kafka, one event on Kafka → the next written, ...) from every saga event's
                       occurred-at header and Kafka timestamp; the benchmark then reads every saga
                       topic, which costs it more CPU
  --json               one JSON object on stdout instead of tables

With KAFKA_JMX_PORT set (and the broker started with it: KAFKA_JMX_PORT=9999 npm run infra:up), it
also reports the broker's requests per order by kind.
  -h, --help           this text`;

export interface OrdersBenchArgs {
  rates: number[];
  durationSeconds: number;
  concurrency: number;
  settleTimeoutSeconds: number;
  warmupSeconds: number;
  warmupRate: number;
  pgbenchSeconds: number;
  pgbench: boolean;
  hops: boolean;
  json: boolean;
}

export class OrdersBenchUsageError extends Error {
  override name = 'OrdersBenchUsageError';
}

export function parseOrdersBenchArgs(args: string[]): OrdersBenchArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        rate: { type: 'string', default: '10' },
        duration: { type: 'string', default: '15' },
        concurrency: { type: 'string', default: '256' },
        'settle-timeout': { type: 'string', default: '120' },
        warmup: { type: 'string', default: '5' },
        'warmup-rate': { type: 'string', default: '50' },
        'pgbench-seconds': { type: 'string', default: '10' },
        'no-pgbench': { type: 'boolean', default: false },
        hops: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new OrdersBenchUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  return {
    rates: values.rate.split(',').map((rate) => positive('--rate', rate, 10_000)),
    durationSeconds: positive('--duration', values.duration, 3_600),
    concurrency: positive('--concurrency', values.concurrency, 10_000),
    settleTimeoutSeconds: positive('--settle-timeout', values['settle-timeout'], 3_600),
    warmupSeconds: values.warmup.trim() === '0' ? 0 : positive('--warmup', values.warmup, 600),
    warmupRate: positive('--warmup-rate', values['warmup-rate'], 10_000),
    pgbenchSeconds: positive('--pgbench-seconds', values['pgbench-seconds'], 600),
    pgbench: !values['no-pgbench'],
    hops: values.hops,
    json: values.json,
  };
}

function positive(flag: string, text: string, max: number): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new OrdersBenchUsageError(`${flag} must be a number above 0 and at most ${max}, not "${text}"`);
  }
  return value;
}
