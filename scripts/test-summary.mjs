// Prints one closing line for both jest runs (UTC and Asia/Tokyo): "N passed, N failed".
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const zone of ['UTC', 'Tokyo']) {
  const r = JSON.parse(readFileSync(`.tools/jest-${zone}.json`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  console.log(`TZ=${zone === 'UTC' ? 'UTC' : 'Asia/Tokyo'}: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${r.numTotalTestSuites} suites)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
