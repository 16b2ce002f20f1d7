/**
 * SPEC §8 at the office's scale, on the cost model (60 ms a call, 10 µs a cell read, 20 µs a cell
 * written): a submit or an edit costs the same at 1,000 and at 10,000 claims (no whole-table read
 * comes back on those paths), reconcile costs what is new, and the month-end rush is absorbed.
 */
import type { ExecutionRecord } from '../runtime';
import { bn, fullClaim, runOnce, scaleWorld } from '../support/scale';
import type { World } from './world';

jest.setTimeout(120_000);

interface Costs {
  claim: ExecutionRecord;
  caseClaim: ExecutionRecord;
  registration: ExecutionRecord;
  edit: ExecutionRecord;
  reconcile: ExecutionRecord;
}

function measure(n: number): Costs {
  const w = scaleWorld(n, '2024-05-29T10:00:00+09:00', 2000);
  const claim = runOnce(w, () => w.rt.submit(w.claimForm, fullClaim(bn(7), 's7@example.org', '2024-05-20'), { respondentEmail: 's7@example.org' }));
  const caseClaim = runOnce(w, () => w.rt.submit(w.claimForm, fullClaim(bn(8), 's8@example.org', '2024-05-21', 'R-00003-7'), { respondentEmail: 's8@example.org' }));
  const registration = runOnce(w, () => w.register({ email: 'new@example.org' }));
  const s = w.sheet('申請');
  const col = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf('判定') + 1;
  const edit = runOnce(w, () => w.rt.editCell(s, s.getRange(2 + 10 * Math.floor(n / 20), col).getA1Notation(), '承認', { user: 'reviewer@smj.example' }));
  const reconcile = runOnce(w, () => w.call('reconcile'));
  // what was submitted is in the sheet, once
  const rows = w.rows('申請');
  expect(rows).toHaveLength(n + 2);
  expect(rows[n].伴走ネットID).toBe(bn(7));
  expect(rows[n + 1].相談者ID).toBe('R-00003-7');
  return { claim, caseClaim, registration, edit, reconcile };
}

describe('cost does not grow with the sheets', () => {
  let small: Costs;
  let large: Costs;
  beforeAll(() => {
    small = measure(1000);
    large = measure(10_000);
  });

  test.each(['claim', 'caseClaim', 'registration', 'edit', 'reconcile'] as const)('%s: the same calls and cells at 1,000 and 10,000 claims', (op) => {
    expect(large[op].calls).toBe(small[op].calls);
    expect(large[op].cellsRead).toBe(small[op].cellsRead);
    expect(large[op].cellsWritten).toBe(small[op].cellsWritten);
  });

  test('targets: ≤ 2 s under the lock for a claim, a 判定 ≤ 1.5 s, reconcile after three submits in seconds', () => {
    for (const c of [small, large]) {
      // NOT the 3 s: on the flat 60 ms model reading the 16 questions of a claim alone is
      // 53 calls (3.2 s); the whole submit is about 6.3 s, outside the lock but for 1.4 s (README「規模と時間」).
      expect(c.claim.ms).toBeLessThanOrEqual(7000);
      expect(c.claim.lockHeldMs).toBeLessThanOrEqual(2000);
      expect(c.caseClaim.lockHeldMs).toBeLessThanOrEqual(2000);
      // NOT the 3 s either (reading the answers is 3 calls each): held ≤ 2.5 s, whole ≤ 6 s.
      expect(c.registration.lockHeldMs).toBeLessThanOrEqual(2500);
      expect(c.registration.ms).toBeLessThanOrEqual(6000);
      expect(c.edit.ms).toBeLessThanOrEqual(1500);
      expect(c.reconcile.ms).toBeLessThanOrEqual(8000); // three responses since the mark, handled by their triggers: checked, not redone
    }
  });
});

describe('reconcile costs what is new', () => {
  function backlog(old: number) {
    const w = scaleWorld(old, '2024-05-29T10:00:00+09:00', 500);
    // two responses the triggers missed (received while the trigger was away)
    w.rt.clock.set(new Date('2024-05-29T11:00:00+09:00'));
    w.rt.submit(w.claimForm, fullClaim(bn(3), 's3@example.org', '2024-05-22'), { respondentEmail: 's3@example.org', silent: true });
    w.rt.submit(w.claimForm, fullClaim(bn(4), 's4@example.org', '2024-05-23'), { respondentEmail: 's4@example.org', silent: true });
    const rec = runOnce(w, () => w.call('reconcile'));
    const after = runOnce(w, () => w.call('reconcile'));
    const rows = w.rows('申請');
    expect(rows).toHaveLength(old + 2);
    expect(rows.slice(-2).map((r) => r.伴走ネットID)).toEqual([bn(3), bn(4)]);
    return { rec, after, mail: w.rt.mail.sent.length };
  }

  test('two new responses among 200 or 5,000 old ones: the same calls and cells; nothing new: a few calls', () => {
    const a = backlog(200);
    const b = backlog(5000);
    expect(b.rec.calls).toBe(a.rec.calls);
    expect(b.rec.cellsRead).toBe(a.rec.cellsRead);
    expect(b.after.calls).toBe(a.after.calls);
    expect(b.after.cellsRead).toBe(a.after.cellsRead);
    expect(b.after.ms).toBeLessThan(3000);
    expect(b.mail).toBe(2); // one receipt each
  });
});

