/**
 * Review of the session's lean program-sheet edits (helper 12e): cases the running total of the
 * emergency budget and the sign-up group lookups must survive. Expected values worked out by hand
 * from programWorld (test/support/scale.ts).
 */
import { col, edit, OPEN_SESSION, OTHER_OPEN_SESSION, programWorld, prop } from '../support/scale';
import type { World } from './world';

jest.setTimeout(120_000);

const PROGRAM = 'new-migrant-era-2023';
const OTHER = 'covid-2022';

describe('the emergency budget running total (12e review)', () => {
  // programWorld(20): grants k = 0, 4, 8, 12, 16 approved at 1,000 yen each in PROGRAM → 5,000.
  test('a grant moved to another program leaves its total and counts in the other', () => {
    const { w } = programWorld(20);
    expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe('5000');
    edit(w, '緊急支援', 2, 'プログラム', OTHER); // k = 0: approved, 1,000 yen
    expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe('4000');
    expect(prop(w, `grantBudget.used.${OTHER}`)).toBe('1000');
    // and back: as at first
    edit(w, '緊急支援', 2, 'プログラム', PROGRAM);
    expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe('5000');
    expect(prop(w, `grantBudget.used.${OTHER}`)).toBe('0');
  });

  test('a grant row cleared whole by staff (Delete on the row) no longer counts', () => {
    const { w } = programWorld(20);
    const s = w.sheet('緊急支援');
    const width = s.getLastColumn();
    expect(s.getRange(1, 1, 1, width).getValues()[0]).toContain('予算計上額');
    w.rt.editCell(s, s.getRange(6, 1, 1, width).getA1Notation(), [new Array(width).fill('')], { user: 'staff@smj.example' }); // k = 4: approved
    expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe('4000');
  });
});

describe('the emergency budget after setup made 緊急支援 again (12e review)', () => {
  test('a sheet deleted by staff and created by setup drops the totals it no longer holds', () => {
    const { w } = programWorld(20);
    expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe('5000');
    w.rt.cost.disable();
    w.ss.deleteSheet(w.sheet('緊急支援'));
    w.call('setup');
    expect(w.rows('緊急支援')).toHaveLength(0);
    // nothing is approved any more: no total of 5,000 yen left over to reach the cap with
    expect([null, '0']).toContain(prop(w, `grantBudget.used.${PROGRAM}`));
    w.call('dailyMaintenance');
    expect(prop(w, `grantBudget.used.${PROGRAM}`)).toBe('0');
  });
});

