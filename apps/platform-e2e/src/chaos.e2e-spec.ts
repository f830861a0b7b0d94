import { runChaos, type ChaosReport } from './chaos/run-chaos';

/**
 * The chaos run's short version: about 200 orders while every fault happens once, on a platform of
 * its own. Every invariant must hold, and every fault must have been recovered from by the apps
 * themselves (the run waits for all of them to answer ready after each).
 */
let report: ChaosReport;

beforeAll(async () => {
  report = await runChaos({
    orders: 200,
    ratePerSecond: 2,
    onProgress: (text) => process.stderr.write(`[chaos] ${text}\n`),
  });
}, 900_000);

it('survives every fault once with every invariant holding', () => {
  expect(report.faults.map((f) => f.fault)).toEqual([
    'SIGKILL order',
    'SIGKILL inventory',
    'SIGKILL payment',
    'SIGKILL notification',
    'Kafka down for 10 s',
    'registry down for 5 s',
    'PostgreSQL connections cut for 5 s',
  ]);
  expect(report.orders.accepted).toBeGreaterThan(100);
  expect(report.invariants.filter((i) => !i.holds)).toEqual([]);
});

it('restarted each killed app through the launcher', () => {
  for (const app of ['order', 'inventory', 'payment', 'notification']) {
    expect(report.launcher.some((line) => line.startsWith(`${app} exited unexpectedly`))).toBe(true);
  }
});
