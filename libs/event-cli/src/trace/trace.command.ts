/** `events trace <orderId>`: one order's events across every saga topic, as a timeline. */
import type { Command } from 'commander';
import type { CommandContext } from '../cli/command-context';
import { buildTrace } from './build-trace';
import { formatTrace, formatTraceJson } from './format-trace';
import { SAGA_TOPICS, readOrderEvents } from './read-order-events';

export function addTraceCommand(program: Command, context: CommandContext): void {
  program
    .command('trace')
    .summary("one order's events across every saga topic, as a timeline")
    .description(
      'The whole story of one order: reads every saga topic from the beginning up to its current end, keeps the ' +
        "order's events and prints them in the order they happened (step, time, +ms since the previous step, event, " +
        'producing service, topic, key facts), then the final state (CONFIRMED, CANCELLED(reason) or PENDING) and ' +
        'the correlation id. Exits 1 if no event of the order is found.',
    )
    .argument('<orderId>', 'the order id, as POST /orders returned it')
    .option(
      '--json',
      'print the trace as one JSON object: {orderId, correlationId, steps: [...], finalState}',
    )
    .action(async (orderId: string, options: { json?: boolean }) => {
      const { kafka, codec } = await context.connected();
      const { byOrder, undecodable } = await readOrderEvents({ kafka, codec, orderIds: [orderId] });
      if (undecodable.length > 0)
        context.io.stderr(
          `warning: ${undecodable.length} message(s) on the saga topics could not be decoded and may belong to this order: ` +
            `${undecodable
              .slice(0, 5)
              .map((u) => `${u.topic}[${u.partition}]@${u.offset} (${u.decodeError})`)
              .join('; ')}\n`,
        );
      const trace = buildTrace(orderId, byOrder.get(orderId) ?? []);
      if (trace.steps.length === 0) {
        context.io.stderr(
          `No event of order ${orderId} on the saga topics (${SAGA_TOPICS.length} topics read).\n`,
        );
        context.fail();
        return;
      }
      context.line(options.json ? formatTraceJson(trace) : formatTrace(trace, context.io.colors));
    });
}