describe('the month-end rush', () => {
  test.each([
    ['2 s apart', 2000],
    ['all at the same second (most lose the lock)', 0],
  ])('30 claims in the same minute (%s) at 10,000 claims: each processed exactly once within 10 minutes, one receipt each', (_, spacing) => {
    const w = scaleWorld(10_000, '2024-05-31T23:00:00+09:00', 2000);
    const start = new Date('2024-05-31T23:59:00+09:00').getTime();
    const who = Array.from({ length: 30 }, (_, k) => 300 + k);
    const out = w.rt.burst(
      who.map((s, k) => ({
        at: new Date(start + k * spacing),
        run: () => {
          w.rt.submit(w.claimForm, fullClaim(bn(s), `s${s}@example.org`, '2024-05-30'), { respondentEmail: `s${s}@example.org` });
        },
      })),
    );
    const lost = out.filter((o) => o.records.some((r) => r.lockFailed)).length;
    if (spacing === 0) expect(lost).toBeGreaterThan(5); // the recovery path is what this case tests
    // exactly one recovery trigger for all the submits that lost the lock
    expect(w.rt.triggers().filter((t) => t.handler === 'recoverPending')).toHaveLength(lost > 0 ? 1 : 0);
    for (let m = 1; m <= 10; m++) {
      w.rt.clock.set(new Date(start + m * 60_000));
      w.rt.runTimeTriggers();
    }
    const rows = w.rows('申請').slice(10_000);
    expect(rows.map((r) => r.伴走ネットID).sort()).toEqual(who.map(bn).sort());
    expect(new Set(rows.map((r) => r.回答ID)).size).toBe(30);
    for (const s of who) expect(w.rt.mail.sent.filter((m) => m.to === `s${s}@example.org`)).toHaveLength(1);
    // all within 10 minutes of the first submit
    const lastEnd = Math.max(...w.rt.executions.map((r) => r.end));
    expect(lastEnd - start).toBeLessThanOrEqual(10 * 60_000);
    expect(w.rt.triggers().filter((t) => t.handler === 'recoverPending')).toHaveLength(0);
  });
});

describe('a claim submit works from the event', () => {
  test('the edit link comes from the event’s form and response: the form in 設定 is not opened, the response not fetched again', () => {
    const w = scaleWorld(100, '2024-05-29T10:00:00+09:00', 200);
    w.rt.calls.startTrace();
    const response = w.rt.submit(w.claimForm, fullClaim(bn(7), 's7@example.org', '2024-05-20'), { respondentEmail: 's7@example.org' });
    const trace = w.rt.calls.stopTrace();
    expect(trace.filter((c) => /^FormApp\.openBy|^Form\.getResponse\(/.test(c))).toEqual([]);
    expect(trace.filter((c) => /^Form\.canEditResponse|^FormResponse\.getEditResponseUrl/.test(c))).toEqual(['Form.canEditResponse', 'FormResponse.getEditResponseUrl']);
    // and the receipt still carries the link of this response
    const receipt = w.rt.mail.sent.filter((m) => m.to === 's7@example.org').at(-1);
    expect(receipt?.body).toContain(response.getEditResponseUrl());
  });
});

const scriptProps = (w: World) => (w.rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties().getProperties();

describe('a large paste whose trigger lost the lock', () => {
  test('承認 pasted over 3,000 rows while the lock is held: the rows are kept in a few bytes and the recovery run records every pending one', () => {
    const w = scaleWorld(3000, '2024-05-29T10:00:00+09:00', 300);
    w.rt.cost.disable();
    const s = w.sheet('申請');
    const col = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf('判定') + 1;
    const before = w.rows('申請');
    const pendingRows = before.map((r, i) => (r.判定 === '審査待ち' ? i : -1)).filter((i) => i >= 0);
    expect(pendingRows.length).toBe(300); // one claim in ten (by hand: 3,000 / 10)
    w.rt.locks.holdScriptLock();
    const a1 = `${s.getRange(2, col).getA1Notation()}:${s.getRange(3001, col).getA1Notation()}`;
    expect(() => w.rt.editCell(s, a1, Array.from({ length: 3000 }, () => ['承認']), { user: 'reviewer@smj.example' })).toThrow(/ロック/);
    w.rt.locks.releaseScriptLock();
    const kept = Object.entries(scriptProps(w)).filter(([k]) => k.startsWith('recover.edit.'));
    expect(kept).toHaveLength(1);
    expect(kept[0][1].length).toBeLessThan(200); // 3,000 row numbers would be ~15 KB, past the 9 KB a property holds
    expect(w.rt.triggers().filter((t) => t.handler === 'recoverPending')).toHaveLength(1);
    w.rt.clock.advance(61_000);
    expect(w.rt.runTimeTriggers()).toContain('recoverPending');
    const after = w.rows('申請');
    expect(pendingRows.every((i) => after[i].記録済み判定 === '承認')).toBe(true);
    expect(Object.keys(scriptProps(w)).filter((k) => k.startsWith('recover.edit.'))).toEqual([]);
  });
});
