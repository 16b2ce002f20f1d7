/**
 * After the transfer (issue 11) on the built bundle: ゆうちょ 記号・番号 in the transfer file, a returned
 * transfer (振込不能) paid once after the account is corrected, and the yearly totals (年間支払 YYYY).
 *
 * The transfer file is read by an independent decoder written here from /work/shared/ZENGIN.md (bytes
 * sliced by position; JIS X 0201 half-width kana are 0xA1–0xDF), not by src/domain/zengin.ts.
 */
import { approveAll, setDocs } from './staff';
import { makeWorld, type World } from './world';

// ---------------------------------------------------------------- an independent 全銀 decoder
/** One Shift_JIS byte of the JIS X 0201 set → its character (ASCII, or half-width katakana U+FF61–U+FF9F). */
function jisX0201(b: number): string {
  const u = (b + 256) % 256;
  if (u >= 0x20 && u <= 0x7e) return String.fromCharCode(u);
  if (u >= 0xa1 && u <= 0xdf) return String.fromCharCode(0xff61 + (u - 0xa1));
  throw new Error(`byte 0x${u.toString(16)} is not a single-byte JIS X 0201 character`);
}

/** Splits on CR LF, checks 120 bytes a record, decodes each record. */
function records(bytes: number[]): string[] {
  const u = bytes.map((b) => (b + 256) % 256);
  const out: string[] = [];
  for (let at = 0; at < u.length; at += 122) {
    expect(u[at + 120]).toBe(0x0d);
    expect(u[at + 121]).toBe(0x0a);
    out.push(u.slice(at, at + 120).map(jisX0201).join(''));
  }
  return out;
}

/** ZENGIN.md, data record (データ区分 2): 1-based positions. */
function dataFields(r: string) {
  const at = (from: number, to: number) => r.slice(from - 1, to);
  return {
    kind: at(1, 1), bank: at(2, 5), bankName: at(6, 20), branch: at(21, 23), branchName: at(24, 38), clearing: at(39, 42),
    type: at(43, 43), number: at(44, 50), payee: at(51, 80), amount: at(81, 90), newCode: at(91, 91), code1: at(92, 101),
    code2: at(102, 111), transferKind: at(112, 112), edi: at(113, 113), dummy: at(114, 120),
  };
}

function transferFile(w: World, month: string): string[] {
  const files = w.rt.drive.files().filter((f) => f.name === `総合振込_${month}.txt`);
  expect(files).toHaveLength(1);
  return records(files[0].bytes);
}

// ---------------------------------------------------------------- the world
/** Staff type a 口座 row by header (columns they leave out stay empty). */
function addAccount(w: World, row: Record<string, string>) {
  const s = w.sheet('口座');
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  s.appendRow(header.map((h) => row[h] ?? ''));
}

/** Staff set one cell of a 口座 row (sheet row r) by header: 状態 cleared, a corrected 番号 … */
function setAccountCell(w: World, r: number, header: string, value: string) {
  const acc = w.sheet('口座');
  const h = acc.getRange(1, 1, 1, acc.getLastColumn()).getValues()[0];
  acc.getRange(r, h.indexOf(header) + 1).setValue(value);
}

function values(w: World, name: string) {
  const s = w.ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s.getDataRange().getValues();
}

/**
 * May 2024: 山田 (bank 0005) claims 2h + 1.5h = 12,000円; Jane (English, ゆうちょ by 記号・番号) 3h = 8,000円;
 * Lan (Vietnamese, bank 0009) 2h = 8,000円. All approved; June's payout pays all three.
 */
