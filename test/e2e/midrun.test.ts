/**
 * People keep typing while a script runs (SPEC §8): a run writes only the cells it changes, so a
 * reviewer's 承認 typed during markPayoutPaid survives and is acted on by the edit trigger.
 */
import { makeWorld, type World } from './world';

function setDocs(w: World, id: string) {
  const s = w.sheet('登録者');
  const values = s.getDataRange().getValues();
  const r = values.findIndex((x) => x[0] === id) + 1;
  const h = values[0];
  const v = new Date('2023-08-01T00:00:00+09:00');
  s.getRange(r, h.indexOf('覚書受領日') + 1).setValue(v);
  s.getRange(r, h.indexOf('口座届受領日') + 1).setValue(v);
}

function decide(w: World, row: number, value: string) {
  const s = w.sheet('申請');
  const col = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf('判定') + 1;
  w.rt.editCell(s, s.getRange(row, col).getA1Notation(), value, { user: 'reviewer@smj.example' });
  return s.getRange(row, col).getA1Notation();
}

/** Two paid claims with a pending one between them (rows 2, 3, 4 of 申請), and the payout sheet built. */
function scenario(afterCalls: number) {
  const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
  const a = w.supporter({ name: '山田 太郎', email: 'taro@example.org' });
  const b = w.supporter({ name: '鈴木 花子', email: 'hanako@example.org' });
  setDocs(w, a);
  w.sheet('口座').appendRow([a, '0005', '001', '普通', '0012345', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
  w.claim({ id: a, email: 'taro@example.org', date: '2024-05-01' });
  w.claim({ id: b, email: 'hanako@example.org', date: '2024-05-02' });
  w.claim({ id: a, email: 'taro@example.org', date: '2024-05-03' });
  decide(w, 2, '承認');
  decide(w, 4, '承認');
  w.at('2024-06-03T10:00:00+09:00');
  w.call('createPayout', '2024-06');
  const s = w.sheet('申請');
  const col = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf('判定') + 1;
  w.rt.typeDuring(s, s.getRange(3, col).getA1Notation(), '承認', { afterCalls, user: 'reviewer@smj.example' });
  const from = w.rt.executions.length;
  w.call('markPayoutPaid', '2024-06');
  return { w, run: w.rt.executions[from] };
}

describe('a decision typed while a run writes the sheet', () => {
  // Typed at several points of markPayoutPaid: after it read 申請, before and after it wrote.
  test.each([12, 20, 30, 40])('承認 typed after call %i of markPayoutPaid survives and is recorded', (k) => {
    const { w, run } = scenario(k);
    expect(run.handler).toBe('markPayoutPaid');
    expect(run.calls).toBeGreaterThan(k); // typed in the middle of the run, not after it
    const rows = w.rows('申請');
    expect(rows.map((r) => r.判定)).toEqual(['支払済', '承認', '支払済']);
    // the edit trigger acted on it: recorded with the reviewer, not paid this month
    expect(rows[1].記録済み判定).toBe('承認');
    expect(rows[1].審査者).toBe('reviewer@smj.example');
    expect(rows[1].支払ID).toBe('');
  });
});

describe('a decision typed while a submit or a re-check runs', () => {
  /**
   * Three pending claims (rows 2–4); 承認 is typed on row 3 after call k of the next run. With
   * `eligibleLater` the supporter (no experience) completes the questionnaires after claiming, so a
   * re-check changes 自動チェック on every row.
   */
  function pending(eligibleLater = false) {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    const a = w.supporter({ name: '山田 太郎', email: 'taro@example.org', experience: eligibleLater ? 'いいえ' : 'はい' });
    setDocs(w, a);
    for (const date of ['2024-05-01', '2024-05-02', '2024-05-03']) w.claim({ id: a, email: 'taro@example.org', date });
    if (eligibleLater) {
      const r = w.sheet('登録者');
      const h = r.getRange(1, 1, 1, r.getLastColumn()).getValues()[0];
      r.getRange(2, h.indexOf('講座アンケート') + 1).setValue('基礎1, 基礎2, 基礎3, 基礎4, 基礎5');
    }
    const s = w.sheet('申請');
    const col = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf('判定') + 1;
    return { w, a, s, a1: s.getRange(3, col).getA1Notation() };
  }

  // Before the lock (reading the answers), under it (after the lookups), and at the writes.
  test.each([10, 45, 60, 72])('承認 typed after call %i of a claim submit survives, is recorded, and the new claim is added', (k) => {
    const { w, a, s, a1 } = pending();
    w.rt.typeDuring(s, a1, '承認', { afterCalls: k, user: 'reviewer@smj.example' });
    const from = w.rt.executions.length;
    w.claim({ id: a, email: 'taro@example.org', date: '2024-05-04' });
    const run = w.rt.executions[from];
    expect(run.handler).toBe('onClaimSubmit');
    expect(run.calls).toBeGreaterThan(k);
    const rows = w.rows('申請');
    expect(rows.map((r) => r.判定)).toEqual(['審査待ち', '承認', '審査待ち', '審査待ち']);
    expect(rows[1].記録済み判定).toBe('承認');
    expect(rows[1].審査者).toBe('reviewer@smj.example');
    expect(rows[3].支援日).toEqual(new Date('2024-05-04T00:00:00+09:00'));
  });

  test.each([5, 12, 22])('承認 typed after call %i of 審査待ちを再チェック survives and is recorded', (k) => {
    const { w, s, a1 } = pending(true);
    expect(w.rows('申請').map((r) => String(r.自動チェック).startsWith('NOT_ELIGIBLE'))).toEqual([true, true, true]);
    w.rt.typeDuring(s, a1, '承認', { afterCalls: k, user: 'reviewer@smj.example' });
    const from = w.rt.executions.length;
    w.call('revalidatePending');
    const run = w.rt.executions[from];
    expect(run.handler).toBe('revalidatePending');
    expect(run.calls).toBeGreaterThan(k);
    const rows = w.rows('申請');
    expect(rows.map((r) => r.判定)).toEqual(['審査待ち', '承認', '審査待ち']);
    expect(rows[1].記録済み判定).toBe('承認');
    // the re-check did its own work on the rows around it (row 3 is re-checked only when it was
    // still 審査待ち when the run read it)
    expect([rows[0].自動チェック, rows[2].自動チェック]).toEqual(['OK', 'OK']);
  });
});
