/** Claims end to end: every reason code through onClaimSubmit on the built bundle, edits, receipts. */
import { makeWorld, type World } from './world';

function setup(now = '2024-05-20T10:00:00+09:00', settings: Record<string, string> = {}) {
  const w = makeWorld({ now, settings });
  const a = w.supporter({ name: '伴走 一郎', email: 'ichiro@example.org', language: '日本語' });
  const b = w.supporter({ name: 'Jane Doe', email: 'jane@example.org', language: 'English' });
  const c = w.supporter({ name: 'Trần Thị Lan', email: 'lan@example.org', language: 'Tiếng Việt' });
  w.rt.mail.sent.length = 0;
  return { w, a, b, c };
}

const last = (w: World) => w.rows('申請')[w.rows('申請').length - 1];
const checks = (w: World) => String(last(w).自動チェック);
const codes = (w: World) => (checks(w) === 'OK' ? [] : checks(w).split('\n').map((l) => l.split(':')[0]));

describe('claims through the trigger', () => {
  test('a clean claim: one row, amount, OK, 審査待ち, a receipt with the new case ID', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-10', hours: '１時間半' });
    const row = last(w);
    expect(row).toMatchObject({ 伴走ネットID: a, 支援時間: 1.5, 金額: 4000, 自動チェック: 'OK', 判定: '審査待ち', プログラム: 'new-migrant-era-2023', 支払予定月: '2024-06' });
    expect(String(row.申請ID)).toMatch(/^C-00001-\d$/);
    expect(String(row.相談者ID)).toMatch(/^R-00001-\d$/);
    const d = row.支援日 as Date;
    expect(d.getTime()).toBe(new Date('2024-05-10T00:00:00+09:00').getTime());
    const receipt = w.rt.mail.sent.find((m) => m.to === 'ichiro@example.org');
    expect(receipt?.subject).toContain(String(row.申請ID));
    expect(receipt?.body).toContain(String(row.相談者ID));
    expect(receipt?.body).toContain('4,000円');
  });

  test.each([
    ['FIELD_MISSING', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', hours: '' })],
    ['ID_FORMAT', (x: Ctx) => ({ id: x.a.slice(0, -1) + String((Number(x.a.slice(-1)) + 1) % 10), email: 'ichiro@example.org' })],
    ['ID_UNKNOWN', () => ({ id: 'BN-00999-0', email: 'ichiro@example.org' })],
    ['EMAIL_MISMATCH', (x: Ctx) => ({ id: x.a, email: 'other@example.org' })],
    ['FUTURE_DATE', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', date: '2024-05-21' })],
    ['LATE', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', date: '2024-04-19' })],
    ['HOURS_INVALID', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', hours: '25時間' })],
    ['TOO_SHORT', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', hours: '45分' })],
    ['CASE_ID_MISSING', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', first: 'いいえ' as const })],
    ['CASE_ID_UNKNOWN', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', caseId: 'R-00500-0' })],
    ['CO_SUPPORTER_UNKNOWN', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', coId: 'BN-00500-0' })],
    ['CO_SUPPORTER_SELF', (x: Ctx) => ({ id: x.a, email: 'ichiro@example.org', coId: x.a })],
  ] as [string, (x: Ctx) => Parameters<World['claim']>[0]][])('%s', (code, make) => {
    const x = setup();
    x.w.claim(make(x));
    expect(codes(x.w)).toEqual([code]);
    expect(last(x.w).判定).toBe('審査待ち'); // the system never rejects on its own
    const receipt = x.w.rt.mail.sent[x.w.rt.mail.sent.length - 1];
    expect(receipt.body).toContain('自動確認で次の点が見つかりました');
  });

  test('OUT_OF_PERIOD: a date after the program ended is reported against the active program', () => {
    const { w, a } = setup('2026-03-10T10:00:00+09:00');
    // No program is open, but February's support may still be claimed until 03-28: the form is open.
    expect(w.claimForm.isAcceptingResponses()).toBe(true);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-03-01' });
    // no payment month is promised for a claim outside every program, in the row or the receipt
    expect(last(w).支払予定月).toBe('');
    expect(w.rt.mail.sent[0].body).not.toContain('お支払い予定');
    expect(codes(w)).toEqual(['OUT_OF_PERIOD']);
    expect(last(w).プログラム).toBe('new-migrant-era-2023');
    w.claim({ id: a, email: 'ichiro@example.org', date: '2023-05-01' });
    expect(codes(w)).toEqual(['OUT_OF_PERIOD', 'LATE']);
  });

  test('NOT_ELIGIBLE until the course answers are recorded; revalidate clears it', () => {
    const { w } = setup();
    const novice = w.supporter({ email: 'novice@example.org', experience: 'いいえ' });
    w.claim({ id: novice, email: 'novice@example.org' });
    expect(codes(w)).toEqual(['NOT_ELIGIBLE']);
    const s = w.sheet('登録者');
    const values = s.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === novice) + 1;
    s.getRange(row, values[0].indexOf('講座アンケート') + 1).setValue('基礎1, 基礎2、基礎3, 基礎4, 基礎5');
    w.call('revalidatePending');
    expect(codes(w)).toEqual([]);
  });

  test('limits: 4th event for a recipient, 3rd supporter on an event, the same supporter twice', () => {
    const { w, a, b, c } = setup();
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-01' });
    const caseId = String(last(w).相談者ID);
    w.claim({ id: b, email: 'jane@example.org', date: '2024-05-01', caseId });
    expect(codes(w)).toEqual([]);
    w.claim({ id: c, email: 'lan@example.org', date: '2024-05-01', caseId });
    expect(codes(w)).toEqual(['EVENT_LIMIT']);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-01', caseId });
    expect(codes(w)).toEqual(['DUPLICATE']);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-02', caseId });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-03', caseId });
    expect(codes(w)).toEqual([]);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-04', caseId });
    expect(codes(w)).toEqual(['RECIPIENT_LIMIT']);
    // Rejecting one event frees its place; revalidating applies it.
    const s = w.sheet('申請');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    const decision = header.indexOf('判定') + 1;
    w.rt.editCell(s, s.getRange(6, decision).getA1Notation(), '却下', { user: 'staff@smj.example' });
    w.call('revalidatePending');
    expect(codes(w)).toEqual([]);
  });

  test('receipts in each language; an unknown ID gets a trilingual receipt at the typed address', () => {
    const { w, b, c } = setup();
    w.claim({ id: b, email: 'jane@example.org' });
    w.claim({ id: c, email: 'lan@example.org' });
    w.claim({ id: 'BN-00999-0', email: 'who@example.org' });
    const [en, vi, unknown] = w.rt.mail.sent;
    expect(en.body).toContain('We received your claim');
    expect(vi.body).toContain('Chúng tôi đã nhận yêu cầu');
    expect(unknown.to).toBe('who@example.org');
    expect(unknown.body).toContain('伴走ネットID BN-00999-0 は登録されていません');
    expect(unknown.body).toContain('is not registered');
    expect(unknown.body).toContain('chưa được đăng ký');
  });

  test('the receipt says payment waits for the documents; an unknown ID is promised no payment month', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro@example.org' });
    expect(w.rt.mail.sent[0].body).toContain('お支払いは保留になります');
    expect(w.rt.mail.sent[0].body).toContain('お支払い予定');
    w.claim({ id: 'BN-00999-0', email: 'who@example.org' });
    expect(w.rt.mail.sent[1].body).not.toContain('お支払い予定');
  });

  test('a typed email that is there but no address is EMAIL_MISMATCH with its value (not FIELD_MISSING); the receipt reaches the registered address', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro at example' });
    expect(codes(w)).toEqual(['EMAIL_MISMATCH']);
    expect(checks(w)).toContain('「ichiro at example」はメールアドレスとして使えません');
    expect(w.rt.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.org']);
    // 再チェック reads the same answer back from the row and finds nothing changed
    w.call('revalidatePending');
    expect(codes(w)).toEqual(['EMAIL_MISMATCH']);
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('再チェック:'))).toHaveLength(0);
  });

  test('mailto: typed in a claim is no address either (MailApp refuses it)', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'mailto:ichiro@example.org' });
    expect(codes(w)).toEqual(['EMAIL_MISMATCH']);
    expect(w.rt.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.org']);
  });

  test('hours never rounded across a boundary: 00:59:59 is TOO_SHORT, 1.999 pays 4,000, 01:59:59 pays 4,000, 2 pays 8,000', () => {
    const { w, a } = setup();
    const rows: [string, string[], number][] = [
      ['00:59:59', ['TOO_SHORT'], 0],
      ['0.999', ['TOO_SHORT'], 0],
      ['1.999', [], 4000],
      ['01:59:59', [], 4000],
      ['2', [], 8000],
    ];
    rows.forEach(([hours], i) => w.claim({ id: a, email: 'ichiro@example.org', date: `2024-05-${String(10 + i)}`, hours }));
    const got = w.rows('申請').map((r) => [String(r.自動チェック) === 'OK' ? [] : String(r.自動チェック).split('\n').map((l) => l.split(':')[0]), r.金額]);
    expect(got).toEqual(rows.map(([, c, yen]) => [c, yen]));
    const tooShort = w.rt.mail.sent.find((m) => m.body.includes('0:59:59'));
    expect(tooShort?.body).toContain('支援時間（0:59:59）が最低時間（1:00）に足りません');
    // 再チェック changes nothing: the stored hours are what was judged
    w.call('revalidatePending');
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('再チェック:'))).toHaveLength(0);
  });

  test('R-0-0 passes its check digit but was never issued: CASE_ID_UNKNOWN', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro@example.org' }); // issues R-00001
    w.claim({ id: a, email: 'ichiro@example.org', caseId: 'R-0-0', date: '2024-05-11' });
    expect(codes(w)).toEqual(['CASE_ID_UNKNOWN']);
  });

  test('再チェック of an untouched claim with an empty answer reports no change (titles written once, 支援時間(時間) as in 設定)', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro@example.org', hours: '' });
    const before = checks(w);
    expect(before).toContain('FIELD_MISSING');
    w.call('revalidatePending');
    expect(checks(w)).toBe(before);
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('再チェック:'))).toHaveLength(0);
  });

  test('EMAIL_MISMATCH: the receipt goes to the registered address only', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'attacker@example.org' });
    expect(w.rt.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.org']);
  });

  test('an edited response updates the same row, is checked again, back to 審査待ち, logged', () => {
    const { w, a } = setup();
    const response = w.claim({ id: a, email: 'ichiro@example.org', hours: '0.5' });
    expect(codes(w)).toEqual(['TOO_SHORT']);
    const caseId = last(w).相談者ID;
    w.at('2024-05-22T09:00:00+09:00');
    w.rt.editResponse(response, { '支援時間（時間）': '2:00' });
    const rows = w.rows('申請');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 自動チェック: 'OK', 金額: 8000, 判定: '審査待ち', 相談者ID: caseId });
    expect((rows[0].受付日時 as Date).getTime()).toBe(new Date('2024-05-20T10:00:00+09:00').getTime());
    expect(w.rt.mail.sent).toHaveLength(2);
    expect(w.rt.mail.sent[1].subject).toContain('修正');
    expect(w.rows('ログ').some((r) => String(r.内容).includes('再チェック'))).toBe(true);
  });

  test('the same unedited response delivered twice: nothing added, no second receipt', () => {
    const { w, a } = setup();
    const response = w.claim({ id: a, email: 'ichiro@example.org' });
    w.rt.fire('onClaimSubmit', { response, source: w.claimForm, authMode: 'FULL', triggerUid: 't' });
    w.call('reconcile');
    expect(w.rows('申請')).toHaveLength(1);
    expect(w.rt.mail.sent).toHaveLength(1);
  });

  test('a staff member reordered the columns and added one of their own', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro@example.org' });
    const s = w.sheet('申請');
    const values = s.getDataRange().getValues();
    const order = values[0].map((_, i) => i).reverse();
    const reordered = values.map((r) => [...order.map((i) => r[i]), r === values[0] ? '担当メモ' : '自分用']);
    // Their column is one past the last one: they add it first (a sheet has a fixed grid).
    if (reordered[0].length > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), reordered[0].length - s.getMaxColumns());
    s.getRange(1, 1, reordered.length, reordered[0].length).setValues(reordered);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-11', hours: '3' });
    const rows = w.rows('申請');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ 伴走ネットID: a, 金額: 8000, 判定: '審査待ち', 担当メモ: '' });
    expect(rows[0].担当メモ).toBe('自分用');
  });

  test('a required header deleted by staff: a clear error naming it, the office told, the response kept', () => {
    const { w, a } = setup();
    const s = w.sheet('申請');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    s.getRange(1, header.indexOf('金額') + 1).setValue('金額（円）');
    expect(() => w.claim({ id: a, email: 'ichiro@example.org' })).toThrow(/金額/);
    expect(w.rt.mail.sent.some((m) => m.to === 'office@smj.example' && m.body.includes('金額'))).toBe(true);
    s.getRange(1, header.indexOf('金額') + 1).setValue('金額');
    w.call('reconcile');
    expect(w.rows('申請')).toHaveLength(1);
  });

  test('budget: BUDGET_EXCEEDED past the cap, then the form closes and the office is told', () => {
    const { w, a, b } = setup('2024-05-20T10:00:00+09:00', { 予算上限: '20,000' });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-01' });
    w.claim({ id: b, email: 'jane@example.org', date: '2024-05-02' });
    expect(codes(w)).toEqual([]);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-03' });
    expect(codes(w)).toEqual(['BUDGET_EXCEEDED']);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-04', hours: '1' });
    expect(codes(w)).toEqual([]);
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    expect(w.rt.mail.sent.filter((m) => m.to === 'office@smj.example' && m.subject.includes('予算'))).toHaveLength(1);
  });

  test('2022 rules for a 2022 support date: 6,000 / 10,000 yen and the 20th cut-off', () => {
    const { w, a } = setup('2022-06-21T10:00:00+09:00');
    w.claim({ id: a, email: 'ichiro@example.org', date: '2022-06-01', hours: '2.9' });
    expect(last(w)).toMatchObject({ 金額: 6000, プログラム: 'covid-2022', 支払予定月: '2022-08' });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2022-06-02', hours: '3' });
    expect(last(w).金額).toBe(10000);
  });

  test('service calls of one claim do not grow with the sheet', () => {
    const run = (existing: number) => {
      const { w, a } = setup();
      const s = w.sheet('申請');
      const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
      const at = new Date('2024-05-01T10:00:00+09:00');
      const rows = Array.from({ length: existing }, (_, i) =>
        header.map((h) =>
          ({ 申請ID: `C-${String(i + 1).padStart(5, '0')}-0`, 受付日時: at, 伴走ネットID: a, 金額: 4000, 自動チェック: 'OK', 判定: '承認', 相談者ID: `R-${String(i + 1).padStart(5, '0')}-0`, 回答ID: `x${i}` })[String(h)] ?? '',
        ),
      );
      s.insertRowsAfter(s.getMaxRows(), existing + 100);
      if (existing) s.getRange(2, 1, existing, header.length).setValues(rows);
      w.rt.calls.reset();
      w.claim({ id: a, email: 'ichiro@example.org' });
      return w.rt.calls.total();
    };
    expect(run(10)).toBe(run(3000));
  });
});