function scenario() {
  const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
  const a = w.supporter({ name: '山田 太郎', email: 'taro@example.org' });
  const b = w.supporter({ name: 'Jane Doe', email: 'jane@example.org', language: 'English' });
  const c = w.supporter({ name: 'Nguyen Lan', email: 'lan@example.org', language: 'Tiếng Việt' });
  for (const id of [a, b, c]) setDocs(w, id, '2023-08-01');
  addAccount(w, { 伴走ネットID: a, 金融機関コード: '0005', 支店コード: '001', 預金種目: '普通', 口座番号: '0012345', '口座名義（カナ）': 'ﾔﾏﾀﾞ ﾀﾛｳ' });
  addAccount(w, { 伴走ネットID: b, 記号: '12345', 番号: '12345671', '口座名義（カナ）': 'ドウ ジェーン' });
  addAccount(w, { 伴走ネットID: c, 金融機関コード: '0009', 支店コード: '123', 預金種目: '普通', 口座番号: '7654321', '口座名義（カナ）': 'ｸﾞｴﾝ ﾗﾝ' });
  w.claim({ id: a, email: 'taro@example.org', date: '2024-05-01', hours: '2' });
  w.claim({ id: a, email: 'taro@example.org', date: '2024-05-02', hours: '1.5' });
  w.claim({ id: b, email: 'jane@example.org', date: '2024-05-03', hours: '3' });
  w.claim({ id: c, email: 'lan@example.org', date: '2024-05-04', hours: '2' });
  approveAll(w);
  w.at('2024-06-03T09:00:00+09:00');
  w.rt.mail.sent.length = 0;
  return { w, a, b, c };
}

