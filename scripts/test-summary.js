/*
 * Prints one closing line from jest's --json output, so that the CI log
 * always ends with the number of tests run: "tests: N passed, N failed".
 * Fails when no test ran at all.
 */
const fs = require('node:fs');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('test-summary: jest wrote no results; see the output above');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(
  `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` +
    (skipped ? `, ${skipped} skipped` : ''),
);
if (r.numTotalTests === 0) {
  console.error('test-summary: no test ran');
  process.exit(1);
}
process.exit(r.success ? 0 : 1);
