import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from './harness';
import { createRuntime } from './index';

const SCRIPT = `
var loaded = true;
function probeGlobals() {
  return [typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof module, typeof exports, typeof global].join(',');
}
function nowIso() { return new Date().toISOString() + '|' + new Date(Date.now()).toISOString(); }
function otherDates() {
  return [new Date(0).toISOString(), new Date(2024, 0, 5).getFullYear(), new Date('2024-01-05T00:00:00Z').toISOString(), typeof Date(), Date.UTC(2024, 0, 1)].join('|');
}
function readBack() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(1, 1, 1, 2).setValues([[new Date(), '2024-01-05']]);
  var v = sheet.getRange(1, 1, 1, 2).getValues();
  return [v[0][0] instanceof Date, v[0][1] instanceof Date, v instanceof Array, v[0][0].getTime() === Date.now()].join(',');
}
function catchError() {
  try {
    SpreadsheetApp.getActiveSpreadsheet().insertSheet('Sheet1');
  } catch (e) {
    return [e instanceof Error, e.name, e.message, String(e)].join('|');
  }
}
function add(a, b) { return a + b; }
const hidden = () => 'const arrow';
function onOpen() { SpreadsheetApp.getUi().createMenu('伴走ネット').addItem('初期設定', 'setup').addToUi(); }
function onSubmit(e) { Logger.log('got ' + e.response.getItemResponses()[0].getResponse()); }
`;

describe('loadBundle', () => {
  test('each execution starts from the top of the script: a global set by one run is gone in the next, as on Google', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, { code: 'var count = 0;\nfunction bump() { count += 1; return count; }\n' });
    expect(b.call('bump')).toBe(1);
    expect(b.call('bump')).toBe(1);
    expect(rt.fire('bump')).toBe(1);
  });

  test('only the fakes and the built-ins are globals', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, { code: SCRIPT });
    expect(b.call('probeGlobals')).toBe('undefined,undefined,undefined,undefined,undefined,undefined,undefined');
    expect(b.context.loaded).toBe(true);
  });

  test('new Date() and Date.now() follow the runtime clock; other Date forms are unchanged', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T01:02:03Z') });
    const b = loadBundle(rt, { code: SCRIPT });
    expect(b.call('nowIso')).toBe('2024-05-01T01:02:03.000Z|2024-05-01T01:02:03.000Z');
    rt.clock.advance(1000);
    expect(b.call('nowIso')).toBe('2024-05-01T01:02:04.000Z|2024-05-01T01:02:04.000Z');
    expect(b.call('otherDates')).toBe(`1970-01-01T00:00:00.000Z|2024|2024-01-05T00:00:00.000Z|string|${Date.UTC(2024, 0, 1)}`);
  });

  test('values from the fakes are of the script realm: instanceof Date / Array / Error work', () => {
    const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
    rt.createSpreadsheet('s');
    const b = loadBundle(rt, { code: SCRIPT });
    expect(b.call('readBack')).toBe('true,true,true,true');
    expect(b.call('catchError')).toBe(
      'true|Exception|A sheet with the name "Sheet1" already exists. Please enter another name.|Exception: A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  test('call and fire reach function declarations and top-level const functions; args pass through', () => {
    const rt = createRuntime();
    const b = loadBundle(rt, { code: SCRIPT });
    expect(b.call('add', 2, 3)).toBe(5);
    expect(rt.fire('hidden')).toBe('const arrow');
    expect(() => rt.fire('nope')).toThrow('Script function not found: nope');
  });

  test('open runs onOpen; a form submit trigger reaches the script', () => {
    const rt = createRuntime();
    rt.createSpreadsheet('s');
    loadBundle(rt, { code: SCRIPT });
    rt.open();
    expect(rt.ui.menus[0].name).toBe('伴走ネット');
    const form = rt.createForm('f');
    form.addTextItem().setTitle('q');
    (rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).newTrigger('onSubmit').forForm(form.getId()).onFormSubmit().create();
    rt.submit(form, { q: 'hello' });
    expect(rt.logs).toEqual(['got hello']);
  });

  test('reads a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-'));
    const file = join(dir, 'Code.js');
    writeFileSync(file, 'function hi() { return "hi"; }');
    const rt = createRuntime();
    expect(loadBundle(rt, file).call('hi')).toBe('hi');
  });
});
