/**
 * The cost model: calls and cells advance the clock, executions are recorded, the 6-minute limit
 * stops a run, the script lock is contended across a burst of executions in virtual time, and
 * staff can type into a sheet in the middle of a run.
 */
import { loadBundle } from './harness';
import { createRuntime } from './index';

const SCRIPT = `
function readBlock() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return sheet.getRange(1, 1, 100, 10).getValues().length;
}
function writeBlock() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(1, 1, 50, 2).setValues(Array.apply(null, Array(50)).map(function () { return ['a', 'b']; }));
}
function forever() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  for (var i = 0; i < 100000; i++) sheet.getName();
}
function holdLock(ms) {
  var lock = LockService.getScriptLock();
  if (!lock.tryLock(30000)) return 'lost';
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  // each call costs 60 ms: hold the lock about ms
  for (var i = 0; i < ms / 60; i++) sheet.getName();
  lock.releaseLock();
  return 'got';
}
function copyCell() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var v = sheet.getRange('A1').getValue();
  sheet.getName(); sheet.getName(); sheet.getName();
  return [v, sheet.getRange('A1').getValue()].join('|');
}
// (Globals do not last from one execution to the next, as on Google: the edits are kept in a property.)
function onEdit(e) {
  var p = PropertiesService.getScriptProperties();
  var seen = p.getProperty('edits');
  p.setProperty('edits', (seen ? seen + ',' : '') + e.range.getA1Notation() + '=' + e.value);
}
function editsSeen() { return PropertiesService.getScriptProperties().getProperty('edits') || ''; }
`;

function setup() {
  const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z'), cost: {} });
  rt.createSpreadsheet('t');
  const b = loadBundle(rt, { code: SCRIPT });
  return { rt, b };
}

describe('cost model', () => {
  test('60 ms per call, 10 µs per cell read, 20 µs per cell written, recorded per execution', () => {
    const { rt } = setup();
    rt.fire('readBlock');
    const r = rt.executions[rt.executions.length - 1];
    // getActiveSpreadsheet, getSheets, getRange, getValues: 4 calls; 1,000 cells read
    expect(r.calls).toBe(4);
    expect(r.cellsRead).toBe(1000);
    expect(r.ms).toBeCloseTo(4 * 60 + 1000 * 0.01, 6);
    rt.fire('writeBlock');
    const w = rt.executions[rt.executions.length - 1];
    expect(w.cellsWritten).toBe(100);
    expect(w.ms).toBeCloseTo(4 * 60 + 100 * 0.02, 6);
  });

  test('off by default: the clock does not move', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    rt.createSpreadsheet('t');
    loadBundle(rt, { code: SCRIPT });
    rt.fire('readBlock');
    expect(rt.clock.now().toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(rt.cost.cellsRead()).toBe(1000);
  });

  test('an execution past 6 minutes stops with Exceeded maximum execution time', () => {
    const { rt } = setup();
    expect(() => rt.fire('forever')).toThrow('Exceeded maximum execution time');
    const r = rt.executions[rt.executions.length - 1];
    // 6 minutes of 60 ms calls, plus the one that found the limit passed
    expect(r.ms).toBeGreaterThan(360_000);
    expect(r.ms).toBeLessThanOrEqual(360_000 + 60);
    expect(r.error).toBeDefined();
  });

  test('a burst: the second waits for the first, the one past its 30 s timeout fails', () => {
    const { rt } = setup();
    const at = new Date('2024-05-01T01:00:00Z');
    const results: unknown[] = [];
    const job = (ms: number) => ({ at, run: () => results.push(rt.invoke('holdLock', [ms])) });
    // each holds the lock ~20 s: the 2nd waits ~20 s, the 3rd would wait ~40 s > 30 s
    const out = rt.burst([job(20_000), job(20_000), job(20_000)]);
    expect(results).toEqual(['got', 'got', 'lost']);
    const [a, b, c] = out.map((o) => o.records[0]);
    expect(a.lockWaitMs).toBe(0);
    expect(b.lockWaitMs).toBeGreaterThan(19_000);
    expect(b.lockWaitMs).toBeLessThan(30_000);
    expect(c.lockFailed).toBe(true);
    expect(c.lockWaitMs).toBe(30_000);
    expect(a.lockHeldMs).toBeGreaterThan(19_000);
    // afterwards the clock is at the latest end, and the lock is free
    expect(rt.clock.now().getTime()).toBe(Math.max(...out.map((o) => o.records[0].end)));
    expect(rt.invoke('holdLock', [60])).toBe('got');
  });

  test('a burst spread out: later starts find the lock free', () => {
    const { rt } = setup();
    const t0 = new Date('2024-05-01T01:00:00Z').getTime();
    const results: unknown[] = [];
    rt.burst([0, 1, 2].map((k) => ({ at: new Date(t0 + k * 25_000), run: () => results.push(rt.invoke('holdLock', [20_000])) })));
    expect(results).toEqual(['got', 'got', 'got']);
  });

  test('typing during a run: the value lands after the k-th call and the edit trigger fires afterwards', () => {
    const { rt } = setup();
    const ss = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = ss.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1').setValue('before');
    // copyCell: getActiveSpreadsheet, getSheets, getRange, getValue (4), then 3 getName, then getRange, getValue
    rt.typeDuring(sheet, 'A1', 'typed', { afterCalls: 4, user: 'staff@example.org' });
    expect(rt.fire('copyCell')).toBe('before|typed');
    expect(rt.fire('editsSeen')).toBe('A1=typed');
    // only once
    rt.fire('copyCell');
    expect(rt.fire('editsSeen')).toBe('A1=typed');
  });
});
