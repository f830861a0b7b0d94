export { createEnvelope } from './envelope';
export type { EventEnvelope, NewEnvelope } from './envelope';
