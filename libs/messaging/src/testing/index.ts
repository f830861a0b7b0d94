/** Test helpers for the apps' own tests (import from '@platform/messaging/testing'). */
export { statementsOfOneBatch } from './batch-transaction';
