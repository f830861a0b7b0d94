/**
 * `npm run chaos -- --orders N --rate R [--json]`: runs a platform of its own (its own broker,
 * registry, databases and ports, so a running `npm start` is left alone), places N orders at R per
 * second while it kills each app, restarts the broker and the registry and cuts the database
 * connections, then checks the invariants. Exits 1 if any is broken.
 */
import { parseArgs } from 'node:util';
import { formatTable } from '@platform/event-cli';
import { runChaos, type ChaosReport } from './run-chaos';

const USAGE = `usage: npm run chaos -- [--orders N] [--rate R] [--json]

  --orders N   orders to place (default 200)
  --rate R     orders per second (default 3); the faults take about two minutes, so N/R should too
  --json       one JSON object on stdout instead of tables
  -h, --help   this text

Exit code 0 when every invariant holds, 1 when one is broken, 2 on a bad command line.`;

function parse(): { orders: number; rate: number; json: boolean } | undefined {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '200' },
      rate: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  const orders = Number(values.orders);
  const rate = Number(values.rate);
  if (!Number.isInteger(orders) || orders < 1)
    throw new Error(`--orders must be a whole number above 0, not "${values.orders}"`);
  if (!(rate > 0)) throw new Error(`--rate must be a number above 0, not "${values.rate}"`);
  return { orders, rate, json: values.json };
}

function print(report: ChaosReport): void {
  console.log(
    `Orders: ${report.orders.offered} offered, ${report.orders.accepted} accepted, ${report.orders.refused} refused while a fault was on\n`,
  );
  console.log('Faults');
  console.log(
    formatTable(
      [
        { title: 'at s', align: 'right' },
        { title: 'fault' },
        { title: 'all ready again after s', align: 'right' },
      ],
      report.faults.map((f) => [String(f.at), f.fault, String(f.recoveredAfter)]),
    ),
  );
  console.log(`\nEvery accepted order final ${report.settledAfter} s after the last one was placed.\n`);
  console.log('Invariants');
  console.log(
    formatTable(
      [{ title: 'invariant' }, { title: 'expected' }, { title: 'observed' }, { title: 'holds' }],
      report.invariants.map((i) => [i.invariant, i.expected, i.observed, i.holds ? 'yes' : 'NO']),
    ),
  );
  console.log(`\nThe apps' logs: ${report.logFile}`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse();
  } catch (error) {
    console.error(`chaos: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const report = await runChaos({
    orders: args.orders,
    ratePerSecond: args.rate,
    onProgress: (text) => console.error(`[chaos] ${text}`),
  });
  if (args.json) console.log(JSON.stringify(report));
  else print(report);
  return report.holds ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`chaos failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
