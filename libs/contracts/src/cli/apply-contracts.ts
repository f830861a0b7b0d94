/**
 * `npm run contracts:apply [-- --schema-dir <dir>] [--prefix <name prefix>]`: creates the topics and
 * registers the schemas of schemas/*.avsc at KAFKA_BROKERS and SCHEMA_REGISTRY_URL. Exits with 1,
 * naming subject, field and reason, when the registry rejects a change.
 */
import { parseArgs } from 'node:util';
import { applyContracts } from '../apply/apply-contracts';
import { SCHEMA_DIRECTORY } from '../schemas/schema-directory';

const USAGE = `usage: npm run contracts:apply [-- --schema-dir <dir>] [--prefix <name prefix>]

Creates every topic of the event catalogue (and the dead-letter topics) at KAFKA_BROKERS,
grants each app's ACLs (when the broker authenticates clients), and registers every schema of
schemas/*.avsc at SCHEMA_REGISTRY_URL, with FULL_TRANSITIVE compatibility. Connects as the local
admin principal, or as KAFKA_SSL and KAFKA_SASL_* say when they are set.
Changes nothing when run again. Exit code 1, naming subject, field and reason, when the registry
would reject a change (then nothing is registered).

  --schema-dir <dir>   the schemas to apply (default schemas/)
  --prefix <prefix>    a prefix for every topic and subject (tests use it)
  -h, --help           this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'schema-dir': { type: 'string', default: SCHEMA_DIRECTORY },
      prefix: { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { topics, subjects, acls } = await applyContracts({
    schemaDir: values['schema-dir'],
    namePrefix: values.prefix,
  });
  for (const t of topics) {
    const state = t.created ? 'created' : 'exists ';
    const warning =
      t.actualPartitions === t.partitions ? '' : ` (the catalogue says ${t.partitions}; left as it is)`;
    console.log(`topic   ${state}    ${t.topic.padEnd(40)} ${t.actualPartitions} partitions${warning}`);
  }
  for (const s of subjects) {
    const state = s.registered ? 'registered' : 'unchanged ';
    const level = s.compatibilityChanged ? ', compatibility set' : '';
    console.log(`subject ${state} ${s.subject.padEnd(40)} id ${s.id}, version ${s.version}${level}`);
    // More registered versions than the catalogue counts: a schema changed without its version. Fewer is
    // normal: a registry started after earlier versions (a fresh one, a test's prefix) holds only the latest.
    if (s.version > s.catalogueVersion)
      console.warn(
        `warning: the registry holds ${s.eventType} as version ${s.version} but envelopes say ${s.catalogueVersion}; update its version in libs/contracts/src/catalogue/event-definitions.ts`,
      );
  }
  if (acls > 0)
    console.log(`acls    granted    ${acls} ACL entries from the access rules (README, Security)`);
  const changes =
    topics.filter((t) => t.created).length +
    subjects.filter((s) => s.registered || s.compatibilityChanged).length;
  console.log(
    changes === 0 ? 'Contracts already applied; nothing changed.' : `Contracts applied: ${changes} changes.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
