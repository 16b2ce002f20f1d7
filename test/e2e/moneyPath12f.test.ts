/**
 * Sceptical review of the money path (helper 12f): the 全銀 file checked byte by byte with a decoder
 * written here from /work/shared/ZENGIN.md (never the product's parser), against the payout sheet.
 */
import { approveAll, setDocs } from './staff';
import { makeWorld, type World } from './world';

/** JIS X 0201 bytes → text: 0x20–0x7E ASCII, 0xA1–0xDF half-width katakana (U+FF61–U+FF9F); anything else throws. */
function decode(bytes: number[]): string {
  return bytes
    .map((raw) => {
      const b = (raw + 256) % 256;
      if (b >= 0x20 && b <= 0x7e) return String.fromCharCode(b);
      if (b >= 0xa1 && b <= 0xdf) return String.fromCharCode(0xff61 + (b - 0xa1));
      throw new Error(`byte 0x${b.toString(16)} is not JIS X 0201`);
    })
    .join('');
}

/** Splits on CR LF only, checking that every record is 120 bytes and ends with CR LF. */
function records(bytes: number[]): string[] {
  const out: string[] = [];
  const u = bytes.map((b) => (b + 256) % 256);
  expect(u.length % 122).toBe(0);
  for (let i = 0; i < u.length; i += 122) {
    expect([u[i + 120], u[i + 121]]).toEqual([0x0d, 0x0a]);
    out.push(decode(u.slice(i, i + 120)));
  }
  return out;
}

const sp = (n: number) => ' '.repeat(n);
const text = (s: string, n: number) => s + sp(n - s.length);

function fileOf(w: World, month: string): number[] {
  // drive.files() lists files not in the trash: exactly one current file.
  const live = w.rt.drive.files().filter((f) => f.name === `総合振込_${month}.txt`);
  expect(live).toHaveLength(1);
  return live[0].bytes;
}

