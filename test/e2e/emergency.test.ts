/**
 * Emergency support (緊急支援費) on the built bundle: the office alert on a claim that asks for
 * urgent help, the highlight, recordEmergencySupport on the selected 申請 row, the grant paid with
 * the honoraria in one transfer (decoded here byte by byte, not with our parser), held like them,
 * never twice, the budget cap and 集計 by 用途.
 */
import { setDocs } from './staff';
import { makeWorld, type World } from './world';

function claim(w: World, p: { id: string; email: string; date: string; hours: string; caseId?: string; first?: 'はい' | 'いいえ'; urgent?: 'はい' | 'いいえ'; summary?: string }) {
  return w.rt.submit(w.claimForm, {
    伴走ネットID: p.id,
    お名前: '伴走 太郎',
    メールアドレス: p.email,
    支援実施日: p.date,
    '支援時間（時間）': p.hours,
    '相談者ID（2回目以降）': p.caseId ?? '',
    この相談者についての申請は初めてですか: p.first ?? (p.caseId ? 'いいえ' : 'はい'),
    緊急支援が必要ですか: p.urgent ?? 'いいえ',
    支援の概要: p.summary ?? '',
  });
}

function header(w: World, sheet: string): string[] {
  const s = w.sheet(sheet);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
}

function setCell(w: World, sheet: string, row: number, h: string, value: unknown, user = 'staff@smj.example') {
  const s = w.sheet(sheet);
  const col = header(w, sheet).indexOf(h) + 1;
  w.rt.editCell(s, s.getRange(row, col).getA1Notation(), value, { user });
}

/** Selects 申請 row `row` and runs the menu item. */
function recordFromRow(w: World, row: number) {
  w.rt.select(w.sheet('申請'), `C${row}`);
  return w.call('recordEmergencySupport') as { created: string[]; refused: string[] };
}

/** Staff fill in a grant: 用途, 金額, 判定 (each typed, firing the edit trigger). */
function decideGrant(w: World, row: number, use: string, amount: number, decision = '承認') {
  setCell(w, '緊急支援', row, '用途', use);
  setCell(w, '緊急支援', row, '金額', amount);
  setCell(w, '緊急支援', row, '判定', decision);
}

/** The data records of a 全銀 file read straight from the bytes: 120 bytes then CR LF each. */
function dataRecords(bytes: number[]): { kind: string; account: string; amount: number }[] {
  const u = bytes.map((b) => (b + 256) % 256);
  const out: { kind: string; account: string; amount: number }[] = [];
  for (let at = 0; at + 120 <= u.length; at += 122) {
    expect(u[at + 120]).toBe(0x0d);
    expect(u[at + 121]).toBe(0x0a);
    const ascii = (from: number, to: number) => String.fromCharCode(...u.slice(at + from - 1, at + to));
    // 全銀 data record: 1 record type, 44–50 口座番号, 81–90 振込金額 (1-based positions)
    if (ascii(1, 1) === '2') out.push({ kind: '2', account: ascii(44, 50), amount: Number(ascii(81, 90)) });
    if (ascii(1, 1) === '8') out.push({ kind: '8', account: ascii(2, 7), amount: Number(ascii(8, 19)) });
  }
  return out;
}

