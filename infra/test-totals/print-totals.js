// Prints the one line CI counts: every project's tests, totalled (see totals-reporter.js).
// A suite that could not even load counts as a failure, so nothing silently drops out of the total.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { RESULTS_DIR } = require('./totals-reporter');

const totals = { passed: 0, failed: 0, skipped: 0 };
const files = existsSync(RESULTS_DIR) ? readdirSync(RESULTS_DIR).filter((file) => file.endsWith('.json')) : [];
for (const file of files) {
  const result = JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8'));
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
}
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
