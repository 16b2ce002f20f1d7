/**
 * The sheet contract and the table over it: declared headers only (at compile time and at run
 * time), lookups that read only what they find, and writes of only the cells a run set.
 */
import { sheetSchema } from '../../src/app/schema';
import { Table, UndeclaredHeaderError } from '../../src/gas/table';
import { createRuntime } from '../runtime';

const T = sheetSchema({ name: 'T', headers: ['ID', '判定', 'メモ', '記録', '件数'], required: ['ID', '判定'], staff: ['判定', 'メモ'] });

function setup(rows: unknown[][]) {
  const rt = createRuntime({ now: new Date('2024-05-01T00:00:00Z') });
  const ss = rt.createSpreadsheet('book');
  const sheet = ss.getSheets()[0];
  sheet.setName('T');
  // a column staff added themselves (not in the schema) sits between the declared ones
  const header = ['ID', '判定', '備考（事務局）', 'メモ', '記録', '件数'];
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  // a sheet has a fixed grid: make room first for more rows than a new sheet has
  if (rows.length + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  if (rows.length > 0) sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
  return { rt, ss, sheet };
}

const row = (k: number, decision = '審査待ち') => [`C-${k}`, decision, `note ${k}`, '', decision, k];

describe('typed headers', () => {
  test('an undeclared header is a compile error and, at run time, a loud error (never a silent "")', () => {
    const { ss } = setup([row(1)]);
    const t = Table.open(ss, T);
    expect(t.get(0, '判定')).toBe('審査待ち');
    // @ts-expect-error '氏名' is not a header of T
    expect(() => t.get(0, '氏名')).toThrow(UndeclaredHeaderError);
    // @ts-expect-error a typo
    expect(() => t.set(0, { 判定X: '承認' })).toThrow(/定義にない列「判定X」/);
    // a column staff added is not the code's to read: undeclared too
    expect(() => t.text(0, '備考（事務局）' as never)).toThrow(UndeclaredHeaderError);
  });
});

describe('lean lookups', () => {
  test('find reads the header and the rows found, whatever the size of the sheet', () => {
    for (const n of [100, 5000]) {
      const { rt, ss } = setup(Array.from({ length: n }, (_, k) => row(k)));
      const before = rt.cost.cellsRead();
      rt.calls.reset();
      const t = Table.lean(ss, T);
      const i = t.find('ID', 'C-42');
      expect(i).toBe(42);
      expect(t.get(i, '件数')).toBe(42);
      expect(t.findAll('ID', 'C-999999')).toEqual([]);
      // the header row (whole, to the sheet's last column) and one row of 6 cells
      expect(rt.cost.cellsRead() - before).toBe(26 + 6);
      expect(rt.calls.byMethod()['Sheet.getDataRange']).toBeUndefined();
    }
  });

  test('a TextFinder match that differs in case or is a longer text is not a match', () => {
    const { ss } = setup([row(1), ['c-7', '承認', '', '', '承認', 0], ['C-7', '承認', '', '', '承認', 7], ['xC-7x', '承認', '', '', '承認', 0]]);
    const t = Table.lean(ss, T);
    expect(t.findAll('ID', 'C-7')).toEqual([2]);
    expect(t.findAll('ID', 'c-7', (v) => String(v).toLowerCase() === 'c-7')).toEqual([1, 2]);
  });
});

describe('writes only the cells set', () => {
  test('a value typed meanwhile into an unset cell between set rows survives; a system column goes in one block', () => {
    const { ss, sheet } = setup([row(1), row(2), row(3)]);
    const t = Table.open(ss, T);
    t.set(0, { 判定: '支払済', 記録: '支払済' });
    t.set(2, { 判定: '支払済', 記録: '支払済' });
    // staff type while the run works: 承認 on row 2 (判定) and a note in their own column
    sheet.getRange('B3').setValue('承認');
    sheet.getRange('C3').setValue('電話済み');
    t.flush();
    expect(sheet.getRange('A2:F4').getValues().map((r) => [r[1], r[2], r[4]])).toEqual([
      ['支払済', 'note 1', '支払済'],
      ['承認', '電話済み', '審査待ち'],
      ['支払済', 'note 3', '支払済'],
    ]);
  });

  test('rows far apart are two writes, not every row between them written again', () => {
    // 記録 and 件数 are system columns (2 wide): a gap of 1,500 rows is 3,000 cells, the most a
    // write may rewrite to save a call; 1,501 rows is over it.
    for (const [gap, writes, cells] of [
      [1500, 1, (1500 + 2) * 2],
      [1501, 2, 2 * 2],
    ] as const) {
      const { rt, ss } = setup(Array.from({ length: gap + 2 }, (_, k) => row(k)));
      const t = Table.open(ss, T);
      rt.calls.reset();
      const before = rt.cost.cellsWritten();
      t.set(0, { 記録: '支払済', 件数: 100 });
      t.set(gap + 1, { 記録: '支払済', 件数: 200 });
      t.flush();
      expect(rt.calls.byMethod()['Range.setValues']).toBe(writes);
      expect(rt.cost.cellsWritten() - before).toBe(cells);
    }
  });

  test('a cell set to what it holds is not written', () => {
    const { rt, ss } = setup([row(1)]);
    const t = Table.open(ss, T);
    rt.calls.reset();
    t.set(0, { 判定: '審査待ち', 件数: 1 });
    expect(t.flush()).toBe(false);
    expect(rt.calls.total()).toBe(0);
  });
});
