import path from 'node:path';

/** libs/database/test/fixtures: SQL migrations and Prisma schemas the tests run against. */
export const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures');

export const fixture = (...parts: string[]): string => path.join(FIXTURES, ...parts);