describe('a session\'s waiting list on an edit of 相談会申込 (12e review)', () => {
  // programWorld(100): old = 88; S-NOW (定員 3) has sign-ups k = 88, 90, 92 参加可 and 94, 96, 98
  // キャンセル待ち (sheet row = k + 2); S-NEXT (定員 10) has k = 89 … 99 odd, 参加可 (6).
  const waitingMoved = (w: World) => w.rt.mail.sent.filter((m) => /繰り上げ|waiting list|danh sách chờ/.test(m.subject));

  test('a 相談会ID retyped in full width on a 参加可 sign-up still holds its place: nobody is moved up', () => {
    const { w } = programWorld(100);
    edit(w, '相談会申込', 92, '相談会ID', 'Ｓ－ＮＯＷ'); // k = 90: 参加可 in S-NOW, the same session
    const rows = w.rows('相談会申込');
    expect([88, 90, 92, 94, 96, 98].map((k) => rows[k].判定)).toEqual(['参加可', '参加可', '参加可', 'キャンセル待ち', 'キャンセル待ち', 'キャンセル待ち']);
    expect(waitingMoved(w)).toHaveLength(0);
    expect(rows[90].相談会ID).toBe(OPEN_SESSION); // written back as 相談会 names it
    // The daily job sees the same
    w.call('dailyMaintenance');
    expect(w.rows('相談会申込')[94].判定).toBe('キャンセル待ち');
  });

  test('a 相談会ID retyped with a trailing space on the first sign-up of the session still counts', () => {
    const { w } = programWorld(100);
    edit(w, '相談会申込', 90, '相談会ID', `${OPEN_SESSION} `); // k = 88: 参加可, the first of S-NOW
    const rows = w.rows('相談会申込');
    expect([88, 90, 92, 94].map((k) => rows[k].判定)).toEqual(['参加可', '参加可', '参加可', 'キャンセル待ち']);
    expect(rows[88].相談会ID).toBe(OPEN_SESSION);
    expect(waitingMoved(w)).toHaveLength(0);
    // a later キャンセル in the session moves exactly one up (k = 94, the first waiting)
    edit(w, '相談会申込', 94, '判定', 'キャンセル'); // k = 92
    const after = w.rows('相談会申込');
    expect([88, 90, 92, 94, 96].map((k) => after[k].判定)).toEqual(['参加可', '参加可', 'キャンセル', '参加可', 'キャンセル待ち']);
    expect(waitingMoved(w)).toHaveLength(1);
  });

  test('a 相談会ID that is an answer kept as given (a session not in 相談会) is not rewritten', () => {
    const { w } = programWorld(100);
    const answer = 'S-GONE 2024-06-30 19:00 医療の相談会（オンライン）  第2回';
    w.sheet('相談会申込').getRange(3, col(w, '相談会申込', '相談会ID')).setValue(answer); // k = 1, no trigger
    w.call('dailyMaintenance');
    expect(w.rows('相談会申込')[1].相談会ID).toBe(answer);
    edit(w, '相談会申込', 3, '判定', 'キャンセル');
    expect(w.rows('相談会申込')[1]).toMatchObject({ 相談会ID: answer, 判定: 'キャンセル', 記録済み判定: 'キャンセル' });
  });

  test('after staff sorted 相談会申込, the waiting list still moves up in order of receipt, ties by 申込ID', () => {
    const { w } = programWorld(100);
    const s = w.sheet('相談会申込');
    const width = s.getLastColumn();
    // The three waiting (k = 94, 96, 98) received in the same second; staff sort them last first.
    const at = col(w, '相談会申込', '受付日時');
    const same = new Date('2024-05-20T01:10:00Z');
    for (const r of [96, 98, 100]) s.getRange(r, at).setValue(same);
    const block = [96, 98, 100].map((r) => s.getRange(r, 1, 1, width).getValues()[0]);
    [100, 98, 96].forEach((r, k) => s.getRange(r, 1, 1, width).setValues([block[k]]));
    // (now row 96 holds k = 98, row 100 holds k = 94)
    expect(s.getRange(100, col(w, '相談会申込', '回答ID')).getValue()).toBe('signup-94');
    edit(w, '相談会申込', 90, '判定', 'キャンセル'); // k = 88 frees a place
    const rows = w.rows('相談会申込');
    const byAnswer = (id: string) => rows.find((r) => r.回答ID === id)?.判定;
    expect(['signup-94', 'signup-96', 'signup-98'].map(byAnswer)).toEqual(['参加可', 'キャンセル待ち', 'キャンセル待ち']);
  });

  test('キャンセル pasted over three rows at once: each told once, two moved up in order, once', () => {
    const { w } = programWorld(100);
    const s = w.sheet('相談会申込');
    const c = col(w, '相談会申込', '判定');
    // rows 90–92: k = 88 (S-NOW), 89 (S-NEXT), 90 (S-NOW), all 参加可
    w.rt.editCell(s, s.getRange(90, c, 3, 1).getA1Notation(), [['キャンセル'], ['キャンセル'], ['キャンセル']], { user: 'staff@smj.example' });
    const rows = w.rows('相談会申込');
    expect([88, 89, 90, 92, 94, 96, 98].map((k) => rows[k].判定)).toEqual(['キャンセル', 'キャンセル', 'キャンセル', '参加可', '参加可', '参加可', 'キャンセル待ち']);
    const to = (k: number) => w.rt.mail.sent.filter((m) => m.to === `s${k % 300}@example.org`).length;
    expect([88, 89, 90, 94, 96, 98].map(to)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(w.rt.mail.sent).toHaveLength(5);
    // the daily job finds nothing left to do
    w.call('dailyMaintenance');
    expect(w.rows('相談会申込')[98].判定).toBe('キャンセル待ち');
    expect(w.rt.mail.sent.filter((m) => m.to !== 'office@smj.example')).toHaveLength(5);
  });

  test('a sign-up moved by staff to another session frees its place in the first at once', () => {
    const { w } = programWorld(100);
    edit(w, '相談会申込', 92, '相談会ID', OTHER_OPEN_SESSION); // k = 90 leaves S-NOW for S-NEXT (7 of 10)
    const rows = w.rows('相談会申込');
    expect(rows[90].相談会ID).toBe(OTHER_OPEN_SESSION);
    expect([88, 92, 94, 96, 98].map((k) => rows[k].判定)).toEqual(['参加可', '参加可', '参加可', 'キャンセル待ち', 'キャンセル待ち']);
    expect(waitingMoved(w)).toHaveLength(1);
    expect(rows.filter((r) => r.相談会ID === OPEN_SESSION && r.判定 === '参加可')).toHaveLength(3);
  });
});
