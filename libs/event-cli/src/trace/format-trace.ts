/** The order's trace as a timeline for people, or as one JSON object for scripts. */
import { colorEventType } from '../events/event-colors';
import { factsText } from '../events/event-facts';
import { type Colors, NO_COLORS } from '../text/colors';
import { formatTable } from '../text/table';
import { type FinalState, type OrderTrace, describeFinalState } from './build-trace';

export function formatTrace(trace: OrderTrace, colors: Colors = NO_COLORS): string {
  const { orderId, correlationId, steps, finalState } = trace;
  const title = `${colors.bold(`Order ${orderId}`)}  correlation ${correlationId ?? '-'}`;
  if (steps.length === 0) return `${title}\nNo events of this order on the saga topics.`;
  const date = steps[0]!.occurredAt.slice(0, 10);
  const table = formatTable(
    [
      { title: '#', align: 'right' },
      { title: `time (UTC, ${date})` },
      { title: '+ms', align: 'right', style: (cell) => colors.dim(cell) },
      { title: 'event', style: (cell, row) => colorEventType(colors, steps[row]!.eventType, cell) },
      { title: 'source' },
      { title: 'topic' },
      { title: 'facts' },
    ],
    steps.map((s) => [
      String(s.step),
      s.occurredAt.slice(11, 23),
      `+${s.deltaMs}`,
      s.eventType,
      s.source,
      s.topic,
      factsText(s.facts) + (s.copies > 1 ? ` (on the topic ${s.copies} times)` : ''),
    ]),
  );
  const last = steps.at(-1)!;
  const summary = `${steps.length} event${steps.length === 1 ? '' : 's'} over ${last.elapsedMs} ms`;
  return `${title}\n${table}\nFinal state: ${colorFinalState(colors, finalState)}  (${summary})`;
}

export function formatTraceJson(trace: OrderTrace): string {
  return JSON.stringify(trace, null, 2);
}

function colorFinalState(colors: Colors, state: FinalState): string {
  const text = colors.bold(describeFinalState(state));
  if (state.status === 'CONFIRMED') return colors.green(text);
  if (state.status === 'CANCELLED') return colors.red(text) + (state.detail ? ` ${state.detail}` : '');
  return colors.yellow(text);
}
