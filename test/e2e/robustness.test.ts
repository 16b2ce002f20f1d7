/** Faults and edge cases found in review: one bad response, huge text, queued mail and the time limit. */
import { makeWorld } from './world';

function world() {
  const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
  const a = w.supporter({ email: 'a@example.org' });
  w.rt.mail.sent.length = 0;
  return { w, a };
}

describe('robustness', () => {
  test('a support date in the year 9999 is FUTURE_DATE, not a crash', () => {
    const { w, a } = world();
    w.claim({ id: a, email: 'a@example.org', date: '9999-12-15' });
    expect(String(w.rows('申請')[0].自動チェック)).toContain('FUTURE_DATE: ');
  });

  test('one response that fails does not stop reconcile: it is kept as 保留 and reported once', () => {
    const { w, a } = world();
    w.rt.locks.holdScriptLock();
    for (const date of ['2024-05-01', '2024-05-02', '2024-05-03']) expect(() => w.claim({ id: a, email: 'a@example.org', date })).toThrow(/ロック/);
    w.rt.locks.releaseScriptLock();
    // the second response's answers cannot be read this time (a platform fault)
    w.rt.failNext('FormResponse.getItemResponses', 'We\'re sorry, a server error occurred.', 1);
    w.call('reconcile');
    expect(w.rows('申請')).toHaveLength(2);
    expect(w.rows('回答記録').filter((r) => r.結果 === '保留')).toHaveLength(1);
    const office = () => w.rt.mail.sent.filter((m) => m.to === 'office@smj.example');
    expect(office()).toHaveLength(1);
    w.call('reconcile'); // now it goes through
    expect(w.rows('申請')).toHaveLength(3);
    expect(new Set(w.rows('申請').map((r) => r.申請ID)).size).toBe(3);
    expect(office()).toHaveLength(1);
  });

  test('a mapping problem is reported once, not on every daily run', () => {
    const { w, a } = world();
    w.setSetting('申請設問:支援時間（時間）', '活動時間');
    w.claim({ id: a, email: 'a@example.org' });
    w.call('dailyMaintenance');
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent.filter((m) => m.to === 'office@smj.example')).toHaveLength(1);
  });

  test('text over the 50,000-character cell limit is cut with a mark, not lost', () => {
    const { w, a } = world();
    w.rt.submit(w.claimForm, {
      伴走ネットID: a,
      お名前: 'A',
      メールアドレス: 'a@example.org',
      支援実施日: '2024-05-10',
      '支援時間（時間）': '2',
      この相談者についての申請は初めてですか: 'はい',
      支援の概要: 'あ'.repeat(60000),
    });
    const summary = String(w.rows('申請')[0].支援の概要);
    expect(summary.length).toBe(50000);
    expect(summary.endsWith('（長すぎるため省略）')).toBe(true);
  });

  test('queued mail marked 送信済 as it goes: a run stopped by the time limit sends nothing twice', () => {
    const w = makeWorld({ now: '2024-05-20T10:00:00+09:00', mailQuota: 0 });
    for (let i = 0; i < 30; i++) w.register({ email: `q${i}@example.org` });
    expect(w.rows('メール送信待ち')).toHaveLength(30);
    w.rt.mail.setQuota(1500);
    w.rt.setCallLatency(12_000, 'MailApp.sendEmail'); // slow sends: not all fit in one run
    w.call('dailyMaintenance');
    const sentFirst = w.rt.mail.sent.length;
    expect(sentFirst).toBeGreaterThan(0);
    expect(sentFirst).toBeLessThan(30);
    expect(w.rows('メール送信待ち').filter((r) => r.状態 === '送信済')).toHaveLength(sentFirst);
    w.rt.setCallLatency(0);
    w.rt.clock.advance(86_400_000);
    w.call('dailyMaintenance');
    const to = w.rt.mail.sent.map((m) => m.to);
    expect(to).toHaveLength(30);
    expect(new Set(to).size).toBe(30);
  });

  test('口座 IDs typed with odd hyphens still find the account; an apostrophe typed into the plain-text column is not a digit', () => {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    const a = w.supporter({ email: 'a@example.org' });
    const s = w.sheet('登録者');
    const h = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    for (const k of ['覚書受領日', '口座届受領日']) s.getRange(2, h.indexOf(k) + 1).setValue(new Date('2023-08-01T00:00:00+09:00'));
    w.sheet('口座').appendRow([a.replace(/-/g, '−').toLowerCase(), '0005', '001', '普通', "'1234567", 'ﾃｽﾄ']);
    w.claim({ id: a, email: 'a@example.org', date: '2024-05-01' });
    const c = w.sheet('申請');
    const ch = c.getRange(1, 1, 1, c.getLastColumn()).getValues()[0];
    w.rt.editCell(c, c.getRange(2, ch.indexOf('判定') + 1).getA1Notation(), '承認');
    w.at('2024-06-03T10:00:00+09:00');
    expect(w.call('createPayout', '2024-06')).toMatchObject({ paid: 1, held: 0 });
  });
});

describe('entry points run by hand', () => {
  test('a submit handler without an event says what to use; onReviewEdit without one does nothing', () => {
    const w = makeWorld();
    expect(() => w.call('onClaimSubmit')).toThrow(/未処理の回答を取り込む/);
    expect(() => w.call('onRegistrationSubmit')).toThrow(/未処理の回答を取り込む/);
    expect(w.call('onReviewEdit')).toBeUndefined();
  });
});

describe('mail faults', () => {
  test('a send that fails for another reason is queued without stopping the others; after 3 failed tries it is set aside', () => {
    const w = makeWorld();
    w.rt.failNext('MailApp.sendEmail', 'Service error: Mail');
    w.register({ email: 'first@example.org' });
    w.register({ email: 'second@example.org' });
    expect(w.rt.mail.sent.map((m) => m.to)).toEqual(['second@example.org']);
    expect(w.rows('メール送信待ち').map((r) => [r.宛先, r.状態])).toEqual([['first@example.org', '送信待ち']]);
    for (let i = 0; i < 3; i++) {
      w.rt.failNext('MailApp.sendEmail', 'Service error: Mail');
      w.call('dailyMaintenance');
    }
    expect(w.rows('メール送信待ち')[0]).toMatchObject({ 状態: '送信不可', 試行: 3 });
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent.map((m) => m.to)).toEqual(['second@example.org']);
  });
});
