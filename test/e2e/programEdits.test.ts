/**
 * Issue 7 item 4 for the program sheets (SPEC §8), on the built bundle and the cost model: an edit of
 * 相談会申込 (a キャンセル), of 相談会 (a larger 定員) and of 緊急支援 (a 判定) reads the header row, the
 * edited rows and what they touch (one session's sign-ups, found by 相談会ID), never a whole sheet:
 * it costs the same calls and cells with 100 rows as with 5,000, and does what it did (the waiting
 * list moves up in order, the person moved up is mailed in their language, the emergency budget is
 * reported when reached). Also: columns reordered by staff, an edit that lost the lock, the running
 * total of the emergency budget.
 */
import type { ExecutionRecord } from '../runtime';
import { formatSeqId } from '../../src/app/register';
import { bn, col, edit, expectSameCost, OPEN_SESSION, programWorld, prop, runOnce } from '../support/scale';
import type { World } from './world';

jest.setTimeout(120_000);

const PROGRAM = 'new-migrant-era-2023';
const MOVED_UP: Record<number, RegExp> = { 0: /繰り上げ/, 1: /from the waiting list/, 2: /danh sách chờ/ };
const CANCELLED: Record<number, RegExp> = { 0: /（キャンセル）/, 1: /\(cancelled\)/, 2: /\(đã hủy\)/ };

/** Approved grants of programWorld(n) before the edit: k = 0, 4, 8 … up to n − 2, 1,000 yen each (worked out by hand). */
const approvedYen = (n: number) => (Math.floor((n - 2) / 4) + 1) * 1000;

interface Measured {
  cancel: ExecutionRecord;
  capacity: ExecutionRecord;
  grant: ExecutionRecord;
  w: World;
  n: number;
  signupRow: number;
  grantRow: number;
}

/** The three edits on a world of n sign-ups and n grants; the cap is reached exactly by the grant approved. */
function measure(n: number): Measured {
  const { w, signupRow, grantRow, sessionRow } = programWorld(n, { budget: String(approvedYen(n) + 30000) });
  const cancel = runOnce(w, () => edit(w, '相談会申込', signupRow, '判定', 'キャンセル'));
  const capacity = runOnce(w, () => edit(w, '相談会', sessionRow, '定員', 4));
  const grant = runOnce(w, () => edit(w, '緊急支援', grantRow, '判定', '承認'));
  return { cancel, capacity, grant, w, n, signupRow, grantRow };
}

