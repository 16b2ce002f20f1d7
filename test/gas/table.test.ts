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

// ---- issue 7 item 4 (helper 12a): findGroup, the rows of one group read as one block ----
describe('findGroup', () => {
  // a group (G-1) of four rows among others near the end of a sheet of n rows
  const grouped = (n: number) =>
    Array.from({ length: n }, (_, k) => {
      const inGroup = k >= n - 8 && k % 2 === 0;
      return [inGroup ? 'G-1' : `X-${k}`, inGroup ? '承認' : '審査待ち', `note ${k}`, '', '', k];
    });

  test('the group at the end of 100 or 5,000 rows: the same few calls and cells, no call per row found', () => {
    const costs = [100, 5000].map((n) => {
      const { rt, ss } = setup(grouped(n));
      const t = Table.lean(ss, T);
      const before = rt.cost.cellsRead();
      rt.calls.reset();
      const rows = t.findGroup('ID', 'G-1', ['判定']);
      expect(rows).toEqual([n - 8, n - 6, n - 4, n - 2]);
      expect(rows.map((i) => t.get(i, '件数'))).toEqual(rows);
      expect(rows.map((i) => t.text(i, '判定'))).toEqual(['承認', '承認', '承認', '承認']);
      return { calls: rt.calls.total(), cells: rt.cost.cellsRead() - before, getRow: rt.calls.byMethod()['Range.getRow'] };
    });
    expect(costs[1]).toEqual(costs[0]);
    // getRange, createTextFinder, matchEntireCell, findAll, the first and the last row, one block read
    expect(costs[0].calls).toBe(8);
    expect(costs[0].getRow).toBe(2);
    // the block: rows n−8 … n−2 (7 rows) × the 6 columns (the whole rows: the rest cost less than a call)
    expect(costs[0].cells).toBe(7 * 6);
  });

  test('a cell that differs in case is found by the TextFinder but is no member; a longer text is neither', () => {
    const { ss } = setup([row(1), ['g-1', '承認', '', '', '', 0], ['G-1', '承認', '', '', '', 7], ['xG-1x', '承認', '', '', '', 0], ['G-1', '却下', '', '', '', 9]]);
    const t = Table.lean(ss, T);
    expect(t.findGroup('ID', 'G-1', ['判定'])).toEqual([2, 4]);
    expect(t.findGroup('ID', 'G-2', ['判定'])).toEqual([]);
  });

  test('members far apart: found and read one by one (a block would cost more than a call per row)', () => {
    // 8,000 rows × 2 columns (16,000 cells) cost more than 2 calls (12,000 cells' worth)
    const rows = Array.from({ length: 8000 }, (_, k) => [k === 0 || k === 7999 ? 'G-1' : `X-${k}`, '審査待ち', '', '', '', k]);
    const { rt, ss } = setup(rows);
    const t = Table.lean(ss, T);
    const before = rt.cost.cellsRead();
    expect(t.findGroup('ID', 'G-1', ['判定'])).toEqual([0, 7999]);
    expect(rt.cost.cellsRead() - before).toBe(2 * 6);
  });

  test('a long block reads only the columns asked for; another column of a member is read when asked', () => {
    // 2,000 rows between the first and the last member: 6 columns would be 12,000 cells, more than a call
    const rows = Array.from({ length: 2001 }, (_, k) => [k % 500 === 0 ? 'G-1' : `X-${k}`, k % 500 === 0 ? '承認' : '審査待ち', `note ${k}`, '', '', k]);
    const { rt, ss } = setup(rows);
    const t = Table.lean(ss, T);
    const before = rt.cost.cellsRead();
    const found = t.findGroup('ID', 'G-1', ['判定']);
    expect(found).toEqual([0, 500, 1000, 1500, 2000]);
    expect(rt.cost.cellsRead() - before).toBe(2001 * 2); // ID and 判定
    expect(found.map((i) => t.text(i, '判定'))).toEqual(['承認', '承認', '承認', '承認', '承認']);
    expect(rt.cost.cellsRead() - before).toBe(2001 * 2);
    expect(t.get(500, '件数')).toBe(500); // the whole row, read now
    expect(rt.cost.cellsRead() - before).toBe(2001 * 2 + 6);
  });

  test('the header cell is never a member; a sheet trimmed to its header row has none', () => {
    const { ss, sheet } = setup([row(1), ['ID', '承認', '', '', '', 2]]);
    expect(Table.lean(ss, T).findGroup('ID', 'ID', ['判定'])).toEqual([1]);
    sheet.deleteRows(2, sheet.getMaxRows() - 1);
    expect(Table.lean(ss, T).findGroup('ID', 'C-1', ['判定'])).toEqual([]);
  });

  test('rows this run changed: a member set away is none, a row set to the value is one, a set cell reads as set', () => {
    const { ss } = setup(grouped(20));
    const t = Table.lean(ss, T);
    t.load([12, 3], true);
    t.set(12, { ID: 'X-12' }); // was G-1
    t.set(3, { ID: 'G-1' });
    t.set(14, { 判定: '却下' });
    expect(t.findGroup('ID', 'G-1', ['判定'])).toEqual([3, 14, 16, 18]);
    expect(t.text(14, '判定')).toBe('却下');
  });
});
