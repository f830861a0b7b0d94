import path from 'node:path';

/** The messaging tables' SQL migrations; every producing or consuming app applies them first. */
export const MESSAGING_MIGRATIONS_DIR = path.resolve(__dirname, '..', 'migrations');
export const MESSAGING_MIGRATIONS_TABLE = 'messaging_migrations';
