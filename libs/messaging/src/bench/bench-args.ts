import { parseArgs } from 'node:util';

export const BENCH_USAGE = `usage: npm run bench:messaging -- --events N [options]

  --events N              events to send through outbox → relay → Kafka → inbox (required)
  --batch-size B          outbox relay batch size (default 500)
  --writers W             concurrent writers, one event each at a time (default 8, as pgbench's clients)
  --commits grouped|separate
                          grouped (default): the writers' concurrent events are committed together, as
                          POST /orders commits concurrent requests (GroupCommit); separate: one
                          transaction per event
  --keys K                distinct partition keys the events are spread over (default 100)
  --json                  one JSON object on stdout instead of tables
  --skip-baselines        only the pipeline; no kafka-producer-perf-test, no pgbench
  --baseline-records R    records for kafka-producer-perf-test (default 200000)
  --pgbench-seconds S     duration of the pgbench run (default 10)

npm run bench:messaging:baseline [-- --json ...] runs only the baselines.`;

export interface BenchArgs {
  events: number;
  batchSize: number;
  writers: number;
  commits: 'grouped' | 'separate';
  keys: number;
  json: boolean;
  skipBaselines: boolean;
  baselineRecords: number;
  pgbenchSeconds: number;
}

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

export function parseBenchArgs(args: string[], { eventsRequired = true } = {}): BenchArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        events: { type: 'string' },
        'batch-size': { type: 'string', default: '500' },
        writers: { type: 'string', default: '8' },
        commits: { type: 'string', default: 'grouped' },
        keys: { type: 'string', default: '100' },
        json: { type: 'boolean', default: false },
        'skip-baselines': { type: 'boolean', default: false },
        'baseline-records': { type: 'string', default: '200000' },
        'pgbench-seconds': { type: 'string', default: '10' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (eventsRequired && values.events === undefined) throw new BenchUsageError('--events N is required');
  return {
    events: values.events === undefined ? 0 : positiveInteger('--events', values.events, 10_000_000),
    batchSize: positiveInteger('--batch-size', values['batch-size'], 100_000),
    writers: positiveInteger('--writers', values.writers, 200),
    commits: commitMode(values.commits),
    keys: positiveInteger('--keys', values.keys, 1_000_000),
    json: values.json,
    skipBaselines: values['skip-baselines'],
    baselineRecords: positiveInteger('--baseline-records', values['baseline-records'], 100_000_000),
    pgbenchSeconds: positiveInteger('--pgbench-seconds', values['pgbench-seconds'], 3_600),
  };
}

function positiveInteger(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new BenchUsageError(`${flag} must be a whole number, not "${text}"`);
  const value = Number(text);
  if (value < 1 || value > max)
    throw new BenchUsageError(`${flag} must be between 1 and ${max}, not ${value}`);
  return value;
}

function commitMode(text: string): 'grouped' | 'separate' {
  if (text === 'grouped' || text === 'separate') return text;
  throw new BenchUsageError(`--commits must be grouped or separate, not "${text}"`);
}
