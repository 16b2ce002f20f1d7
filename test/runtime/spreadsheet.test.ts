import { createRuntime } from './index';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup(): { rt: ReturnType<typeof createRuntime>; ss: SS; sheet: Sheet; app: GoogleAppsScript.Spreadsheet.SpreadsheetApp } {
  const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
  const ss = rt.createSpreadsheet('Review');
  const sheet = ss.getSheets()[0];
  const app = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return { rt, ss, sheet, app };
}

const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('SpreadsheetApp', () => {
  test('getActiveSpreadsheet is null without a bound spreadsheet, the bound one otherwise', () => {
    const rt = createRuntime();
    const app = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    expect(app.getActiveSpreadsheet()).toBeNull();
    const ss = rt.createSpreadsheet('A');
    rt.createSpreadsheet('B');
    expect(app.getActiveSpreadsheet()).toBe(ss);
    expect(app.getActive()).toBe(ss);
    expect(app.openById(ss.getId())).toBe(ss);
    expect(app.openByUrl(ss.getUrl())).toBe(ss);
    expect(() => app.openById('nope')).toThrow(/openById/);
  });

  test('insertSheet refuses a duplicate name with the service message', () => {
    const { ss } = setup();
    ss.insertSheet('申請');
    const e = errorOf(() => ss.insertSheet('申請'));
    expect(e.message).toBe('A sheet with the name "申請" already exists. Please enter another name.');
    expect(e.name).toBe('Exception');
    expect(String(e)).toBe('Exception: A sheet with the name "申請" already exists. Please enter another name.');
    expect(ss.getSheetByName('申請')?.getName()).toBe('申請');
    expect(ss.getSheetByName('none')).toBeNull();
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
  });

  test('insertSheet at an index, deleteSheet, getRange with a sheet name', () => {
    const { ss } = setup();
    const a = ss.insertSheet('A', 0);
    expect(ss.getSheets()[0]).toBe(a);
    a.getRange('B2').setValue('x');
    expect(ss.getRange("'A'!B2").getValue()).toBe('x');
    expect(ss.getRange('A!B2').getValue()).toBe('x');
    ss.deleteSheet(a);
    expect(ss.getSheetByName('A')).toBeNull();
  });
});

describe('Sheet.getRange', () => {
  test.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
  ])('getRange(%j) throws', (args, message) => {
    const { sheet } = setup();
    const e = errorOf(() => (sheet.getRange as (...a: number[]) => unknown)(...(args as number[])));
    expect(e.message).toBe(message);
  });

  test.each([
    ['A1', 1, 1, 1, 1, 'A1'],
    ['B2:D5', 2, 2, 4, 3, 'B2:D5'],
    ['Z10', 10, 26, 1, 1, 'Z10'],
    ['A1000:Z1000', 1000, 1, 1, 26, 'A1000:Z1000'],
    ['A:B', 1, 1, 1000, 2, 'A1:B1000'],
  ])('A1 notation %s', (a1, row, col, nr, nc, back) => {
    const { sheet } = setup();
    const r = sheet.getRange(a1);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()]).toEqual([row, col, nr, nc, back]);
  });
});

