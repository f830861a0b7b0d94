import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPrismaSchemas } from './find-prisma-schemas';

describe('findPrismaSchemas', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'workspace-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const touch = (...parts: string[]) => {
    mkdirSync(path.join(root, ...parts.slice(0, -1)), { recursive: true });
    writeFileSync(path.join(root, ...parts), '');
  };

  it("finds each app's and library's schema file or multi-file schema directory", () => {
    touch('apps', 'payment', 'prisma', 'schema.prisma');
    touch('apps', 'order', 'prisma', 'schema.prisma');
    touch('apps', 'notification', 'src', 'main.ts');
    touch('libs', 'ledger', 'prisma', 'schema', 'models.prisma');

    expect(findPrismaSchemas(root).map((p) => path.relative(root, p))).toEqual([
      path.join('apps', 'order', 'prisma', 'schema.prisma'),
      path.join('apps', 'payment', 'prisma', 'schema.prisma'),
      path.join('libs', 'ledger', 'prisma', 'schema'),
    ]);
  });

  it('finds nothing in a workspace without projects', () => {
    expect(findPrismaSchemas(path.join(root, 'nowhere'))).toEqual([]);
  });
});
