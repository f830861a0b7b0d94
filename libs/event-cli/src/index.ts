// Developer tooling over the saga's topics: follow decoded events, trace one order across every
// topic, inspect and re-drive dead letters, run the end-to-end demo. The CLIs are cli/events.ts and
// cli/demo.ts; these are the pieces they are built from.
export { readTopics, readTopicsToEnd } from './reading/read-topics';
export type { ReadTopicsOptions, TopicRecord } from './reading/read-topics';
export { decodeRecord, isDecoded } from './events/decode-record';
export type { DecodedEvent, DecodedRecord, UndecodableRecord, RecordPosition } from './events/decode-record';
export { eventFacts, factsText, formatMoney } from './events/event-facts';
export type { EventFacts } from './events/event-facts';
export { tailEvents } from './tail/tail-events';
export type { TailOptions } from './tail/tail-events';
export { matchesFilter } from './tail/event-filter';
export type { EventFilter } from './tail/event-filter';
export { eventJsonLine, eventPrettyLine } from './tail/format-event';
export { buildTrace, describeFinalState } from './trace/build-trace';
export type { OrderTrace, TraceStep, FinalState, TracedEvent } from './trace/build-trace';
export { formatTrace, formatTraceJson } from './trace/format-trace';
export { readOrderEvents, SAGA_TOPICS } from './trace/read-order-events';
export type { ReadOrderEventsOptions, OrderEvents } from './trace/read-order-events';
export { runEvents } from './cli/events-program';
export type { CliIo } from './cli/events-program';
export { resolveTopics, UnknownTopicError } from './cli/resolve-topics';
export { runDemo, DEMO_SCENARIOS, DEMO_SKU } from './demo/run-demo';
export { PlatformClient, PlatformNotRunningError, PlatformRequestError } from './demo/platform-client';
export type { DemoTokens } from './demo/platform-client';
export { formatTable } from './text/table';
export { NO_COLORS } from './text/colors';
export type { Column } from './text/table';
