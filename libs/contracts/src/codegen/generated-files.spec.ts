import path from 'node:path';
import { editedSchemaDirectory } from '../testing/edited-schema-directory';
import { ASYNCAPI_FILE, GENERATED_DIRECTORY, findStaleFiles, renderGeneratedFiles } from './generated-files';

const REGENERATE = 'npm run contracts:generate';

describe('the generated files', () => {
  it('match schemas/*.avsc and the catalogue', () => {
    const stale = findStaleFiles(renderGeneratedFiles());
    if (stale.length > 0)
      throw new Error(
        `Out of date with schemas/: ${stale.map((file) => path.relative(process.cwd(), file)).join(', ')}. Run \`${REGENERATE}\` and commit the result.`,
      );
  });

  it('would be reported stale after a schema edit (checked on a copy; nothing on disk changes)', () => {
    const edited = editedSchemaDirectory('order-placed.avsc', (schema) => ({
      ...schema,
      fields: [...schema.fields, { name: 'giftWrap', type: 'boolean', default: false, doc: 'Wrap it.' }],
    }));
    try {
      const files = renderGeneratedFiles(edited.dir);
      expect(findStaleFiles(files).sort()).toEqual(
        [
          path.join(GENERATED_DIRECTORY, 'event-schemas.ts'),
          path.join(GENERATED_DIRECTORY, 'event-types.ts'),
          ASYNCAPI_FILE,
        ].sort(),
      );
      expect(files.find((f) => f.path.endsWith('event-types.ts'))?.content).toContain('  giftWrap: boolean;');
    } finally {
      edited.remove();
    }
  });
});
