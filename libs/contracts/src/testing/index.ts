// Test helpers for the contracts, for this library's and other projects' tests: `@platform/contracts/testing`.
export { sampleEvents } from './sample-events';
export { editedSchemaDirectory } from './edited-schema-directory';
export type { EditedSchemaDirectory } from './edited-schema-directory';
export { orderCancelledVersion1, orderPlacedVersion1 } from './version-1-schemas';