type Ctx = ReturnType<typeof setup>;

describe('the form is the durable record', () => {
  test('rows deleted by staff come back from reconcile with the same IDs, and no mail is sent again', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro@example.org' });
    const before = w.rows('申請')[0];
    const supporterRow = w.rows('登録者')[0];
    w.sheet('申請').deleteRow(2);
    w.sheet('登録者').deleteRow(2);
    w.rt.mail.sent.length = 0;
    w.call('reconcile');
    expect(w.rows('申請')[0]).toMatchObject({ 申請ID: before.申請ID, 相談者ID: before.相談者ID, 金額: before.金額, 判定: '審査待ち' });
    expect(w.rows('登録者').find((r) => r.伴走ネットID === supporterRow.伴走ネットID)?.メール).toBe(supporterRow.メール);
    expect(w.rt.mail.sent).toHaveLength(0);
    w.call('reconcile');
    expect(w.rows('申請')).toHaveLength(1);
  });

  test('a row deleted after reconcile passed its response comes back with the daily job, once, without mail', () => {
    const { w, a } = setup();
    w.claim({ id: a, email: 'ichiro@example.org' });
    w.at('2024-05-20T11:00:00+09:00');
    w.claim({ id: a, email: 'ichiro@example.org', date: '2024-05-11' });
    w.at('2024-05-21T09:00:00+09:00');
    w.call('reconcile'); // the high-water mark now stands past both responses
    const [first, second] = w.rows('申請');
    const supporter = w.rows('登録者')[0];
    w.sheet('申請').deleteRow(2);
    w.sheet('登録者').deleteRow(2);
    w.rt.mail.sent.length = 0;
    // reconcile costs only what is new: it does not look back
    w.call('reconcile');
    expect(w.rows('申請').map((r) => r.申請ID)).toEqual([second.申請ID]);
    // the daily job reads 回答記録 against the sheets' ID columns and restores what is gone
    w.call('dailyMaintenance');
    const back = w.rows('申請');
    expect(back.map((r) => r.申請ID).sort()).toEqual([first.申請ID, second.申請ID].sort());
    expect(back.find((r) => r.申請ID === first.申請ID)).toMatchObject({ 相談者ID: first.相談者ID, 金額: first.金額, 判定: '審査待ち' });
    expect(w.rows('登録者').map((r) => r.伴走ネットID)).toContain(supporter.伴走ネットID);
    expect(w.rt.mail.sent.filter((m) => m.to !== 'office@smj.example')).toHaveLength(0);
    w.call('dailyMaintenance');
    expect(w.rows('申請')).toHaveLength(2);
    expect(w.rows('登録者').filter((r) => r.伴走ネットID === supporter.伴走ネットID)).toHaveLength(1);
  });
});

