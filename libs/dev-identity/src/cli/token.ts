/**
 * `npm run token -- --sub alice@example.com --role customer [--ttl 3600]`: prints a bearer token
 * of the development issuer (the one `npm start` runs), nothing else, so that
 * `TOKEN=$(npm run -s token -- --sub alice@example.com --role customer)` works.
 */
import { parseArgs } from 'node:util';
import { mintDevToken } from '../dev-tokens';

const USAGE = `Usage: npm run token -- --sub <caller> --role customer|operator [--ttl <seconds>]

Mints a token of the development issuer that npm start runs (its key is in .local/dev-identity).
  --sub    who calls; a customer's orders must name it as customerId (e.g. alice@example.com)
  --role   customer (places and reads their own orders) or operator (everything else)
  --ttl    lifetime in seconds, default 3600

Use it as: curl -H "Authorization: Bearer $(npm run -s token -- --sub alice@example.com --role customer)" ...`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      role: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const ttlSeconds = Number(values.ttl);
  const problems = [
    ...(values.sub?.trim() ? [] : ['--sub is required']),
    ...(values.role === 'customer' || values.role === 'operator'
      ? []
      : ['--role must be customer or operator']),
    ...(Number.isInteger(ttlSeconds) && ttlSeconds > 0 ? [] : ['--ttl must be a positive number of seconds']),
  ];
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`);
    process.exit(2);
  }
  console.log(
    await mintDevToken({ sub: values.sub!.trim(), role: values.role as 'customer' | 'operator', ttlSeconds }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
