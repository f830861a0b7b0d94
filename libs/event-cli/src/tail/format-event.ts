/** One tailed record as a JSON line for tools, or as one coloured line for people. */
import { type DecodedRecord, isDecoded } from '../events/decode-record';
import { colorEventType } from '../events/event-colors';
import { eventFacts, factsText } from '../events/event-facts';
import { type Colors, NO_COLORS } from '../text/colors';

/** `{topic, partition, offset, timestamp, key, envelope, payload}`, or `decodeError` in place of the last two. */
export function eventJsonLine(record: DecodedRecord): string {
  const { topic, partition, offset, timestamp, key } = record;
  if (!isDecoded(record))
    return JSON.stringify({ topic, partition, offset, timestamp, key, decodeError: record.decodeError });
  const { envelope, ...payload } = record.event;
  return JSON.stringify({ topic, partition, offset, timestamp, key, envelope, payload });
}

/** `19:20:01.123 OrderPlaced order=… orders.order-placed[1]@42 from order corr=… total: 19.99 EUR, …` */
export function eventPrettyLine(record: DecodedRecord, colors: Colors = NO_COLORS): string {
  const where = colors.dim(`${record.topic}[${record.partition}]@${record.offset}`);
  if (!isDecoded(record))
    return `${record.timestamp.slice(11, 23)} ${colors.red('UNDECODABLE')} ${where} key=${record.key ?? '-'} ${colors.red(record.decodeError)}`;
  const { envelope, orderId } = record.event;
  const time = new Date(Number(envelope.occurredAt)).toISOString().slice(11, 23);
  const facts = factsText(eventFacts(record.event));
  return [
    time,
    colorEventType(colors, envelope.eventType, colors.bold(envelope.eventType.padEnd(17))),
    `order=${orderId}`,
    colors.dim(`from ${envelope.source}, correlation=${envelope.correlationId}`),
    where,
    ...(facts ? [facts] : []),
  ].join(' ');
}
