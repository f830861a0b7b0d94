import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where projects keep their Prisma schema: one file, or a directory for multi-file schemas. */
const SCHEMA_LOCATIONS = [path.join('prisma', 'schema.prisma'), path.join('prisma', 'schema')];

/**
 * Every Prisma schema of the workspace's apps and libraries, so one command (run after
 * install) can generate all clients without a list to keep up to date.
 */
export function findPrismaSchemas(
  workspaceRoot: string,
  projectDirs: readonly string[] = ['apps', 'libs'],
): string[] {
  return projectDirs.flatMap((group) => {
    const groupDir = path.join(workspaceRoot, group);
    if (!existsSync(groupDir)) return [];
    return readdirSync(groupDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .flatMap((project) => {
        const found = SCHEMA_LOCATIONS.map((location) => path.join(groupDir, project, location)).find(
          existsSync,
        );
        return found ? [found] : [];
      });
  });
}
