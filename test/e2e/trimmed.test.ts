/**
 * Sheets trimmed by staff to their header row (they unfroze it and deleted every row below it, e.g.
 * the test data before going live): a sheet then has one row, and Google refuses any range that reaches row 2
 * ("The coordinates of the range are outside the dimensions of the sheet."). Submissions still land,
 * and setup does not report rules it had no rows to put on.
 */
import { makeWorld } from './world';

/** As staff would: Sheets keeps a row below the frozen header, so they unfreeze it first. */
function trim(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.setFrozenRows(0);
  const last = Math.max(1, sheet.getLastRow());
  if (sheet.getMaxRows() > last) sheet.deleteRows(last + 1, sheet.getMaxRows() - last);
}

describe('sheets trimmed to their header row', () => {
  test('a registration and claims land; the new 申請 rows get the 判定 dropdown', () => {
    const w = makeWorld();
    for (const name of ['登録者', '申請', '口座']) trim(w.sheet(name));
    expect([w.sheet('登録者').getMaxRows(), w.sheet('申請').getMaxRows()]).toEqual([1, 1]);

    const a = w.supporter({ email: 'a@example.org' });
    expect(a).toMatch(/^BN-/);
    w.claim({ id: a, email: 'a@example.org', date: '2024-05-10', hours: '1' });
    w.claim({ id: a, email: 'a@example.org', date: '2024-05-11', hours: '3' });
    const rows = w.rows('申請');
    expect(rows.map((r) => [r.伴走ネットID, r.金額, r.判定])).toEqual([
      [a, 4000, '審査待ち'],
      [a, 8000, '審査待ち'],
    ]);
    expect(w.rt.mail.sent.filter((m) => m.to === 'a@example.org')).toHaveLength(3); // registration + 2 receipts
    const s = w.sheet('申請');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    const rule = s.getRange(3, header.indexOf('判定') + 1).getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual(expect.arrayContaining(['承認', '却下']));
  });

  test('setup on trimmed sheets gives each one row under its header, freezes the header, and reports nothing', () => {
    const w = makeWorld();
    for (const name of ['口座', '相談会', '相談会申込', '緊急支援']) trim(w.sheet(name));
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    const said = w.rt.ui.alerts.join('\n');
    expect(said).not.toMatch(/できませんでした|coordinates|freeze/);
    const names = ['口座', '相談会', '相談会申込', '緊急支援'];
    expect(names.map((n) => [w.sheet(n).getMaxRows(), w.sheet(n).getFrozenRows()])).toEqual(names.map(() => [2, 1]));
    // the row under the header has its rules: 相談会申込's 判定 dropdown
    const s = w.sheet('相談会申込');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    expect(s.getRange(2, header.indexOf('判定') + 1).getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_LIST');
  });
});
