export { waitFor } from './wait-for';
export type { WaitForOptions } from './wait-for';
export { uniqueName } from './unique-name';
export { createThrowawayDatabase, query } from './throwaway-database';
export type { ThrowawayDatabase } from './throwaway-database';
export { givenFor } from './given-when-then';
