import { createRequire } from 'node:module';

/**
 * kafkajs 2.2.4 (the last release) re-arms a timer on every broker connection every millisecond
 * while nothing is pending: `scheduleCheckPendingRequests` computes a negative delay when the
 * connection is not throttled and `checkPendingRequests` schedules itself again, forever
 * (tulios/kafkajs#1556; the fix, #1667, was never released). strace of an idle app showed 1,600
 * wake-ups a second, and each app spent ~5 % of a core doing nothing; under load those wake-ups
 * compete with the work for the same two cores.
 *
 * This is #1667's logic: check the queue only when requests wait in it — after the throttle time
 * the broker asked for, or CHECK_PENDING_REQUESTS_INTERVAL (10 ms) when not throttled. A request
 * that cannot be sent at once schedules the check when it is queued (push), and every response
 * checks the queue itself (fulfillRequest), so nothing waits longer than before.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;
const PATCHED = Symbol.for('platform.kafkajs-idle-loop-fix');

export function applyKafkajsIdleLoopFix(): void {
  const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueueInternals & { [PATCHED]?: true };
  };
  const prototype = RequestQueue.prototype;
  if (prototype[PATCHED]) return;
  prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(
    this: RequestQueueInternals,
  ) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
    );
  };
  prototype[PATCHED] = true;
}
