import path from 'node:path';

/**
 * The repository's schemas/ directory, the single source of truth for the contracts. Found from this
 * file's location, which is libs/contracts/{src,dist}/schemas both when run from source and built.
 */
export const SCHEMA_DIRECTORY = path.resolve(__dirname, '../../../../schemas');
