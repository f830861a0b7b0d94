import { createRequire } from 'node:module';
import { kafkaSettings, quietKafka } from '../testing/messaging-fixture';

const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as {
  prototype: { checkPendingRequests(): void };
};

/** How often kafkajs checked its request queues while `work` ran. */
async function queueChecksDuring(work: () => Promise<void>): Promise<number> {
  const original = RequestQueue.prototype.checkPendingRequests;
  let checks = 0;
  RequestQueue.prototype.checkPendingRequests = function (this: unknown) {
    checks += 1;
    return original.call(this);
  };
  try {
    await work();
    return checks;
  } finally {
    RequestQueue.prototype.checkPendingRequests = original;
  }
}

describe('a kafkajs client with the idle-loop fix (createKafka applies it)', () => {
  it('does not wake up while its connections are idle', async () => {
    const producer = quietKafka(kafkaSettings()).producer();
    await producer.connect();
    try {
      // Unpatched, every connection re-armed a 1 ms timer forever: hundreds of checks in this second.
      const idleChecks = await queueChecksDuring(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
      expect(idleChecks).toBeLessThan(20);
    } finally {
      await producer.disconnect();
    }
  });

  it('still sends what it is asked to, in order, when requests queue up behind each other', async () => {
    const admin = quietKafka(kafkaSettings()).admin();
    await admin.connect();
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => admin.listTopics()));
      expect(answers.every((topics) => Array.isArray(topics))).toBe(true);
    } finally {
      await admin.disconnect();
    }
  });
});
