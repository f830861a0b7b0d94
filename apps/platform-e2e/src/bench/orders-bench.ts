/**
 * `npm run bench:orders -- --rate R[,R...] [options]` (see --help): a load script, not a test.
 * Against a running platform (npm start) it offers orders at each rate in turn and reports, per
 * rate, throughput, POST→final latency, POST latency and the CPU each process spent per 1,000
 * orders, beside a pgbench run of the same moment (these machines are shared: compare ratios).
 */
import { localEndpoints } from '@platform/config';
import { createKafka } from '@platform/messaging';
import { measurePgbench, uniqueName } from '@platform/testing';
import { http, setStock } from '../support/platform-api';
import { brokerRequestCounts, requestsPerOrder } from './broker-requests';
import { FinalStateWatcher } from './final-state-watcher';
import { HopWatcher } from './hop-watcher';
import { runOrderLoad } from './order-load';
import { loadCustomers, orderPoster } from './order-poster';
import { ORDERS_BENCH_USAGE, OrdersBenchUsageError, parseOrdersBenchArgs } from './orders-bench-args';
import { formatOrdersBenchReport, type OrdersBenchReport } from './orders-bench-report';
import { cpuPerThousandOrders, cpuSnapshot, platformProcesses } from './platform-cpu';

const COMMITS_PER_ORDER = 5;
// Enough that each places well under the per-customer limit at any rate this machine sustains.
const LOAD_CUSTOMERS = 1_000;

async function main(): Promise<number> {
  let args;
  try {
    args = parseOrdersBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OrdersBenchUsageError)) throw error;
    console.error(`bench:orders: ${error.message}\n\n${ORDERS_BENCH_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(ORDERS_BENCH_USAGE);
    return 0;
  }
  const progress = (text: string) => console.error(`[bench] ${text}`);
  const ready = await http('order', '/health/ready').catch(() => undefined);
  if (ready?.status !== 200) {
    console.error(
      'bench:orders: the order service is not ready on its port; start the platform with `npm start` first',
    );
    return 1;
  }
  const processes = platformProcesses();
  const missing = Object.entries(processes).filter(([, pid]) => pid === undefined);
  if (missing.length)
    progress(
      `no process found listening for ${missing.map(([name]) => name).join(', ')}; their CPU shows as NaN`,
    );

  const report: OrdersBenchReport = { runs: [] };
  if (args.pgbench) {
    progress(`baseline: pgbench -N -c 8 -j 2 -T ${args.pgbenchSeconds}`);
    report.pgbench = await measurePgbench({ seconds: args.pgbenchSeconds });
  }
  const endpoints = localEndpoints();
  const kafka = createKafka({
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    KAFKA_CLIENT_ID: 'bench-orders',
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    ...endpoints.kafkaSecurity('operator'),
  });
  const watcher = await FinalStateWatcher.start(kafka);
  const hopWatcher = args.hops ? await HopWatcher.start(kafka) : undefined;
  try {
    // Minted before anything is measured: signing 1,000 tokens is the benchmark's set-up, not load.
    const customers = loadCustomers(LOAD_CUSTOMERS);
    const post = await orderPoster(args.concurrency, customers);
    const load = async (rate: number, durationSeconds: number, measured: boolean) => {
      const sku = uniqueName('BENCH').toUpperCase();
      // Enough for every order: the run measures the saga's happy path, not stock running out.
      await setStock(sku, Math.ceil(rate * durationSeconds * 2));
      return runOrderLoad(watcher, {
        post,
        customers,
        sku,
        ratePerSecond: rate,
        durationSeconds,
        concurrency: args.concurrency,
        settleTimeoutSeconds: args.settleTimeoutSeconds,
        // The warm-up's hops are not reported: no need to wait for the hop watcher to read them.
        ...(measured ? { hopWatcher } : {}),
      });
    };
    if (args.warmupSeconds > 0) {
      progress(`warm-up (not measured): ${args.warmupRate} orders/s for ${args.warmupSeconds} s`);
      const warmup = await load(args.warmupRate, args.warmupSeconds, false);
      if (warmup.orders.unsettled > 0) progress(`warm-up: ${warmup.orders.unsettled} orders did not settle`);
    }
    for (const rate of args.rates) {
      progress(`${rate} orders/s for ${args.durationSeconds} s`);
      const requestsBefore = await brokerRequestCounts();
      const before = cpuSnapshot(processes);
      const result = await load(rate, args.durationSeconds, true);
      const after = cpuSnapshot(processes);
      const requestsAfter = await brokerRequestCounts();
      report.runs.push({
        ...result,
        cpuSecondsPer1000Orders: cpuPerThousandOrders(before, after, result.orders.accepted),
        ...(requestsBefore && requestsAfter
          ? {
              brokerRequestsPerOrder: requestsPerOrder(requestsBefore, requestsAfter, result.orders.accepted),
            }
          : {}),
        ...(report.pgbench
          ? {
              ratioToPgbench:
                Math.round(
                  ((result.settledPerSecond * COMMITS_PER_ORDER) / report.pgbench.transactionsPerSecond) *
                    100,
                ) / 100,
            }
          : {}),
      });
    }
  } finally {
    await hopWatcher?.stop();
    await watcher.stop();
  }
  console.log(args.json ? JSON.stringify(report) : formatOrdersBenchReport(report));
  return report.runs.every((run) => run.orders.unsettled === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:orders failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