describe('values', () => {
  test('setValues shape errors use the service wording', () => {
    const { sheet } = setup();
    expect(errorOf(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(errorOf(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test.each<[string, unknown, unknown, string]>([
    ['numeric string', '0012345', 12345, ''],
    ['grouped number', '1,234', 1234, ''],
    ['percent', '50%', 0.5, ''],
    ['decimal', '3.5', 3.5, ''],
    ['negative', '-2', -2, ''],
    ['apostrophe keeps text', "'0012345", '0012345', ''],
    ['TRUE', 'TRUE', true, ''],
    ['false lower case', 'false', false, ''],
    ['formula', '=1+1', 2, '=1+1'],
    ['unknown function', '=FOO(1)', '', '=FOO(1)'],
    ['plus starts a formula', '+81-90', -9, '=+81-90'],
    ['minus text starts a formula', '-abc', '#NAME?', '=-abc'],
    ['plain text', '承認', '承認', ''],
    ['yen amount', '¥8,000', 8000, ''],
    ['dollar amount', '$12.50', 12.5, ''],
    ['negative yen amount', '-¥500', -500, ''],
    ['a currency sign before text stays text', '¥abc', '¥abc', ''],
    ['month/day is a date of this year', '5/10', new Date('2024-05-10T00:00:00+09:00'), ''],
    ['no 13th month: text', '13/1', '13/1', ''],
    ['no 30 February: text', '2/30', '2/30', ''],
    ['null', null, '', ''],
    ['number', 7, 7, ''],
    ['boolean', true, true, ''],
  ])('setValue %s', (_name, input, value, formula) => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setValue(input);
    expect(r.getValue()).toEqual(value);
    expect(r.getFormula()).toBe(formula);
  });

  test('formula text is never returned as a value', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=SUM(C1:C3)', '=1/0']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '#DIV/0!']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(C1:C3)', '=1/0']]);
  });

  test.each([
    ['2024-01-05', '2024-01-04T15:00:00.000Z'],
    ['2024/1/5', '2024-01-04T15:00:00.000Z'],
    ['2024-01-05 10:30', '2024-01-05T01:30:00.000Z'],
    ['2024年1月5日', '2024-01-04T15:00:00.000Z'],
  ])('date-like string %s becomes a Date in the spreadsheet time zone', (input, iso) => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(input);
    const v = sheet.getRange('A1').getValue() as Date;
    expect(Object.prototype.toString.call(v)).toBe('[object Date]');
    expect(v.toISOString()).toBe(iso);
  });

  test('a time string becomes a time-of-day Date on 1899-12-30', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('1:30');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('1899-12-29T16:30:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1:30');
  });

  test('plain text format @ keeps strings as typed', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1');
    r.setNumberFormat('@');
    r.setValues([['0012345', '=1+1', '2024-01-05']]);
    expect(r.getValues()).toEqual([['0012345', '=1+1', '2024-01-05']]);
    expect(r.getFormulas()).toEqual([['', '', '']]);
    expect(r.getNumberFormats()).toEqual([['@', '@', '@']]);
    expect(sheet.getRange('D1').getNumberFormat()).toBe('0.###############');
  });

  test('Dates come back as Dates; display values are strings', () => {
    const { sheet } = setup();
    const d = new Date('2024-03-01T03:04:05Z');
    sheet.getRange('A1:D1').setValues([[d, 1234.5, true, 'x']]);
    const [[a, b, c, x]] = sheet.getRange('A1:D1').getValues();
    expect(a).toBeInstanceOf(Date);
    expect((a as Date).getTime()).toBe(d.getTime());
    expect(a).not.toBe(d);
    expect([b, c, x]).toEqual([1234.5, true, 'x']);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['2024/03/01 12:04:05', '1234.5', 'TRUE', 'x']]);
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('B1').setNumberFormat('#,##0');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024-03-01', '1,235']]);
  });

  test('getLastRow / getLastColumn on empty and filled sheets; appendRow', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    sheet.getRange('C3').setBackground('#ff0000');
    expect(sheet.getLastRow()).toBe(0);
    sheet.appendRow(['a', 'b']);
    sheet.appendRow(['c', '', 'e']);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['a', 'b', ''],
      ['c', '', 'e'],
    ]);
    sheet.getRange(2, 1, 1, 3).clearContent();
    expect(sheet.getLastRow()).toBe(1);
  });

  // Google: "The coordinates of the range are outside the dimensions of the sheet." for any range that
  // reaches past getMaxRows() x getMaxColumns() (1000 x 26 for a new sheet), read or write.
  const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';
  test('a range past the grid is refused, one row or column past the last; inside it is fine', () => {
    const { ss, sheet } = setup();
    expect(sheet.getRange(1000, 26).getValue()).toBe('');
    expect(sheet.getRange(999, 1, 2, 26).getValues()).toHaveLength(2);
    sheet.getRange(1000, 1, 1, 26).setValues([new Array(26).fill('x')]);
    expect(errorOf(() => sheet.getRange(1001, 1)).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRange(1, 27)).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRange(999, 1, 3, 1)).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRange(1, 25, 1, 3)).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRange('A1001')).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRange('A999:A1001')).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRange('AA1')).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRange('A1001:B')).message).toBe(OUTSIDE);
    expect(errorOf(() => ss.getRange('Sheet1!A1001')).message).toBe(OUTSIDE);
    expect(errorOf(() => sheet.getRangeList(['A1', 'B1001'])).message).toBe(OUTSIDE);
    const r = sheet.getRange('A999:B1000');
    expect(r.offset(0, 24).getA1Notation()).toBe('Y999:Z1000');
    expect(errorOf(() => r.offset(1, 0)).message).toBe(OUTSIDE);
    expect(errorOf(() => r.offset(0, 25)).message).toBe(OUTSIDE);
    expect(errorOf(() => r.offset(0, 0, 3, 1)).message).toBe(OUTSIDE);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('appendRow and insertRows/insertColumns grow the grid; a range made before deleteRows cannot write past it', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['a', 'b']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['a', 'b']]);
    sheet.appendRow(new Array(28).fill('w'));
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1002, 28]);
    sheet.insertColumnsAfter(28, 2);
    expect(sheet.getRange(1, 30).getValue()).toBe('');
    const tail = sheet.getRange(1002, 1);
    sheet.deleteRows(1001, 2);
    expect(errorOf(() => tail.setValue('gone')).message).toBe(OUTSIDE);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  test('a sheet keeps a row below its frozen ones, and cannot freeze all its rows', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(errorOf(() => sheet.deleteRows(2, 999)).message).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    expect(errorOf(() => sheet.deleteRow(2)).message).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    expect(errorOf(() => sheet.setFrozenRows(2)).message).toBe("You can't freeze all visible rows on the sheet.");
    sheet.setFrozenRows(0);
    sheet.deleteRow(2);
    expect(sheet.getMaxRows()).toBe(1);
    expect(errorOf(() => sheet.setFrozenRows(1)).message).toBe("You can't freeze all visible rows on the sheet.");
  });

  test('a spreadsheet holds at most 10,000,000 cells: growing to it is fine, one row past it is refused', () => {
    const { ss, sheet } = setup();
    const LIMIT = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    sheet.insertColumnsAfter(26, 74);
    sheet.insertRowsAfter(1000, 99_000);
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(10_000_000);
    expect(errorOf(() => sheet.insertRowsAfter(1, 1)).message).toBe(LIMIT);
    expect(errorOf(() => sheet.insertRowsBefore(1, 1)).message).toBe(LIMIT);
    expect(errorOf(() => sheet.insertColumnsAfter(1, 1)).message).toBe(LIMIT);
    expect(errorOf(() => ss.insertSheet('more')).message).toBe(LIMIT);
    sheet.getRange(100_000, 1).setValue('last');
    expect(errorOf(() => sheet.appendRow(['x'])).message).toBe(LIMIT);
    sheet.deleteRows(2, 260);
    ss.insertSheet('more'); // 26,000 cells freed, 26,000 taken
  });

  test('insertRowsAfter and deleteRow shift rows', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange(1002, 1).getValue()).toBe('');
    sheet.deleteRow(2);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
  });

  test('Range.offset, getCell, getLastRow of a range', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C4');
    expect(r.getLastRow()).toBe(4);
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D5');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
  });
});