/** What the three edits must have done (the same at every size). */
function expectOutcome(m: Measured): void {
  const { w, n, signupRow } = m;
  const old = n - 12;
  const rows = w.rows('相談会申込');
  // S-NOW's sign-ups are every other row of the last 12: 参加可 ×3 then キャンセル待ち ×3.
  const now = rows.slice(old).filter((r) => r.相談会ID === OPEN_SESSION);
  expect(now.map((r) => [r.判定, r.記録済み判定])).toEqual([
    ['キャンセル', 'キャンセル'],
    ['参加可', '参加可'],
    ['参加可', '参加可'],
    ['参加可', '参加可'], // the first waiting, moved up by the キャンセル
    ['参加可', '参加可'], // the second, moved up by 定員 4
    ['キャンセル待ち', 'キャンセル待ち'],
  ]);
  // S-NEXT's sign-ups and the old sessions' are untouched.
  expect(rows.slice(old).filter((r) => r.相談会ID !== OPEN_SESSION).every((r) => r.判定 === '参加可')).toBe(true);
  expect(rows[0]).toMatchObject({ 判定: '参加可', 記録済み判定: '参加可' });
  expect(w.sheet('相談会申込').getRange(signupRow, col(w, '相談会申込', '判定')).getValue()).toBe('キャンセル');
  // The two moved up are mailed in their registered language (supporter s = sign-up k mod 300; 連絡言語 by s mod 3).
  for (const k of [old + 6, old + 8]) {
    const s = k % 300;
    const mails = w.rt.mail.sent.filter((x) => x.to === `s${s}@example.org`);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(MOVED_UP[s % 3]);
    expect(mails[0].replyTo).toBe('office@smj.example');
  }
  // The one cancelled by staff is told too, in their language (helper 12c's キャンセル mail).
  const cancelled = w.rt.mail.sent.filter((x) => x.to === `s${old % 300}@example.org`);
  expect(cancelled).toHaveLength(1);
  expect(cancelled[0].subject).toMatch(CANCELLED[(old % 300) % 3]);
  // 回答記録 follows the 判定
  const detail = (k: number) => w.rows('回答記録').find((r) => r.回答ID === `signup-${k}`)?.詳細;
  expect([detail(old), detail(old + 6), detail(old + 8), detail(old + 10)]).toEqual(['判定: キャンセル', '判定: 参加可', '判定: 参加可', '判定: キャンセル待ち']);
  // The grant: counted, and the cap reached exactly → the office is told once.
  const grant = w.rows('緊急支援')[n - 1];
  expect(grant).toMatchObject({ 判定: '承認', 予算計上額: 30000 });
  expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe(String(approvedYen(n) + 30000));
  const budget = w.rt.mail.sent.filter((x) => x.to === 'office@smj.example' && x.subject.includes('緊急支援費が予算上限'));
  expect(budget).toHaveLength(1);
  expect(budget[0].body).toContain(`${(approvedYen(n) + 30000).toLocaleString('ja-JP')}円`);
  expect(w.rt.mail.sent).toHaveLength(4);
}

describe('an edit of the program sheets costs the same with 100 rows as with 5,000', () => {
  let small: Measured;
  let large: Measured;
  beforeAll(() => {
    small = measure(100);
    large = measure(5000);
  });

  test.each(['cancel', 'capacity', 'grant'] as const)('%s: the same calls, cells read and cells written at 100 and 5,000 rows', (op) => {
    expectSameCost(large[op], small[op]);
  });

  test('bounded: no whole sheet read (5,000 rows of 相談会申込 are 70,000 cells), a few seconds modelled', () => {
    for (const m of [small, large]) {
      for (const op of ['cancel', 'capacity', 'grant'] as const) {
        expect(m[op].cellsRead).toBeLessThanOrEqual(600);
        expect(m[op].cellsWritten).toBeLessThanOrEqual(30);
      }
      expect(m.cancel.ms).toBeLessThanOrEqual(6000);
      expect(m.capacity.ms).toBeLessThanOrEqual(4500);
      expect(m.grant.ms).toBeLessThanOrEqual(2500); // with the office's mail
    }
  });

  test('and does what it did: the waiting list moves up in order, mailed in each language; the budget reached is told', () => {
    expectOutcome(small);
    expectOutcome(large);
  });
});

/** Staff reversed the columns of the three sheets and added one of their own (values moved with them). */
function reorder(w: World, sheet: string): void {
  const s = w.sheet(sheet);
  const values = s.getDataRange().getValues();
  const order = values[0].map((_, i) => i).reverse();
  const moved = values.map((r, k) => [...order.map((i) => r[i]), k === 0 ? '担当メモ' : '']);
  s.getRange(1, 1, moved.length, moved[0].length).setValues(moved);
}

describe('the program sheets with their columns reordered by staff', () => {
  test('the same edits do the same, found by header', () => {
    const n = 100;
    const { w, signupRow, grantRow, sessionRow } = programWorld(n, { budget: String(approvedYen(n) + 30000) });
    for (const sheet of ['相談会申込', '相談会', '緊急支援']) reorder(w, sheet);
    expect(col(w, '相談会申込', '判定')).toBe(8); // 14 − 7 + 1: moved
    w.rt.cost.disable();
    w.call('setup'); // the dropdowns follow the headers
    w.rt.mail.sent.length = 0;
    edit(w, '相談会申込', signupRow, '判定', 'キャンセル');
    edit(w, '相談会', sessionRow, '定員', 4);
    edit(w, '緊急支援', grantRow, '判定', '承認');
    expectOutcome({ w, n, signupRow, grantRow } as Measured);
    expect(w.rows('相談会申込').every((r) => r.担当メモ === '')).toBe(true);
  });
});

