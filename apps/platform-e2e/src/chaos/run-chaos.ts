import { setTimeout as delay } from 'node:timers/promises';
import { localEndpoints } from '@platform/config';
import { createKafka } from '@platform/messaging';
import { uniqueName, waitFor } from '@platform/testing';
import { loadCustomers, orderPoster } from '../bench/order-poster';
import { orderRequest, setStock } from '../support/platform-api';
import { startChaosStack } from './chaos-stack';
import { allAppsReady, everyFaultOnce, type Fault, type FaultRecord } from './faults';
import {
  checkInvariants,
  deadLetterCount,
  pendingOrders,
  type InvariantResult,
  type PlacedOrders,
} from './invariants';

export interface ChaosOptions {
  orders: number;
  ratePerSecond: number;
  /** Every this many orders one card declines (its order must end CANCELLED with the stock back). */
  declineEvery?: number;
  faults?: Fault[];
  settleTimeoutSeconds?: number;
  onProgress?: (text: string) => void;
}

export interface ChaosReport {
  orders: { offered: number; accepted: number; refused: number };
  faults: FaultRecord[];
  /** Seconds from the last order placed to every accepted order final. */
  settledAfter: number;
  invariants: InvariantResult[];
  holds: boolean;
  launcher: string[];
  logFile: string;
}

/**
 * Places orders at a steady rate on a platform of its own while it inflicts every fault in turn
 * (each app SIGKILLed, the broker and the registry restarted, PostgreSQL connections cut), waiting
 * after each for every app to be ready again; then waits for the saga to settle and checks that
 * nothing was lost, nothing happened twice, and every part is back at work.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const progress = options.onProgress ?? (() => undefined);
  const launcher: string[] = [];
  const stack = await startChaosStack((text) => {
    launcher.push(text);
    progress(`launcher: ${text}`);
  });
  const endpoints = localEndpoints();
  const kafka = createKafka({
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    KAFKA_CLIENT_ID: 'chaos',
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    ...endpoints.kafkaSecurity('operator'),
  });
  try {
    const placed: PlacedOrders = {
      sku: uniqueName('CHAOS').toUpperCase(),
      initialStock: options.orders,
      accepted: new Map(),
    };
    await setStock(placed.sku, placed.initialStock);
    const admin = kafka.admin();
    await admin.connect();
    const deadLettersBefore = await deadLetterCount(admin);
    await admin.disconnect();

    // Many customers, each well under the per-customer limit on POST /orders.
    const customers = loadCustomers(100);
    const post = await orderPoster(64, customers);
    const started = performance.now();
    const at = () => Math.round((performance.now() - started) / 100) / 10;
    let refused = 0;
    const placing = (async () => {
      const requests: Promise<void>[] = [];
      for (let i = 0; i < options.orders; i++) {
        const wait = started + (i * 1000) / options.ratePerSecond - performance.now();
        if (wait > 0) await delay(wait);
        const declines = i % (options.declineEvery ?? 5) === 4;
        requests.push(
          post(
            orderRequest(placed.sku, {
              paymentMethod: declines ? 'tok_chargeDeclined' : 'tok_visa',
              customerId: customers[i % customers.length]!,
            }),
          ).then(
            ({ status, orderId }) => {
              if (status === 202 && orderId) placed.accepted.set(orderId, { declines });
              else refused += 1;
            },
            () => void (refused += 1),
          ),
        );
      }
      await Promise.all(requests);
    })();

    const faults: FaultRecord[] = [];
    for (const fault of options.faults ?? everyFaultOnce()) {
      const faultAt = at();
      progress(`${faultAt} s: ${fault.name}`);
      const inflicted = performance.now();
      await fault.inflict(stack);
      await allAppsReady(180_000);
      faults.push({
        fault: fault.name,
        at: faultAt,
        recoveredAfter: Math.round((performance.now() - inflicted) / 100) / 10,
      });
      progress(`${at()} s: all apps ready again`);
    }
    await placing;
    const placedBy = performance.now();
    progress(
      `${at()} s: ${placed.accepted.size} orders accepted, ${refused} refused; waiting for them to settle`,
    );
    const ids = [...placed.accepted.keys()];
    await waitFor(async () => (await pendingOrders(stack.databases.app.order, ids)) === 0, {
      description: 'every accepted order to reach a final state',
      timeoutMs: (options.settleTimeoutSeconds ?? 180) * 1000,
      intervalMs: 500,
    }).catch(() => undefined);
    const settledAfter = Math.round((performance.now() - placedBy) / 100) / 10;
    await allAppsReady(60_000).catch(() => undefined);
    const checker = kafka.admin();
    await checker.connect();
    // Notifications and releases follow the final order by a hop or two: give them the same settle time.
    let invariants: InvariantResult[] = [];
    await waitFor(
      async () => {
        invariants = await checkInvariants(placed, stack.databases.app, checker, deadLettersBefore);
        return invariants.every((i) => i.holds);
      },
      { description: 'the invariants', timeoutMs: 60_000, intervalMs: 1_000 },
    ).catch(() => undefined);
    await checker.disconnect();
    return {
      orders: { offered: options.orders, accepted: placed.accepted.size, refused },
      faults,
      settledAfter,
      invariants,
      holds: invariants.every((i) => i.holds),
      launcher,
      logFile: stack.logFile,
    };
  } finally {
    await stack.stop();
  }
}
