/** Long runs stop before the 6-minute limit and resume from a trigger; nothing is lost or done twice. */
import { makeWorld } from './world';

describe('time limits', () => {
  test('reconcile stops before the limit, schedules itself, and finishes every response exactly once', () => {
    const w = makeWorld();
    w.rt.locks.holdScriptLock(); // the triggers miss every submit
    for (let i = 0; i < 12; i++) expect(() => w.register({ email: `late${i}@example.org` })).toThrow(/ロック/);
    w.rt.locks.releaseScriptLock();
    w.rt.setCallLatency(2_000); // a slow day: every service call takes 2 s
    w.call('reconcile');
    const first = w.rows('登録者').length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(12);
    expect(w.rt.triggers().filter((t) => t.handler === 'reconcile')).toHaveLength(1);
    for (let i = 0; i < 30 && w.rows('登録者').length < 12; i++) {
      w.rt.clock.advance(120_000);
      w.rt.runTimeTriggers();
    }
    w.rt.setCallLatency(0);
    const ids = w.rows('登録者').map((r) => r.伴走ネットID);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    // Every supporter hears once: at 2 s per call a mail the run had no time left to send waits in
    // メール送信待ち for the daily job (never lost, never twice).
    const sent = w.rt.mail.sent.filter((m) => m.to.startsWith('late')).map((m) => m.to);
    const queued = w.rows('メール送信待ち').filter((r) => String(r.宛先).startsWith('late')).map((r) => String(r.宛先));
    expect([...sent, ...queued].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `late${i}@example.org`).sort());
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(w.rt.triggers().filter((t) => t.handler === 'reconcile')).toHaveLength(0);
  });

  test('a payout that would run out of time writes nothing and is built again by a trigger', () => {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    const a = w.supporter({ email: 'a@example.org' });
    w.claim({ id: a, email: 'a@example.org', date: '2024-05-01' });
    w.at('2024-06-03T10:00:00+09:00');
    w.rt.setCallLatency(40_000, 'Range.getValues'); // big sheets: each read takes 40 s, so the reads use most of the time
    const r = w.call('createPayout', '2024-06') as { resumed?: boolean };
    expect(r.resumed).toBe(true);
    expect(w.ss.getSheetByName('支払 2024-06')).toBeNull();
    w.rt.setCallLatency(0);
    w.rt.clock.advance(120_000);
    expect(w.rt.runTimeTriggers()).toContain('resumePayout');
    expect(w.ss.getSheetByName('支払 2024-06')).not.toBeNull();
  });
});