function scenario() {
  const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
  const a = w.supporter({ name: '山田 太郎', email: 'taro@example.org' });
  const b = w.supporter({ name: '書類 待ち', email: 'wait@example.org' });
  setDocs(w, a, '2023-08-01');
  w.sheet('口座').appendRow([a, '0005', '001', '普通', '0012345', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
  w.sheet('口座').appendRow([b, '0005', '001', '普通', '0054321', 'ｼﾖﾙｲ ﾏﾁ']);
  w.rt.mail.sent.length = 0;
  claim(w, { id: a, email: 'taro@example.org', date: '2024-05-10', hours: '2', urgent: 'はい', summary: '相談者 グエン・ヴァン・アン さんの家賃滞納' }); // row 2, 8,000
  const caseA = String(w.rows('申請')[0].相談者ID);
  claim(w, { id: a, email: 'taro@example.org', date: '2024-05-12', hours: '1.5', caseId: caseA }); // row 3, 4,000
  claim(w, { id: b, email: 'wait@example.org', date: '2024-05-11', hours: '2' }); // row 4, 8,000 (B has no documents)
  claim(w, { id: a, email: 'taro@example.org', date: '2024-05-13', hours: '2', first: 'いいえ' }); // row 5: no case ID
  return { w, a, b, caseA };
}

describe('emergency support (緊急支援費)', () => {
  test('a claim asking for urgent help alerts the office at once, without the recipient, and is highlighted', () => {
    const { w, caseA } = scenario();
    const claimId = String(w.rows('申請')[0].申請ID);
    const alerts = w.rt.mail.sent.filter((m) => m.to === 'office@smj.example' && m.subject.includes('緊急支援'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].subject).toContain(claimId);
    expect(alerts[0].body).toContain(`相談者ID: ${caseA}`);
    expect(alerts[0].body).not.toMatch(/グエン|家賃滞納/);
    // an edit that keeps はい does not alert again
    const response = w.claimForm.getResponses()[0];
    w.rt.editResponse(response, { '支援時間（時間）': '2.5' });
    expect(w.rt.mail.sent.filter((m) => m.to === 'office@smj.example' && m.subject.includes('緊急支援'))).toHaveLength(1);
    // the row is highlighted by a rule on the 緊急 column, ahead of the other rules
    const h = header(w, '申請');
    expect(h.indexOf('緊急')).toBe(26);
    const letter = 'AA';
    const rules = w.sheet('申請').getConditionalFormatRules();
    const first = rules.find((r) => /="はい"$/.test(String(r.getBooleanCondition()?.getCriteriaValues()[0])));
    expect(first?.getBooleanCondition()?.getCriteriaValues()).toEqual([`=$${letter}2="はい"`]);
    expect(first?.getBooleanCondition()?.getBackground()).toBe('#f9cb9c');
    expect(rules.indexOf(first as GoogleAppsScript.Spreadsheet.ConditionalFormatRule)).toBeLessThan(
      rules.findIndex((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0]).includes('審査待ち')),
    );
    expect(w.rows('申請')[0].緊急).toBe('はい');
  });

  test('recordEmergencySupport: only for a case with a claim; bad selections are refused', () => {
    const { w, a, caseA } = scenario();
    const [c1] = w.rows('申請').map((r) => String(r.申請ID));
    const r = recordFromRow(w, 2);
    expect(r.refused).toEqual([]);
    expect(r.created).toEqual([expect.stringMatching(/^E-00001-\d$/)]);
    expect(w.rows('緊急支援')).toEqual([
      expect.objectContaining({ 緊急支援ID: r.created[0], 伴走ネットID: a, 相談者ID: caseA, 用途: '', 金額: '', 判定: '審査待ち', 支払ID: '', 申請ID: c1, プログラム: 'new-migrant-era-2023' }),
    ]);
    expect(w.rows('緊急支援')[0].記録日時).toEqual(new Date('2024-05-20T10:00:00+09:00'));
    // the same claim again while that grant is 審査待ち
    expect(recordFromRow(w, 2).refused[0]).toContain('すでに審査待ち');
    // a claim with no case ID (CASE_ID_MISSING): no case, no grant
    expect(recordFromRow(w, 5).refused[0]).toMatch(/相談者IDがないか正しくない/);
    // a case whose only claim was rejected
    setCell(w, '申請', 4, '判定', '却下', 'reviewer@smj.example');
    expect(recordFromRow(w, 4).refused[0]).toMatch(/有効な申請がありません/);
    // the header row, another sheet, an unknown claim ID
    expect(recordFromRow(w, 1).refused[0]).toMatch(/申請の行を選んで/);
    w.rt.select(w.sheet('口座'), 'A2');
    expect((w.call('recordEmergencySupport') as { refused: string[] }).refused[0]).toMatch(/申請シートで/);
    expect((w.call('recordEmergencySupport', 'C-99999-9') as { refused: string[] }).refused[0]).toMatch(/見つかりません/);
    expect(w.rows('緊急支援')).toHaveLength(1);
    // 支払済 cannot be typed into a grant: it is put back
    setCell(w, '緊急支援', 2, '判定', '支払済');
    expect(w.rows('緊急支援')[0].判定).toBe('承認');
    // 金額 must be a positive number; 判定 one of the list
    expect(() => setCell(w, '緊急支援', 2, '金額', -5)).toThrow(/validation/);
    expect(() => setCell(w, '緊急支援', 2, '判定', 'たぶん')).toThrow(/validation/);
  });

  test('an approved grant is paid with the honoraria in one transfer; held like them; never twice', () => {
    const { w, a, b } = scenario();
    for (const row of [2, 3, 4]) setCell(w, '申請', row, '判定', '承認', 'reviewer@smj.example');
    const grantA = recordFromRow(w, 2).created[0];
    const grantB = recordFromRow(w, 4).created[0];
    decideGrant(w, 2, '家賃', 30000);
    decideGrant(w, 3, '食費', 5000);
    w.at('2024-06-01T09:00:00+09:00');
    const built = w.call('createPayout', '2024-06') as { paid: number; held: number; total: number };
    // A: 8,000 + 4,000 honoraria + 30,000 grant = 42,000 in one transfer; B held (no documents), grant too.
    expect(built).toMatchObject({ paid: 1, held: 1, total: 42000 });
    const file = w.rt.drive.files().find((f) => f.name === '総合振込_2024-06.txt');
    expect(dataRecords(file?.bytes ?? [])).toEqual([
      { kind: '2', account: '0012345', amount: 42000 },
      { kind: '8', account: '000001', amount: 42000 },
    ]);
    const sheet = w.sheet('支払 2024-06').getDataRange().getValues();
    const lines = sheet.filter((r) => r[0] === a || r[0] === b).map((r) => [r[0], r[2], r[3], r[4], r[6], String(r[7]).split(' / ')[0]]);
    const claimsA = w.rows('申請').filter((r) => r.伴走ネットID === a && r.判定 === '承認').map((r) => r.申請ID).sort().join(', ');
    expect(lines).toEqual([
      [a, 2, claimsA, 12000, '支払予定', ''],
      [a, 1, grantA, 30000, '支払予定', '緊急支援費（源泉徴収なし）'],
      [b, 1, w.rows('申請')[2].申請ID, 8000, '保留', expect.stringContaining('覚書')],
      [b, 1, grantB, 5000, '保留', '緊急支援費（源泉徴収なし）'],
    ]);
    const kv = (k: string) => sheet.find((r) => r[0] === k)?.[1];
    expect([kv('支払合計（円）'), kv('緊急支援件数'), kv('緊急支援費合計（円）'), kv('振込合計（円）'), kv('保留合計（円）')]).toEqual([12000, 1, 30000, 42000, 13000]);
    expect(w.rows('緊急支援').map((r) => r.支払予定ID)).toEqual(['P-2024-06', '']);

    w.rt.mail.sent.length = 0;
    w.call('markPayoutPaid', '2024-06');
    expect(w.rows('緊急支援').map((r) => [r.判定, r.支払ID, r.支払予定ID])).toEqual([
      ['支払済', 'P-2024-06', ''],
      ['承認', '', ''],
    ]);
    const notice = w.rt.mail.sent.find((m) => m.to === 'taro@example.org');
    expect(notice?.body).toContain('金額: 42,000円');
    expect(notice?.body).toContain(`緊急支援費: 30,000円（${grantA}`);
    expect(w.rt.mail.sent.find((m) => m.to === 'wait@example.org')?.body).toContain(grantB);
    // a paid grant's 判定 cannot be changed
    setCell(w, '緊急支援', 2, '判定', '却下');
    expect(w.rows('緊急支援')[0].判定).toBe('支払済');
    // closing the month twice, building it again: refused
    expect(() => w.call('markPayoutPaid', '2024-06')).toThrow(/支払済/);
    expect(() => w.call('createPayout', '2024-06')).toThrow(/確定/);
    // next month: A's grant is not paid again; B's held grant goes out once B's documents are in
    setDocs(w, b, '2023-08-01');
    w.at('2024-07-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-07')).toMatchObject({ paid: 1, total: 13000 });
    const july = w.rt.drive.files().find((f) => f.name === '総合振込_2024-07.txt');
    expect(dataRecords(july?.bytes ?? [])).toEqual([
      { kind: '2', account: '0054321', amount: 13000 },
      { kind: '8', account: '000001', amount: 13000 },
    ]);
  });

  test('an approved grant whose 金額 is empty or not whole yen is named on the payout sheet, not silently left out', () => {
    const { w } = scenario();
    for (const row of [2, 3]) setCell(w, '申請', row, '判定', '承認', 'reviewer@smj.example');
    const grant = recordFromRow(w, 2).created[0];
    setCell(w, '緊急支援', 2, '用途', '家賃');
    setCell(w, '緊急支援', 2, '判定', '承認'); // approved before the amount is typed
    w.at('2024-06-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-06')).toMatchObject({ paid: 1, total: 12000 });
    const sheet = () => w.sheet('支払 2024-06').getDataRange().getValues();
    const named = sheet().find((r) => String(r[0]).startsWith('支払えない緊急支援'));
    expect(String(named?.[1])).toContain(grant);
    setCell(w, '緊急支援', 2, '金額', 30000);
    expect(w.call('createPayout', '2024-06')).toMatchObject({ paid: 1, total: 42000 });
    expect(sheet().some((r) => String(r[0]).startsWith('支払えない緊急支援'))).toBe(false);
  });

  test('the 照合コード covers grants; a grant approved after the build waits; withholding never taxes a grant', () => {
    const { w } = scenario();
    for (const row of [2, 3]) setCell(w, '申請', row, '判定', '承認', 'reviewer@smj.example');
    recordFromRow(w, 2);
    decideGrant(w, 2, '家賃', 30000);
    w.at('2024-06-01T09:00:00+09:00');
    w.call('createPayout', '2024-06');
    // the grant's amount changed after the build: closing refuses
    setCell(w, '緊急支援', 2, '金額', 31000);
    expect(() => w.call('markPayoutPaid', '2024-06')).toThrow(/一致しません/);
    // rebuilt with withholding: 12,000 honoraria − 1,225 tax (10.21%, rounded down) + 31,000 grant
    w.setSetting('源泉徴収', 'する');
    w.call('createPayout', '2024-06');
    const file = w.rt.drive.files().find((f) => f.name === '総合振込_2024-06.txt');
    expect(dataRecords(file?.bytes ?? [])[0].amount).toBe(12000 - 1225 + 31000);
    // a second grant approved after the build is not paid by this closing, and waits for July
    recordFromRow(w, 3);
    decideGrant(w, 3, '交通費', 2000);
    w.call('markPayoutPaid', '2024-06');
    expect(w.rows('緊急支援').map((r) => [r.判定, r.支払ID])).toEqual([
      ['支払済', 'P-2024-06'],
      ['承認', ''],
    ]);
    w.at('2024-07-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-07')).toMatchObject({ paid: 1, total: 2000 });
  });

  test('a returned transfer undoes the grant with the honoraria; paid again once, after 口座 is checked', () => {
    const { w, a } = scenario();
    for (const row of [2, 3]) setCell(w, '申請', row, '判定', '承認', 'reviewer@smj.example');
    const grant = recordFromRow(w, 2).created[0];
    decideGrant(w, 2, '家賃', 30000);
    w.at('2024-06-01T09:00:00+09:00');
    w.call('createPayout', '2024-06');
    w.call('markPayoutPaid', '2024-06');
    w.at('2024-06-12T09:00:00+09:00');
    const r = w.call('recordReturnedTransfer', '2024-06', a, '名義相違') as { kind: string; claimIds: string[]; amount: number };
    expect(r).toMatchObject({ kind: 'recorded', amount: 42000 });
    expect(r.claimIds).toContain(grant);
    expect(w.rows('緊急支援')[0]).toMatchObject({ 判定: '承認', 支払ID: '', 支払予定ID: '' });
    // July: held while 口座 says 要確認 (grant too), then paid once in one transfer of 42,000
    w.at('2024-07-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-07')).toMatchObject({ paid: 0, held: 1 });
    const acc = w.sheet('口座');
    acc.getRange(2, header(w, '口座').indexOf('状態') + 1).setValue('');
    expect(w.call('createPayout', '2024-07')).toMatchObject({ paid: 1, total: 42000 });
    const file = w.rt.drive.files().find((f) => f.name === '総合振込_2024-07.txt');
    expect(dataRecords(file?.bytes ?? [])[0]).toEqual({ kind: '2', account: '0012345', amount: 42000 });
    w.call('markPayoutPaid', '2024-07');
    expect(w.rows('緊急支援')[0]).toMatchObject({ 判定: '支払済', 支払ID: 'P-2024-07' });
  });

  test('緊急支援予算上限 is reported once when reached; 集計 reports grants by 用途', () => {
    const { w } = scenario();
    w.setSetting('緊急支援予算上限', '50,000');
    for (const row of [2, 3]) setCell(w, '申請', row, '判定', '承認', 'reviewer@smj.example');
    const budgetMails = () => w.rt.mail.sent.filter((m) => m.subject.includes('緊急支援費が予算上限'));
    recordFromRow(w, 2);
    decideGrant(w, 2, '家賃', 30000);
    recordFromRow(w, 3);
    decideGrant(w, 3, '家賃', 19999); // 49,999: one yen below the cap
    expect(budgetMails()).toHaveLength(0);
    recordFromRow(w, 2);
    decideGrant(w, 4, '家賃', 1); // 50,000: reached
    expect(budgetMails()).toHaveLength(1);
    expect(budgetMails()[0].body).toContain('50,000円');
    setCell(w, '緊急支援', 4, '審査メモ', '確認済み'); // another edit: not reported again
    expect(budgetMails()).toHaveLength(1);
    recordFromRow(w, 3);
    decideGrant(w, 5, '医療費', 7000, '却下'); // rejected: neither counted nor reported
    expect(budgetMails()).toHaveLength(1);
    w.call('createReport', '2024-05');
    const report = w.sheet('集計 2024-05').getDataRange().getValues();
    const at = report.findIndex((r) => String(r[0]).startsWith('緊急支援費'));
    expect(report.slice(at, at + 3).map((r) => r.slice(0, 3))).toEqual([
      ['緊急支援費（記録がこの月のもの。承認・支払済）', '件数', '金額（円）'],
      ['家賃', 3, 50000],
      ['合計', 3, 50000],
    ]);
  });
});