describe('ゆうちょ銀行 記号・番号 in the transfer file', () => {
  test('記号 12345 / 番号 12345671 is paid to 9900, 店番 238, 普通, 1234567 (hand-decoded record)', () => {
    const { w, b } = scenario();
    w.call('createPayout', '2024-06');
    const recs = transferFile(w, '2024-06');
    expect(recs).toHaveLength(6); // header, 3 data, trailer, end
    const jane = recs.map(dataFields).find((d) => d.kind === '2' && d.payee.startsWith('ﾄﾞｳ'));
    // Worked by hand from the bank's rule: 記号 1|23|45 → 23 + 8 = 店番 238; 番号 1234567|1 → 1234567.
    expect(jane).toEqual({
      kind: '2', bank: '9900', bankName: ' '.repeat(15), branch: '238', branchName: ' '.repeat(15), clearing: '0000',
      type: '1', number: '1234567', payee: 'ﾄﾞｳ ｼﾞｴ-ﾝ'.padEnd(30, ' '), amount: '0000008000', newCode: '0', code1: '0000000000',
      code2: '0000000000', transferKind: '7', edi: ' ', dummy: ' '.repeat(7),
    });
    // The trailer agrees: 3 payments, 28,000 yen.
    expect(recs[4]).toBe(`8${'000003'}${'000000028000'}${' '.repeat(101)}`);
    // The sheet shows the converted account, masked; the 記号・番号 are nowhere on it.
    const row = values(w, '支払 2024-06').find((r) => r[0] === b) ?? [];
    expect(row[5]).toBe('9900-238 普通 ****567 ﾄﾞｳ ｼﾞｴ-ﾝ');
    expect(JSON.stringify(values(w, '支払 2024-06'))).not.toMatch(/12345671|1234567[^"]/);
  });

  test('a 記号・番号 that cannot be converted holds the supporter with the reason', () => {
    const { w, b } = scenario();
    setAccountCell(w, 3, '番号', '12345678'); // does not end in 1
    w.call('createPayout', '2024-06');
    const row = values(w, '支払 2024-06').find((r) => r[0] === b) ?? [];
    expect(row[6]).toBe('保留');
    expect(row[7]).toBe('口座: ゆうちょ銀行（記号が1で始まる口座）の番号は末尾が1です。記号・番号を通帳で確認してください');
    expect(transferFile(w, '2024-06')).toHaveLength(5);
  });

  test('a 口座 sheet made before 記号/番号/状態 existed still pays; setup adds the columns', () => {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    const acc = w.sheet('口座');
    const header = acc.getRange(1, 1, 1, acc.getLastColumn()).getValues()[0].map(String);
    expect(header).toEqual(['伴走ネットID', '金融機関コード', '支店コード', '預金種目', '口座番号', '口座名義（カナ）', '記号', '番号', '状態']);
    acc.deleteColumns(7, 3);
    const a = w.supporter({ email: 'old@example.org' });
    setDocs(w, a, '2023-08-01');
    acc.appendRow([a, '0005', '001', '普通', '0012345', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
    w.claim({ id: a, email: 'old@example.org', date: '2024-05-01', hours: '2' });
    approveAll(w);
    expect(w.call('createPayout', '2024-06')).toMatchObject({ paid: 1, total: 8000 });
    w.call('setup');
    expect(acc.getRange(1, 1, 1, acc.getLastColumn()).getValues()[0].slice(6)).toEqual(['記号', '番号', '状態']);
    // 記号 / 番号 are plain text, so 00160 keeps its zeros; 状態 is not.
    expect([7, 8, 9].map((c) => acc.getRange(2, c).getNumberFormat())).toEqual(['@', '@', expect.not.stringMatching(/^@$/)]);
  });
});

describe('recordReturnedTransfer (振込不能)', () => {
  function paidJune() {
    const s = scenario();
    s.w.call('createPayout', '2024-06');
    s.w.call('markPayoutPaid', '2024-06');
    s.w.at('2024-06-12T10:00:00+09:00');
    s.w.rt.mail.sent.length = 0;
    return s;
  }

  test('the claims go back to 承認, the account to 要確認, the paid sheet gets the note and nothing else', () => {
    const { w, a, b } = paidJune();
    const juneBefore = values(w, '支払 2024-06');
    const claimsBefore = w.rows('申請');
    const logBefore = w.rows('ログ').length;

    const r = w.call('recordReturnedTransfer', '2024-06', b, '名義相違') as { kind: string; claimIds: string[]; amount: number };
    expect(r).toMatchObject({ kind: 'recorded', amount: 8000 });

    // 申請: only Jane's claim changed, and only 判定 / 支払ID.
    const claims = w.rows('申請');
    const jane = claims.filter((x) => x.伴走ネットID === b);
    expect(jane.map((x) => [x.判定, x.支払ID, x.支払予定ID])).toEqual([['承認', '', '']]);
    expect(r.claimIds).toEqual(jane.map((x) => x.申請ID));
    expect(claims.filter((x) => x.伴走ネットID !== b)).toEqual(claimsBefore.filter((x) => x.伴走ネットID !== b));
    expect(claims.filter((x) => x.伴走ネットID === a).every((x) => x.判定 === '支払済' && x.支払ID === 'P-2024-06')).toBe(true);

    // 口座: Jane's row is 要確認 with month, reason and date.
    expect(w.rows('口座').find((x) => x.伴走ネットID === b)?.状態).toBe('要確認: 2024-06 振込不能（名義相違）2024-06-12');
    expect(w.rows('口座').find((x) => x.伴走ネットID === a)?.状態).toBe('');

    // 支払 2024-06: Jane's 状態 and 理由 only.
    const juneAfter = values(w, '支払 2024-06');
    const i = juneAfter.findIndex((x) => x[0] === b);
    const header = juneAfter[0];
    expect(juneAfter[i][header.indexOf('状態')]).toBe('振込不能');
    expect(juneAfter[i][header.indexOf('理由')]).toBe('振込不能（名義相違、2024-06-12 記録）: 申請 1件を承認に戻しました。口座の確認後、次の支払で支払います');
    const masked = (v: unknown[][]) => v.map((row, k) => row.map((c, j) => (k === i && (j === header.indexOf('状態') || j === header.indexOf('理由')) ? '*' : c)));
    expect(masked(juneAfter)).toEqual(masked(juneBefore));

    // ログ keeps it.
    const log = w.rows('ログ').slice(logBefore);
    expect(log.some((l) => l.対象 === 'P-2024-06' && String(l.内容).startsWith(`振込不能を記録: ${b} 1件 8000円（理由: 名義相違）`))).toBe(true);

    // Jane hears it in English, with Reply-To the office, and what to send.
    expect(w.rt.mail.sent).toHaveLength(1);
    const mail = w.rt.mail.sent[0];
    expect(mail).toMatchObject({ to: 'jane@example.org', replyTo: 'office@smj.example' });
    expect(mail.subject).toBe('[Bansou Net] We could not transfer your honorarium (June 2024)');
    expect(mail.body).toContain('The honorarium of 8,000 yen that we transferred on 10 June 2024 was returned to us by the bank (the bank\'s reason: 名義相違).');
    expect(mail.body).toContain('account holder name');
    expect(mail.body).not.toContain('1234567');
  });

  test('Vietnamese and Japanese supporters are told in their language', () => {
    const { w, a, c } = paidJune();
    w.call('recordReturnedTransfer', '2024-06', c, '口座なし');
    w.call('recordReturnedTransfer', '2024-06', a, '口座なし');
    const [vi, ja] = w.rt.mail.sent;
    expect(vi.to).toBe('lan@example.org');
    expect(vi.subject).toBe('[Bansou Net] Chúng tôi không thể chuyển tiền thù lao (tháng 6/2024)');
    expect(vi.body).toContain('chúng tôi chuyển vào ngày 10/06/2024 đã bị ngân hàng trả lại (lý do của ngân hàng: 口座なし)');
    expect(ja.to).toBe('taro@example.org');
    expect(ja.subject).toBe('【伴走ネット】謝金をお振込みできませんでした（2024年6月）');
    expect(ja.body).toContain('2024年6月10日 にお振込みした謝金 12,000円 が、銀行から返却されました（銀行からの理由: 口座なし）。');
    for (const m of [vi, ja]) expect(m.replyTo).toBe('office@smj.example');
  });

  test('a colleague the paid sheet refuses (protected) still records the return; ログ says where the note is', () => {
    const { w, b } = paidJune();
    const before = values(w, '支払 2024-06');
    const r = w.rt.invoke('recordReturnedTransfer', ['2024-06', b, '名義相違'], { user: 'colleague@smj.example' }) as { kind: string; sheetNoted: boolean; message: string };
    expect(r).toMatchObject({ kind: 'recorded', sheetNoted: false });
    expect(r.message).toContain('支払シートには書き込めませんでした');
    expect(values(w, '支払 2024-06')).toEqual(before);
    expect(w.rows('申請').filter((x) => x.伴走ネットID === b).map((x) => [x.判定, x.支払ID])).toEqual([['承認', '']]);
    expect(String(w.rows('口座').find((x) => x.伴走ネットID === b)?.状態)).toMatch(/^要確認/);
    const log = w.rows('ログ').map((l) => String(l.内容));
    expect(log.some((l) => l.startsWith('支払シート「支払 2024-06」に振込不能を書き込めませんでした（シートの保護') && l.includes('You are trying to edit a protected cell'))).toBe(true);
    expect(log.some((l) => l.startsWith(`振込不能を記録: ${b}`))).toBe(true);
  });

  test('recording the same return twice changes nothing', () => {
    const { w, b } = paidJune();
    w.call('recordReturnedTransfer', '2024-06', b, '名義相違');
    const snapshot = ['申請', '口座', '支払 2024-06', 'ログ'].map((n) => values(w, n));
    const mails = w.rt.mail.sent.length;
    const again = w.call('recordReturnedTransfer', '2024-06', b.toLowerCase(), '名義相違') as { kind: string; message: string };
    expect(again.kind).toBe('already');
    expect(again.message).toMatch(/すでに記録されています.*何も変更していません/);
    expect(['申請', '口座', '支払 2024-06', 'ログ'].map((n) => values(w, n))).toEqual(snapshot);
    expect(w.rt.mail.sent).toHaveLength(mails);
  });

  test('refused, with a clear message and no change: not paid that month, month not paid, unreadable ID; no reason asks for one', () => {
    const { w, a, b } = paidJune();
    const snapshot = ['申請', '口座', '支払 2024-06'].map((n) => values(w, n));
    const held = w.supporter({ email: 'held@example.org' });
    const refuse = (...args: unknown[]) => w.call('recordReturnedTransfer', ...args) as { kind: string; message: string };
    expect(refuse('2024-06', held, '口座なし')).toEqual({
      kind: 'refused',
      message: `${held} には 2024-06 に支払った申請がありません（P-2024-06 の支払ID を持つ申請が見つかりません）。月と伴走ネットIDを確認してください`,
    });
    expect(refuse('2024-07', a, '口座なし')).toEqual({ kind: 'refused', message: '2024-07 の支払はまだ支払済になっていません。振込不能は、支払済にした月についてだけ記録できます' });
    expect(refuse('2024-06', 'BN-00001-0', '口座なし').message).toBe('伴走ネットID「BN-00001-0」が読めません（例: BN-00042-7）');
    // No reason given: it is asked for; an empty answer does nothing.
    w.rt.ui.queueResponse({ button: 'OK', text: '  ' });
    expect(refuse('2024-06', b, '  ')).toBeNull();
    expect(['申請', '口座', '支払 2024-06'].map((n) => values(w, n))).toEqual(snapshot);
    expect(w.rt.mail.sent.filter((m) => m.to !== 'held@example.org')).toHaveLength(0);
  });

  test('the next payout holds until 要確認 is cleared, then pays exactly once; June stays closed and untouched', () => {
    const { w, a, b } = paidJune();
    const juneCode = values(w, '支払 2024-06').find((r) => r[0] === '照合コード')?.[1];
    w.call('recordReturnedTransfer', '2024-06', b, '口座なし');
    // July: a new claim of 山田 is paid; Jane is held for 要確認.
    w.claim({ id: a, email: 'taro@example.org', date: '2024-06-05', hours: '2' });
    approveAll(w);
    w.at('2024-07-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-07')).toMatchObject({ paid: 1, held: 1, total: 8000 });
    const july = values(w, '支払 2024-07');
    const janeJuly = july.find((r) => r[0] === b) ?? [];
    expect(janeJuly[6]).toBe('保留');
    expect(janeJuly[7]).toBe('口座: 口座が要確認です（要確認: 2024-06 振込不能（口座なし）2024-06-12）。口座を確認・修正したら、口座シートの状態から「要確認」を消してください');
    expect(july.find((r) => r[0] === '他の未確定の支払に含まれる申請')).toBeUndefined();
    w.call('markPayoutPaid', '2024-07');
    // Staff correct the account (a different 番号) and clear 要確認.
    setAccountCell(w, 3, '番号', '12345681');
    setAccountCell(w, 3, '状態', '');
    w.at('2024-08-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-08')).toMatchObject({ paid: 1, held: 0, total: 8000 });
    const aug = transferFile(w, '2024-08').map(dataFields).filter((d) => d.kind === '2');
    expect(aug.map((d) => [d.bank, d.branch, d.type, d.number, d.amount])).toEqual([['9900', '238', '1', '1234568', '0000008000']]);
    w.call('markPayoutPaid', '2024-08');
    // Every claim paid exactly once: Jane's in August, the others where they were.
    const paid = w.rows('申請').map((x) => [x.伴走ネットID, x.判定, x.支払ID]);
    expect(paid.filter(([id]) => id === b)).toEqual([[b, '支払済', 'P-2024-08']]);
    expect(paid.filter(([, , p]) => p === 'P-2024-06')).toHaveLength(3);
    expect(paid.filter(([, , p]) => p === 'P-2024-07')).toHaveLength(1);
    // June: still closed, its 照合コード unchanged, never rebuilt.
    expect(values(w, '支払 2024-06').find((r) => r[0] === '照合コード')?.[1]).toBe(juneCode);
    expect(() => w.call('createPayout', '2024-06')).toThrow(/確定/);
    expect(() => w.call('markPayoutPaid', '2024-06')).toThrow(/支払済/);
    // September pays nothing of Jane again.
    w.at('2024-09-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-09')).toMatchObject({ paid: 0, total: 0 });
  });

  test('from the menu: asks for the month, the ID and the reason, and shows the result', () => {
    const { w, b } = paidJune();
    w.rt.ui.queueResponse({ button: 'OK', text: '2024-06' });
    w.rt.ui.queueResponse({ button: 'OK', text: b });
    w.rt.ui.queueResponse({ button: 'OK', text: '名義相違' });
    const r = w.call('recordReturnedTransfer') as { kind: string };
    expect(r.kind).toBe('recorded');
    expect(w.rt.ui.prompts.slice(-3)[1]).toContain('伴走ネットID');
    expect(w.rt.ui.alerts[w.rt.ui.alerts.length - 1]).toContain(`${b} の 2024-06 の振込不能を記録しました`);
    // Cancelled at the reason: nothing happens.
    w.rt.ui.queueResponse({ button: 'OK', text: '2024-06' });
    w.rt.ui.queueResponse({ button: 'OK', text: b });
    w.rt.ui.queueResponse({ button: 'CANCEL', text: '' });
    expect(w.call('recordReturnedTransfer')).toBeNull();
  });

  test('the menu has both new items', () => {
    const { w } = scenario();
    w.call('onOpen');
    const items = JSON.stringify(w.rt.ui.menus);
    expect(items).toContain('振込不能を記録');
    expect(items).toContain('recordReturnedTransfer');
    expect(items).toContain('年間支払集計');
    expect(items).toContain('createAnnualStatement');
  });
});

describe('createAnnualStatement (年間支払 YYYY)', () => {
  const HEADERS = ['伴走ネットID', '氏名', '件数', '支払総額', '源泉徴収額', '差引支給額', '5万円超', '緊急支援費'];

  test('counts what was paid by payday in the year, returns where they were paid again; same sheet on rebuild', () => {
    const { w, a, b, c } = scenario();
    w.setSetting('源泉徴収', 'する');
    w.call('createPayout', '2024-06');
    w.call('markPayoutPaid', '2024-06');
    w.at('2024-06-12T10:00:00+09:00');
    w.call('recordReturnedTransfer', '2024-06', b, '口座なし');
    setAccountCell(w, 3, '状態', '');
    // December: Jane's returned claim is paid again (payday 2024-12-10).
    w.at('2024-12-01T09:00:00+09:00');
    w.call('createPayout', '2024-12');
    w.call('markPayoutPaid', '2024-12');
    w.call('createAnnualStatement', 2024);
    const sheet = values(w, '年間支払 2024');
    expect(sheet[0]).toEqual(HEADERS);
    // Hand-worked: 山田 12,000 gross, tax floor(12000 × 0.1021) = 1,225; Jane 8,000 → 816; Lan 8,000 → 816.
    const body = sheet.slice(1, 4);
    expect(body).toEqual(
      [
        [a, '山田 太郎', 2, 12000, 1225, 10775, '', 0],
        [b, 'Jane Doe', 1, 8000, 816, 7184, '', 0],
        [c, 'Nguyen Lan', 1, 8000, 816, 7184, '', 0],
      ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
    );
    expect(sheet[4]).toEqual(['合計', '3人', 4, 28000, 2857, 25143, '0人', 0]);
    const text = JSON.stringify(sheet);
    expect(text).toContain('税理士');
    expect(text).toContain('2024-06（支払日 2024-06-10）、2024-12（支払日 2024-12-10）');
    expect(sheet.flat().some((v) => String(v) === 'マイナンバー')).toBe(false);
    // Rebuilding later gives the same sheet.
    w.at('2025-01-20T09:00:00+09:00');
    w.call('createAnnualStatement', '2024');
    expect(values(w, '年間支払 2024')).toEqual(sheet);
    // 2025 has nothing paid yet.
    w.call('createAnnualStatement', 2025);
    expect(values(w, '年間支払 2025').slice(0, 2)).toEqual([HEADERS, ['合計', '0人', 0, 0, 0, 0, '0人', 0]]);
  });

  test('a return not paid again by year end is not in that year; a payday in January counts for January', () => {
    const { w, b } = scenario();
    w.call('createPayout', '2024-06');
    w.call('markPayoutPaid', '2024-06');
    w.call('recordReturnedTransfer', '2024-06', b, '口座なし');
    setAccountCell(w, 3, '状態', '');
    w.at('2025-01-05T09:00:00+09:00');
    w.call('createPayout', '2025-01');
    w.call('markPayoutPaid', '2025-01');
    w.call('createAnnualStatement', 2024);
    expect(values(w, '年間支払 2024').slice(1).map((r) => r[0])).not.toContain(b);
    w.call('createAnnualStatement', 2025);
    const y25 = values(w, '年間支払 2025');
    expect(y25[1]).toEqual([b, 'Jane Doe', 1, 8000, 0, 8000, '', 0]);
    expect(JSON.stringify(y25)).toContain('2025-01（支払日 2025-01-10）');
  });

  test('5万円超 flags a total above 50,000 yen: 50,000 is not flagged, 50,001 is', () => {
    const { w, a, b } = scenario();
    // Staff corrected amounts before paying (金額 is a cell like any other).
    const s = w.sheet('申請');
    const v = s.getDataRange().getValues();
    const amount = v[0].indexOf('金額') + 1;
    const rowsOf = (id: string) => v.map((r, i) => [r, i + 1] as const).filter(([r]) => r[2] === id).map(([, i]) => i);
    const [a1, a2] = rowsOf(a);
    s.getRange(a1, amount).setValue(25000);
    s.getRange(a2, amount).setValue(25000);
    s.getRange(rowsOf(b)[0], amount).setValue(50001);
    w.call('createPayout', '2024-06');
    w.call('markPayoutPaid', '2024-06');
    w.call('createAnnualStatement', 2024);
    const sheet = values(w, '年間支払 2024');
    const flag = (id: string) => sheet.find((r) => r[0] === id)?.[6];
    expect(sheet.find((r) => r[0] === a)?.[3]).toBe(50000);
    expect(flag(a)).toBe('');
    expect(flag(b)).toBe('はい');
    expect(sheet.find((r) => r[0] === '合計')?.[6]).toBe('1人');
  });

  test('緊急支援費 paid in the year are their own column, outside 件数, 支払総額 and 5万円超', () => {
    const { w, a } = scenario();
    w.call('createPayout', '2024-06');
    w.call('markPayoutPaid', '2024-06');
    // 06-03: a 30,000 yen rent grant for 山田's case (his first claim, 申請 row 2), paid with July's payout.
    w.rt.select(w.sheet('申請'), 'C2');
    w.call('recordEmergencySupport');
    const g = w.sheet('緊急支援');
    const gh = g.getRange(1, 1, 1, g.getLastColumn()).getValues()[0].map(String);
    for (const [h, v] of [['用途', '家賃'], ['金額', 30000], ['判定', '承認']] as const) {
      w.rt.editCell(g, g.getRange(2, gh.indexOf(h) + 1).getA1Notation(), v, { user: 'staff@smj.example' });
    }
    w.at('2024-07-01T09:00:00+09:00');
    expect(w.call('createPayout', '2024-07')).toMatchObject({ paid: 1, total: 30000 });
    w.call('markPayoutPaid', '2024-07');
    w.call('createAnnualStatement', 2024);
    const sheet = values(w, '年間支払 2024');
    expect(sheet.find((r) => r[0] === a)).toEqual([a, '山田 太郎', 2, 12000, 0, 12000, '', 30000]);
    expect(sheet.find((r) => r[0] === '合計')).toEqual(['合計', '3人', 4, 28000, 0, 28000, '0人', 30000]);
    // July's transfer (the grant) comes back: the grant is out of the year until it is paid again.
    w.at('2024-07-12T09:00:00+09:00');
    expect(w.call('recordReturnedTransfer', '2024-07', a, '口座なし')).toMatchObject({ kind: 'recorded', amount: 30000 });
    w.call('createAnnualStatement', 2024);
    expect(values(w, '年間支払 2024').find((r) => r[0] === a)).toEqual([a, '山田 太郎', 2, 12000, 0, 12000, '', 0]);
  });

  test('from the menu: asks for the year (default: this year)', () => {
    const { w } = scenario();
    w.call('createPayout', '2024-06');
    w.call('markPayoutPaid', '2024-06');
    w.rt.ui.queueResponse({ button: 'OK', text: '' });
    const r = w.call('createAnnualStatement') as { sheet: string; supporters: number; total: number };
    expect(r).toMatchObject({ sheet: '年間支払 2024', supporters: 3, total: 28000 });
    expect(w.rt.ui.alerts[w.rt.ui.alerts.length - 1]).toContain('税理士');
    w.rt.ui.queueResponse({ button: 'OK', text: '２０２３年' });
    expect(w.call('createAnnualStatement')).toMatchObject({ sheet: '年間支払 2023', supporters: 0 });
  });
});