describe('formatting, validation, protection', () => {
  test('data validation is stored per cell and built by the builder', () => {
    const { sheet, app } = setup();
    const rule = app.newDataValidation().requireValueInList(['承認', '却下'], true).setAllowInvalid(false).setHelpText('選んでください').build();
    sheet.getRange('A2:A3').setDataValidation(rule);
    const got = sheet.getRange('A3').getDataValidation();
    expect(got?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(got?.getCriteriaValues()).toEqual([['承認', '却下'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(got?.getHelpText()).toBe('選んでください');
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    expect(sheet.getRange('A1:A2').getDataValidations()).toEqual([[null], [got]]);
    const d = app.newDataValidation().requireDate().build();
    expect(d.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(app.newDataValidation().requireNumberBetween(0, 24).build().getCriteriaValues()).toEqual([0, 24]);
  });

  test('conditional format rules', () => {
    const { sheet, app } = setup();
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$K2="承認"').setBackground('#d9ead3').setRanges([sheet.getRange('A2:O')]).build();
    sheet.setConditionalFormatRules([rule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0].getBooleanCondition()?.getCriteriaValues()).toEqual(['=$K2="承認"']);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:O1000');
    const other = setup().ss.getSheets()[0];
    const elsewhere = app.newConditionalFormatRule().whenCellEmpty().setBackground('#ff0000').setRanges([other.getRange('A1')]).build();
    expect(errorOf(() => sheet.setConditionalFormatRules([rule, elsewhere])).message).toBe('Conditional format rule cannot reference a different sheet.');
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
  });

  test('protection: editors, warning only, unprotected ranges', () => {
    const { rt, sheet, app } = setup();
    const p = sheet.protect().setDescription('system columns');
    p.addEditor('boss@example.org');
    p.removeEditors(['boss@example.org', 'staff@example.org']);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['staff@example.org']);
    expect(p.canEdit()).toBe(true);
    p.setUnprotectedRanges([sheet.getRange('K2:L')]);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(() => rt.editCell(sheet, 'A2', 'x', { user: 'volunteer@example.org' })).toThrow(/protected/);
    rt.editCell(sheet, 'K2', '承認', { user: 'volunteer@example.org' });
    p.setWarningOnly(true);
    rt.editCell(sheet, 'A2', 'x', { user: 'volunteer@example.org' });
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  test("a script's setValue, setValues and appendRow into a protected sheet it may not edit are refused", () => {
    const { rt, sheet } = setup();
    const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('K:K')]);
    const asVolunteer = (fn: () => unknown) => {
      rt.bind(() => fn);
      return () => rt.invoke('run', [], { user: 'volunteer@example.org' });
    };
    expect(errorOf(asVolunteer(() => sheet.getRange('A2').setValue('x'))).message).toBe(PROTECTED);
    expect(errorOf(asVolunteer(() => sheet.getRange('A2:B2').setValues([['x', 'y']]))).message).toBe(PROTECTED);
    expect(errorOf(asVolunteer(() => sheet.appendRow(['x']))).message).toBe(PROTECTED);
    expect(sheet.getLastRow()).toBe(0);
    asVolunteer(() => sheet.getRange('K2').setValue('承認'))();
    p.setWarningOnly(true);
    asVolunteer(() => sheet.appendRow(['x']))();
    expect(sheet.getRange('A3').getValue()).toBe('x');
  });

  test('frozen rows, hidden columns, formats', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.hideColumns(3, 2);
    expect(sheet.getFrozenRows()).toBe(1);
    expect([3, 4, 5].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([true, true, false]);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    sheet.getRange('A1').setBackground('#eeeeee').setFontWeight('bold').setNote('n');
    expect(sheet.getRange('A1').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A1').getNote()).toBe('n');
  });

  test('text finder', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['BN-1', 'x'],
      ['y', 'BN-12'],
    ]);
    expect(sheet.createTextFinder('BN-1').matchEntireCell(true).findAll().map((r) => r.getA1Notation())).toEqual(['A1']);
    expect(sheet.createTextFinder('BN-1').findAll().map((r) => r.getA1Notation())).toEqual(['A1', 'B2']);
  });
});

describe('editCell and the onEdit trigger', () => {
  test('fires installable onEdit with the documented event object', () => {
    const { rt, ss, sheet } = setup();
    const events: Record<string, unknown>[] = [];
    rt.bind((name) => (name === 'onReviewEdit' ? (e: unknown) => events.push(e as Record<string, unknown>) : undefined));
    const script = rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const trigger = script.newTrigger('onReviewEdit').forSpreadsheet(ss).onEdit().create();
    sheet.getRange('B2').setValue('審査待ち');
    rt.editCell(sheet, 'B2', '承認', { user: 'reviewer@example.org' });
    rt.editCell(sheet, 'A1:B1', [['x', 'y']]);
    expect(events).toHaveLength(2);
    const e = events[0];
    expect(e.authMode).toBe('FULL');
    expect((e.range as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('B2');
    expect(e.source).toBe(ss);
    // Consumer accounts (the default): the editor is not the trigger's owner, so nobody is named.
    expect((e.user as GoogleAppsScript.Base.User).getEmail()).toBe('');
    expect(e.value).toBe('承認');
    expect(e.oldValue).toBe('審査待ち');
    expect(e.triggerUid).toBe(trigger.getUniqueId());
    expect('value' in events[1]).toBe(false);
    expect('oldValue' in events[1]).toBe(false);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['x', 'y']]);
  });

  test('typing is rejected by a reject-input validation; scripts may still write', () => {
    const { rt, sheet, app } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['承認']).setAllowInvalid(false).build());
    expect(() => rt.editCell(sheet, 'A1', 'maybe')).toThrow(/data validation/);
    rt.editCell(sheet, 'A1', '承認');
    sheet.getRange('A1').setValue('maybe');
    expect(sheet.getRange('A1').getValue()).toBe('maybe');
  });
});