describe('a form changed under the mapping', () => {
  test('a claim whose mapped question is missing is kept as 保留, reported by name, and processed once fixed', () => {
    const { w, a } = setup();
    w.setSetting('申請設問:支援時間（時間）', '活動時間');
    w.claim({ id: a, email: 'ichiro@example.org' });
    expect(w.rows('申請')).toHaveLength(0);
    expect(w.rows('回答記録').some((r) => r.結果 === '保留')).toBe(true);
    expect(w.rt.mail.sent.find((m) => m.to === 'office@smj.example')?.body).toContain('活動時間');
    w.setSetting('申請設問:支援時間（時間）', '支援時間（時間）');
    w.call('reconcile');
    expect(w.rows('申請')).toHaveLength(1);
    expect(w.rows('申請')[0].自動チェック).toBe('OK');
  });
});

test('the contact line is in the reader’s language (設定 問い合わせ先 / （英語） / （ベトナム語）)', () => {
  const { w, a, b, c } = setup();
  for (const id of [a, b, c]) w.claim({ id, email: '', date: '2024-05-10' });
  const body = (to: string) => w.rt.mail.sent.find((m) => m.to === to)?.body ?? '';
  expect(body('ichiro@example.org')).toContain('移住連事務局 電話 03-3837-2316');
  expect(body('jane@example.org')).toContain('SMJ office: phone +81-3-3837-2316');
  expect(body('jane@example.org')).not.toContain('移住連事務局 電話');
  expect(body('lan@example.org')).toContain('Văn phòng SMJ: điện thoại +81-3-3837-2316');
  expect(body('lan@example.org')).not.toContain('移住連事務局 電話');
});
