// Prints the suite's result as one line, "N passed, N failed", from Vitest's JSON report.
// Usage: node test/support/summarize-results.mjs <report.json> [extra failures]
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, extraFailures = '0'] = process.argv.slice(2);
let passed = 0;
let failed = Number(extraFailures);
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no tests counted; count it as one failure.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
