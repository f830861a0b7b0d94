// A jest reporter (next to the default one) that leaves each project's counts in
// .local/var/test-results/<project>.json, so `npm test` can end with one line totalling them all.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const RESULTS_DIR = path.resolve(__dirname, '../../.local/var/test-results');

class TotalsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const project = path.relative(path.resolve(__dirname, '../..'), this.rootDir).replace(/[\\/]/g, '-') || 'root';
    writeFileSync(
      path.join(RESULTS_DIR, `${project}.json`),
      JSON.stringify({
        project,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = TotalsReporter;
module.exports.RESULTS_DIR = RESULTS_DIR;