describe('an edit of the program sheets whose trigger could not get the lock', () => {
  test('is done by the recovery run a minute later, once, under the editor', () => {
    const { w, signupRow, grantRow } = programWorld(100);
    const old = 100 - 12;
    w.rt.locks.holdScriptLock();
    expect(() => edit(w, '相談会申込', signupRow, '判定', 'キャンセル')).toThrow(/ロック/);
    expect(() => edit(w, '緊急支援', grantRow, '判定', '承認')).toThrow(/ロック/);
    w.rt.locks.releaseScriptLock();
    expect(w.rt.triggers().filter((t) => t.handler === 'recoverPending')).toHaveLength(1);
    expect(w.rows('相談会申込')[old + 6].判定).toBe('キャンセル待ち');
    w.rt.clock.advance(61_000);
    expect(w.rt.runTimeTriggers()).toContain('recoverPending');
    const rows = w.rows('相談会申込');
    expect([rows[old].記録済み判定, rows[old + 6].判定, rows[old + 8].判定]).toEqual(['キャンセル', '参加可', 'キャンセル待ち']);
    expect(w.rt.mail.sent.filter((m) => m.to === `s${(old + 6) % 300}@example.org`)).toHaveLength(1);
    expect(w.rows('ログ').find((r) => r.対象 === rows[old].申込ID && String(r.内容).includes('→ キャンセル'))?.操作者).toBe('staff@smj.example');
    expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe(String(approvedYen(100) + 30000));
    // once: the next runs find nothing left to do
    w.rt.clock.advance(61_000);
    w.rt.runTimeTriggers();
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent.filter((m) => m.to === `s${(old + 6) % 300}@example.org`)).toHaveLength(1);
    expect(w.rt.triggers().filter((t) => t.handler === 'recoverPending')).toHaveLength(0);
  });
});

