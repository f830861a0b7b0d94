/**
 * `npm run demo`: with the platform running (`npm start`), sets stock for DEMO-SKU, places one
 * order per outcome (confirmed, out of stock, payment declined), waits for the saga to decide each,
 * then prints each order's trace from the topics. Exit codes: 0 every order ended as expected,
 * 1 otherwise or when the platform, Kafka or the registry is not there.
 */
import { localEndpoints } from '@platform/config';
import { DEV_OPERATOR, devToken } from '@platform/dev-identity';
import { connect, explainFailure, settingsFromEnv } from '../connection/cli-connection';
import { PlatformClient, type DemoTokens } from '../demo/platform-client';
import { runDemo } from '../demo/run-demo';
import { TERMINAL_COLORS } from '../text/colors';

const USAGE = `usage: npm run demo

With the platform running (npm start): sets the stock of DEMO-SKU, places one order of each outcome
(confirmed, out of stock, payment declined), waits for the saga to decide each, and prints their
traces from the topics. Exit code 0 when every order ended as expected, 1 otherwise or when the
platform, Kafka or the registry does not answer.

Tokens: from the development issuer that npm start runs; against a real IdP, set OPERATOR_TOKEN to
an operator's token and every call is made with it.`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const endpoints = localEndpoints();
  const settings = settingsFromEnv(process.env);
  try {
    const asExpected = await runDemo({
      platform: new PlatformClient(endpoints.appUrl('order'), endpoints.appUrl('inventory'), demoTokens()),
      connect: () => connect(settings),
      out: (text) => console.log(text),
      colors: TERMINAL_COLORS,
    });
    if (!asExpected) console.error('demo: not every order ended as expected (see above).');
    return asExpected ? 0 : 1;
  } catch (error) {
    console.error(`demo: ${explainFailure(error, settings)}`);
    return 1;
  }
}

function demoTokens(): DemoTokens {
  const given = process.env['OPERATOR_TOKEN'];
  if (given) return { customer: async () => given, operator: async () => given };
  return {
    customer: (customerId) => devToken(customerId, 'customer'),
    operator: () => devToken(DEV_OPERATOR, 'operator'),
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
