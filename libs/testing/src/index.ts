export { waitFor } from './wait-for';
export type { WaitForOptions } from './wait-for';
export { uniqueName } from './unique-name';
