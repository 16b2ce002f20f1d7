/**
 * Lists the Apps Script service calls the BUILT bundle makes (not the tests' own calls on the fakes):
 * a jest setup file for the audit in test/runtime/README.md ("What the product calls").
 *
 *   npm run build && npx jest test/e2e --setupFilesAfterEnv ./test/support/gas-calls.ts
 *   sort -u .tools/gas-calls.txt
 *
 * A call counts when the frame that made it is in the bundle (the vm script's file name ends Code.js).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { CallCounter } from '../runtime/core';

const seen = new Set<string>();
const hit = CallCounter.prototype.hit;
CallCounter.prototype.hit = function (this: CallCounter, key: string, args?: unknown[]) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 4;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  // frames: this function, the proxy's method, its caller
  const caller = stack.split('\n')[3] ?? '';
  if (/Code\.js:\d+/.test(caller)) seen.add(key);
  hit.call(this, key, args);
};

afterAll(() => {
  mkdirSync('.tools', { recursive: true });
  if (seen.size > 0) appendFileSync('.tools/gas-calls.txt', [...seen].join('\n') + '\n');
});
