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
