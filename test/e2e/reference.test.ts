/**
 * What the built bundle does with the Apps Script services, checked against sentences of the
 * reference (test/runtime/README.md, "What the product calls, and where the reference says so").
 */
import { setDocs } from './staff';
import { makeWorld } from './world';

/** Calls that change a spreadsheet (values, formats, validation, protection, grid). */
const SHEET_WRITE = /^(Range|RangeList|Sheet|Spreadsheet|Protection)\.(set|insert|delete|append|clear|hide|protect|remove|add)/;

/**
 * Lock.releaseLock: "if you are working with a spreadsheet, you should call SpreadsheetApp.flush()
 * prior to releasing the lock, to commit all pending changes to the spreadsheet while you still have
 * exclusive access to it." Returns the last unflushed write before each release that had one.
 */
function writesReleasedUnflushed(trace: string[]): string[] {
  const bad: string[] = [];
  let pending: string | null = null;
  for (const call of trace) {
    const key = call.split('(')[0];
    if (key === 'SpreadsheetApp.flush') pending = null;
    else if (SHEET_WRITE.test(key)) pending = key;
    else if (key === 'Lock.releaseLock') {
      if (pending) bad.push(pending);
      pending = null;
    }
  }
  return bad;
}

describe('the bundle against the reference', () => {
  test('every run that writes the spreadsheet under a lock flushes before it releases the lock (setup, submits, edits, payout, daily)', () => {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    w.rt.calls.startTrace();
    w.call('setup');
    const setupTrace = w.rt.calls.stopTrace();
    expect(setupTrace).toContain('Lock.releaseLock');
    expect(writesReleasedUnflushed(setupTrace)).toEqual([]);

    w.rt.calls.startTrace();
    const id = w.supporter({ name: 'Jane Doe', email: 'jane@example.org' });
    setDocs(w, id, '2023-08-01');
    w.sheet('口座').appendRow([id, '0005', '001', '普通', '7654321', 'ﾄﾞｳ ｼﾞｴｰﾝ']);
    w.claim({ id, email: 'jane@example.org', date: '2024-05-03', hours: '2' });
    w.rt.editCell(w.sheet('申請'), 'K2', '承認', { user: 'reviewer@smj.example' });
    w.at('2024-06-01T09:00:00+09:00');
    w.call('createPayout', '2024-06');
    w.call('markPayoutPaid', '2024-06');
    w.call('dailyMaintenance');
    w.call('reconcile');
    w.call('createForms');
    const trace = w.rt.calls.stopTrace();
    expect(trace.filter((c) => c === 'Lock.releaseLock').length).toBeGreaterThanOrEqual(8);
    expect(writesReleasedUnflushed(trace)).toEqual([]);
  });
});