describe('緊急支援 grows', () => {
  test('grant rows added past the formatted ones get the 判定 and 用途 dropdowns and the 金額 rule too', () => {
    const { w } = scenario();
    const s = w.sheet('緊急支援');
    s.deleteRows(3, s.getMaxRows() - 2); // a small grid: the second grant needs a new row
    expect(s.getMaxRows()).toBe(2);
    expect(recordFromRow(w, 2).created).toHaveLength(1);
    expect(recordFromRow(w, 4).created).toHaveLength(1);
    expect(w.rows('緊急支援')).toHaveLength(2);
    const h = header(w, '緊急支援');
    const rule = (col: string) => s.getRange(3, h.indexOf(col) + 1).getDataValidation();
    expect(rule('判定')?.getCriteriaValues()[0]).toEqual(['審査待ち', '承認', '却下', '支払済']);
    expect(rule('用途')?.getCriteriaValues()[0]).toEqual(['家賃', '食費', '医療費', '交通費', '通信費', '公的手続き費用', 'その他']);
    // typed into the new row, a value outside the list and a negative amount are refused as on row 2
    expect(() => setCell(w, '緊急支援', 3, '判定', 'たぶん')).toThrow(/validation/);
    expect(() => setCell(w, '緊急支援', 3, '金額', -5)).toThrow(/validation/);
  });
});
