/** Test helpers for the apps' own tests (import from '@platform/messaging/testing'). */
export { costOfOneBatch, type TransactionCost } from './batch-transaction';