function sheetRows(w: World, month: string) {
  const values = w.ss.getSheetByName(`支払 ${month}`)?.getDataRange().getValues() ?? [];
  const header = values[0].map(String);
  const end = values.findIndex((r, i) => i > 0 && r.every((c) => c === ''));
  return values.slice(1, end).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('全銀 file, independently decoded (helper 12f)', () => {
  function world() {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    w.setSetting('源泉徴収', 'する');
    const a = w.supporter({ name: 'ヴィクトリア ショー', email: 'a@example.org' });
    const b = w.supporter({ name: 'Nguyen Van An', email: 'b@example.org' });
    const c = w.supporter({ name: '山田 花子', email: 'c@example.org' });
    const d = w.supporter({ name: '長い 名前', email: 'd@example.org' });
    for (const id of [a, b, c, d]) setDocs(w, id, '2023-08-01');
    const acc = w.sheet('口座');
    // Codes that lost their zeros, 当座; full-width name with ヴ, small ィ, full-width space and ー.
    acc.appendRow([a, '5', '1', '当座', '123', 'ヴィクトリア　ショー']);
    // Lower-case Latin, 貯蓄, full-width parentheses.
    acc.appendRow([b, '0009', '120', '貯蓄', '7654321', 'nguyen van an（ｶ）']);
    // Kanji in 口座名義: cannot be written, held with the reason.
    acc.appendRow([c, '0001', '001', '普通', '1111111', '山田 花子']);
    // 29 ｱ then ｶﾞ: byte 30 would split ｶ from ﾞ.
    acc.appendRow([d, '0001', '002', '普通', '2222222', `${'ｱ'.repeat(29)}ｶﾞ`]);
    w.claim({ id: a, email: 'a@example.org', date: '2024-05-01', hours: '2' }); // 8,000
    w.claim({ id: a, email: 'a@example.org', date: '2024-05-02', hours: '1.5' }); // 4,000
    w.claim({ id: b, email: 'b@example.org', date: '2024-05-03', hours: '2' }); // 8,000
    w.claim({ id: c, email: 'c@example.org', date: '2024-05-04', hours: '2' }); // 8,000
    w.claim({ id: d, email: 'd@example.org', date: '2024-05-05', hours: '1' }); // 4,000
    approveAll(w);
    return { w, a, b, c, d };
  }

  test('every field at its position; tax 10.21% cut to the yen per supporter; payday Sat 2024-08-10 → 0809', () => {
    const { w, a, b, c, d } = world();
    const r = w.call('createPayout', '2024-08') as { paid: number; held: number; total: number; payday: string };
    // a: 12,000 − floor(1,225.2) = 10,775; b: 8,000 − floor(816.8) = 7,184; d: 4,000 − floor(408.4) = 3,592.
    expect(r).toMatchObject({ paid: 3, held: 1, total: 10775 + 7184 + 3592, payday: '2024-08-09' });
    const recs = records(fileOf(w, '2024-08'));
    expect(recs).toHaveLength(6);
    expect(recs[0]).toBe(`1210${'1234567890'}${text('ｲｼﾞﾕｳﾚﾝ', 40)}0809${'0009'}${sp(15)}100${sp(15)}1${'7654321'}${sp(17)}`);
    const data = (bank: string, branch: string, type: string, num: string, name: string, amount: number) =>
      `2${bank}${sp(15)}${branch}${sp(15)}0000${type}${num}${text(name, 30)}${String(amount).padStart(10, '0')}0${'0'.repeat(20)}7 ${sp(7)}`;
    expect(recs[1]).toBe(data('0005', '001', '2', '0000123', 'ｳﾞｲｸﾄﾘｱ ｼﾖ-', 10775));
    expect(recs[2]).toBe(data('0009', '120', '4', '7654321', 'NGUYEN VAN AN(ｶ)', 7184));
    expect(recs[3]).toBe(data('0001', '002', '1', '2222222', 'ｱ'.repeat(29), 3592));
    expect(recs[4]).toBe(`8${'000003'}${String(10775 + 7184 + 3592).padStart(12, '0')}${sp(101)}`);
    expect(recs[5]).toBe(`9${sp(119)}`);
    const rows = sheetRows(w, '2024-08');
    const byId = new Map(rows.map((x) => [String(x['伴走ネットID']), x]));
    expect(byId.get(a)).toMatchObject({ 金額: 12000, 源泉徴収税: 1225, 振込額: 10775, 状態: '支払予定' });
    expect(byId.get(b)).toMatchObject({ 金額: 8000, 源泉徴収税: 816, 振込額: 7184 });
    expect(byId.get(d)).toMatchObject({ 金額: 4000, 源泉徴収税: 408, 振込額: 3592 });
    expect(byId.get(c)).toMatchObject({ 状態: '保留' });
    expect(String(byId.get(c)?.['理由'])).toContain('口座名義に使えない文字');
  });

  test('a rebuild after the held account is corrected: file and sheet agree, closing pays exactly them once', () => {
    const { w, c } = world();
    w.call('createPayout', '2024-08');
    const acc = w.sheet('口座');
    const values = acc.getDataRange().getValues();
    const row = values.findIndex((x) => x[0] === c) + 1;
    acc.getRange(row, values[0].indexOf('口座名義（カナ）') + 1).setValue('ヤマダ　ハナコ');
    w.call('createPayout', '2024-08');
    const recs = records(fileOf(w, '2024-08'));
    expect(recs).toHaveLength(7);
    expect(recs[3].slice(50, 80)).toBe(text('ﾔﾏﾀﾞ ﾊﾅｺ', 30));
    const sheet = sheetRows(w, '2024-08');
    const fileSum = recs.slice(1, 5).reduce((n, s) => n + Number(s.slice(80, 90)), 0);
    const sheetSum = sheet.reduce((n, x) => n + Number(x['振込額']), 0);
    expect(fileSum).toBe(10775 + 7184 + 7184 + 3592);
    expect(sheetSum).toBe(fileSum);
    expect(Number(recs[5].slice(7, 19))).toBe(fileSum);
    w.call('markPayoutPaid', '2024-08');
    // Nothing left to pay in September: every claim carries P-2024-08.
    const paid = w.sheet('申請').getDataRange().getValues();
    const col = paid[0].indexOf('支払ID');
    expect(paid.slice(1).map((x) => x[col])).toEqual(Array(5).fill('P-2024-08'));
    const sept = w.call('createPayout', '2024-09') as { paid: number; total: number };
    expect(sept).toMatchObject({ paid: 0, total: 0 });
  });
});

/** One supporter with documents and a valid account, ready to be paid. */
function onePayable() {
  const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
  const a = w.supporter({ name: '山田 太郎', email: 'a@example.org' });
  setDocs(w, a, '2023-08-01');
  w.sheet('口座').appendRow([a, '0005', '001', '普通', '0012345', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
  return { w, a };
}

test('an approved claim whose 金額 is 0 (支援時間 unreadable) is named on the payout sheet, not dropped in silence', () => {
  const { w, a } = onePayable();
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-01', hours: '2' }); // 8,000
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-02', hours: '25時間' }); // HOURS_INVALID: 金額 0
  approveAll(w); // the reviewer approves both (perhaps after a phone call about the hours)
  const claims = w.sheet('申請').getDataRange().getValues();
  const zero = String(claims.find((r) => r[claims[0].indexOf('金額')] === 0)?.[0]);
  expect(zero).toMatch(/^C-/);
  const r = w.call('createPayout', '2024-06') as { paid: number; claims: number; total: number };
  expect(r).toMatchObject({ paid: 1, claims: 1, total: 8000 });
  const values = w.ss.getSheetByName('支払 2024-06')?.getDataRange().getValues() ?? [];
  const line = values.find((x) => String(x[0]).startsWith('支払えない申請'));
  expect(line).toBeDefined();
  expect(String(line?.[1])).toContain(zero);
});

test('a 申請 row duplicated by hand (same 申請ID twice) is held with the reason, never paid twice', () => {
  const { w, a } = onePayable();
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-01', hours: '2' }); // 8,000
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-02', hours: '1' }); // 4,000
  approveAll(w);
  // A colleague copies the 4,000 row below the table (the protection only warns).
  const s = w.sheet('申請');
  const values = s.getDataRange().getValues();
  const dup = values[2];
  s.getRange(values.length + 1, 1, 1, dup.length).setValues([dup]);
  const r = w.call('createPayout', '2024-06') as { paid: number; held: number; total: number };
  expect(r).toMatchObject({ paid: 1, held: 1, total: 8000 });
  const sheet = sheetRows(w, '2024-06');
  const held = sheet.find((x) => x['状態'] === '保留');
  expect(held).toMatchObject({ 申請ID: String(dup[0]), 件数: 1, 金額: 4000 });
  expect(String(held?.['理由'])).toContain('同じ申請ID');
  const recs = records(fileOf(w, '2024-06'));
  expect(Number(recs[2].slice(7, 19))).toBe(8000);
  w.call('markPayoutPaid', '2024-06');
  const after = s.getDataRange().getValues();
  const pid = after[0].indexOf('支払ID');
  // The 8,000 claim is paid; neither copy of the duplicated claim is.
  expect(after.slice(1).map((x) => x[pid])).toEqual(['P-2024-06', '', '']);
});

test('a 申請 row duplicated after the sheet was built: 支払済にする refuses, nothing is paid', () => {
  const { w, a } = onePayable();
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-01', hours: '2' });
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-02', hours: '1' });
  approveAll(w);
  expect(w.call('createPayout', '2024-06')).toMatchObject({ paid: 1, total: 12000 });
  const s = w.sheet('申請');
  const values = s.getDataRange().getValues();
  s.getRange(values.length + 1, 1, 1, values[1].length).setValues([values[1]]);
  expect(() => w.call('markPayoutPaid', '2024-06')).toThrow(/一致しません/);
  const pid = values[0].indexOf('支払ID');
  expect(s.getDataRange().getValues().slice(1).map((x) => x[pid])).toEqual(['', '', '']);
});

test('an approved claim whose 受付日時 is text (a pasted row) is named on the payout sheet, not dropped in silence', () => {
  const { w, a } = onePayable();
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-01', hours: '2' }); // 8,000
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-02', hours: '1' }); // 4,000
  approveAll(w);
  const s = w.sheet('申請');
  const values = s.getDataRange().getValues();
  const cell = s.getRange(3, values[0].indexOf('受付日時') + 1);
  cell.setNumberFormat('@').setValue('2024/05/02 10:00');
  expect(typeof cell.getValue()).toBe('string');
  const r = w.call('createPayout', '2024-06') as { paid: number; total: number };
  expect(r).toMatchObject({ paid: 1, total: 8000 });
  const sheet = w.ss.getSheetByName('支払 2024-06')?.getDataRange().getValues() ?? [];
  const line = sheet.find((x) => String(x[0]).startsWith('支払えない申請'));
  expect(String(line?.[1])).toContain(String(values[2][0]));
});

test('年間支払 counts a paid claim once even when its row was copied after payment', () => {
  const { w, a } = onePayable();
  w.claim({ id: a, email: 'a@example.org', date: '2024-05-01', hours: '2' }); // 8,000
  approveAll(w);
  w.call('createPayout', '2024-06');
  w.call('markPayoutPaid', '2024-06');
  const s = w.sheet('申請');
  const values = s.getDataRange().getValues();
  s.getRange(values.length + 1, 1, 1, values[1].length).setValues([values[1]]);
  const r = w.call('createAnnualStatement', 2024) as { supporters: number; total: number };
  expect(r).toMatchObject({ supporters: 1, total: 8000 });
  const rows = w.ss.getSheetByName('年間支払 2024')?.getDataRange().getValues() ?? [];
  expect(rows[1].slice(0, 4)).toEqual([a, '山田 太郎', 1, 8000]);
});