describe('the emergency budget as a running total', () => {
  const n = 20; // approved: k = 0, 4, 8, 12, 16 → 5,000 yen
  const total = (w: World) => prop(w, `grantBudget.used.${PROGRAM}`);

  test('each edit moves the total by what it changed; the daily job puts it right after a deleted row', () => {
    const { w, grantRow } = programWorld(n);
    expect(total(w)).toBe('5000');
    expect(w.rows('緊急支援').map((r) => r.予算計上額)).toEqual(w.rows('緊急支援').map((_, k) => (k % 4 === 0 && k < n - 1 ? 1000 : '')));
    edit(w, '緊急支援', grantRow, '判定', '承認'); // + 30,000
    expect(total(w)).toBe('35000');
    edit(w, '緊急支援', 2, '金額', 2000); // an approved grant's 金額 1,000 → 2,000: + 1,000
    expect(total(w)).toBe('36000');
    edit(w, '緊急支援', 6, '判定', '却下'); // − 1,000
    expect(total(w)).toBe('35000');
    edit(w, '緊急支援', 6, '判定', '却下'); // the same again: nothing
    expect(total(w)).toBe('35000');
    // a paste over two rows: 承認 on grants without 金額 counts nothing; one with 金額 counts
    const s = w.sheet('緊急支援');
    const c = col(w, '緊急支援', '判定');
    w.rt.editCell(s, s.getRange(3, c, 2, 1).getA1Notation(), [['承認'], ['承認']], { user: 'staff@smj.example' });
    expect(total(w)).toBe('35000');
    edit(w, '緊急支援', 4, '金額', 500); // now it counts
    expect(total(w)).toBe('35500');
    // 支払済 typed by hand is put back to 承認 and still counts once
    edit(w, '緊急支援', 4, '判定', '支払済');
    expect(w.rows('緊急支援')[2].判定).toBe('承認');
    expect(total(w)).toBe('35500');
    // staff delete an approved row (no edit event): the total is a day late, then right
    s.deleteRow(2);
    expect(total(w)).toBe('35500');
    w.call('dailyMaintenance');
    expect(total(w)).toBe('33500');
  });

  test('a total not built yet is built from the sheet once; a sheet without 予算計上額 is summed as before', () => {
    const { w, grantRow } = programWorld(n, { budget: '35000' });
    const props = (w.rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    props.deleteProperty(`grantBudget.used.${PROGRAM}`);
    edit(w, '緊急支援', grantRow, '判定', '承認'); // 5,000 + 30,000 = 35,000: the cap
    expect(total(w)).toBe('35000');
    const budgetMails = () => w.rt.mail.sent.filter((x) => x.subject.includes('緊急支援費が予算上限'));
    expect(budgetMails()).toHaveLength(1);
    // An older sheet (setup not run since): no 予算計上額 column. The whole sheet is summed on each edit.
    const s = w.sheet('緊急支援');
    s.deleteColumn(col(w, '緊急支援', '予算計上額'));
    w.setSetting('緊急支援予算上限', '35001');
    edit(w, '緊急支援', 3, '金額', 1); // 審査待ち: 35,000 < 35,001
    expect(budgetMails()).toHaveLength(1);
    edit(w, '緊急支援', 3, '判定', '承認'); // 35,001: reached
    expect(budgetMails()).toHaveLength(2);
    expect(budgetMails()[1].body).toContain('35,001円');
    // setup brings the column back (empty, hidden): the totals are dropped and built again at the next edit
    w.rt.cost.disable();
    w.call('setup');
    expect(col(w, '緊急支援', '予算計上額')).toBeGreaterThan(0);
    expect(total(w)).toBeNull();
    edit(w, '緊急支援', 5, '金額', 2500); // k = 3: 審査待ち, counts nothing
    expect(total(w)).toBe('35001');
    edit(w, '緊急支援', 5, '判定', '承認');
    expect(total(w)).toBe('37501');
  });
});

describe('a sign-up submit costs the same with 100 sign-ups as with 5,000', () => {
  function signUp(n: number, dropCounter = false) {
    const { w } = programWorld(n, { forms: true });
    const id = String(w.rows('設定').find((r) => r.キー === '相談会フォーム')?.値);
    const form = (w.rt.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(id);
    if (dropCounter) (w.rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties().deleteProperty('seq.S');
    // BN-00104 (supporter 4: experienced) for S-NOW, which is full: the waiting list
    const rec = runOnce(w, () => w.rt.submit(form, { 伴走ネットID: bn(4), メールアドレス: 's4@example.org', 相談会: 'S-NOW 2024-06-15 19:00 労働問題の相談会', 参加目的: '伴走者として参加' }));
    const last = w.rows('相談会申込')[n];
    return { rec, last, w };
  }

  test('the same calls and cells (the 申込ID column is read only when the counter is missing), and the same decision', () => {
    const a = signUp(100);
    const b = signUp(5000);
    expectSameCost(b.rec, a.rec);
    expect(a.rec.cellsRead).toBeLessThanOrEqual(600);
    expect(a.rec.lockHeldMs).toBeLessThanOrEqual(3000);
    expect([a.last.申込ID, a.last.判定, a.last.相談会ID]).toEqual([formatSeqId('S', 101), 'キャンセル待ち', OPEN_SESSION]);
    expect([b.last.申込ID, b.last.判定]).toEqual([formatSeqId('S', 5001), 'キャンセル待ち']);
    expect(a.w.rt.mail.sent.filter((m) => m.to === 's4@example.org')).toHaveLength(1);
  });

  test('a lost counter is rebuilt from the column: no 申込ID is issued twice', () => {
    const { last, w } = signUp(100, true);
    expect(last.申込ID).toBe(formatSeqId('S', 101));
    expect(prop(w, 'seq.S')).toBe('101');
  });
});
