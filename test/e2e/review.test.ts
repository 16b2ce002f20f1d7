/** Review: staff decide in 申請; onReviewEdit logs, sends 差戻し, and guards 支払済. */
import { makeWorld, type World } from './world';

function world() {
  const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
  const a = w.supporter({ name: 'Jane Doe', email: 'jane@example.org', language: 'English' });
  const response = w.claim({ id: a, email: 'jane@example.org', date: '2024-05-10', hours: '2' });
  w.rt.mail.sent.length = 0;
  return { w, a, response };
}

function cell(w: World, row: number, header: string) {
  const s = w.sheet('申請');
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  return s.getRange(row, headers.indexOf(header) + 1);
}

function decide(w: World, row: number, decision: string, note?: string) {
  if (note !== undefined) cell(w, row, '審査メモ').setValue(note);
  w.rt.editCell(w.sheet('申請'), cell(w, row, '判定').getA1Notation(), decision, { user: 'reviewer@smj.example' });
}

describe('review', () => {
  test('a change of 判定 is logged with who and when', () => {
    const { w } = world();
    w.at('2024-05-21T15:00:00+09:00');
    decide(w, 2, '承認');
    const row = w.rows('申請')[0];
    expect(row).toMatchObject({ 判定: '承認', 審査者: 'reviewer@smj.example', 記録済み判定: '承認' });
    expect((row.審査日時 as Date).getTime()).toBe(new Date('2024-05-21T15:00:00+09:00').getTime());
    const log = w.rows('ログ').filter((r) => String(r.内容).startsWith('判定'));
    expect(log.map((r) => [r.操作者, r.対象, r.内容])).toEqual([['reviewer@smj.example', row.申請ID, '判定: 審査待ち → 承認']]);
    expect(w.rt.mail.sent).toHaveLength(0);
  });

  test('差戻し: the note, the edit link and a one-week deadline reach the supporter; one reminder; expiry reported', () => {
    const { w, response } = world();
    decide(w, 2, '差戻し', '領収書の日付を確認してください');
    const [mail] = w.rt.mail.sent;
    expect(mail.to).toBe('jane@example.org');
    expect(mail.body).toContain('領収書の日付を確認してください');
    expect(mail.body).toContain(response.getEditResponseUrl());
    expect(mail.body).toContain('27 May 2024');
    w.at('2024-05-24T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent).toHaveLength(1); // not yet
    w.at('2024-05-25T06:00:00+09:00');
    w.call('dailyMaintenance');
    w.at('2024-05-26T06:00:00+09:00');
    w.call('dailyMaintenance');
    const reminders = w.rt.mail.sent.filter((m) => m.subject.includes('Reminder'));
    expect(reminders).toHaveLength(1);
    w.at('2024-05-28T06:00:00+09:00');
    w.call('dailyMaintenance');
    const office = w.rt.mail.sent.filter((m) => m.to === 'office@smj.example');
    expect(office).toHaveLength(1);
    expect(office[0].body).toContain(String(w.rows('申請')[0].申請ID));
  });

  test('the supporter answers by editing: the claim is checked again and back to 審査待ち', () => {
    const { w, response } = world();
    decide(w, 2, '差戻し', '時間を確認してください');
    w.at('2024-05-22T10:00:00+09:00');
    w.rt.editResponse(response, { '支援時間（時間）': '1.5' });
    expect(w.rows('申請')[0]).toMatchObject({ 判定: '審査待ち', 金額: 4000, 差戻し期限: '' });
  });

  test('a value outside the list, or 支払済 typed by hand, is put back', () => {
    const { w } = world();
    decide(w, 2, '承認');
    decide(w, 2, '支払済');
    expect(w.rows('申請')[0].判定).toBe('承認');
    expect(w.rows('ログ').some((r) => String(r.内容).includes('支払済は月次支払の確定'))).toBe(true);
  });

  test('a pasted range of decisions: every row is handled once', () => {
    const { w, a } = world();
    w.claim({ id: a, email: 'jane@example.org', date: '2024-05-11' });
    w.claim({ id: a, email: 'jane@example.org', date: '2024-05-12' });
    w.rt.mail.sent.length = 0;
    const first = cell(w, 2, '判定');
    const range = w.sheet('申請').getRange(2, first.getColumn(), 3, 1).getA1Notation();
    w.rt.editCell(w.sheet('申請'), range, [['承認'], ['却下'], ['承認']], { user: 'reviewer@smj.example' });
    expect(w.rows('申請').map((r) => [r.判定, r.記録済み判定])).toEqual([
      ['承認', '承認'],
      ['却下', '却下'],
      ['承認', '承認'],
    ]);
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('判定:'))).toHaveLength(3);
  });

  test('a decision whose trigger could not get the lock is acted on by the recovery run a minute later, or the daily job', () => {
    const { w, a } = world();
    w.claim({ id: a, email: 'jane@example.org', date: '2024-05-11' });
    w.rt.mail.sent.length = 0;
    w.rt.locks.holdScriptLock();
    expect(() => decide(w, 2, '差戻し', '日付を確認してください')).toThrow(/ロック/);
    w.rt.locks.releaseScriptLock();
    expect(w.rows('申請')[0].記録済み判定).toBe('審査待ち');
    w.call('dailyMaintenance');
    expect(w.rows('申請')[0]).toMatchObject({ 記録済み判定: '差戻し', 審査者: '不明（後から記録）' });
    expect(w.rt.mail.sent.filter((m) => m.to === 'jane@example.org')).toHaveLength(1);
    // and through the recovery trigger the lost edit scheduled: one trigger, within minutes, once
    w.rt.locks.holdScriptLock();
    expect(() => decide(w, 3, '承認')).toThrow(/ロック/);
    expect(() => decide(w, 3, '却下')).toThrow(/ロック/);
    w.rt.locks.releaseScriptLock();
    expect(w.rt.triggers().filter((t) => t.handler === 'recoverPending')).toHaveLength(1);
    decide(w, 2, '承認'); // an edit of another row handles only its own row
    expect(w.rows('申請').map((r) => [r.判定, r.記録済み判定])).toEqual([
      ['承認', '承認'],
      ['却下', '審査待ち'],
    ]);
    w.rt.clock.advance(61_000);
    expect(w.rt.runTimeTriggers()).toContain('recoverPending');
    expect(w.rows('申請').map((r) => r.記録済み判定)).toEqual(['承認', '却下']);
    expect(w.rt.triggers().filter((t) => t.handler === 'recoverPending')).toHaveLength(0);
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('判定: 審査待ち → 却下'))).toHaveLength(1);
  });

  test('rows the system did not write (no 記録済み判定) are taken as they stand: no mail to anyone', () => {
    const { w } = world();
    cell(w, 2, '判定').setValue('差戻し');
    cell(w, 2, '記録済み判定').setValue('');
    w.call('dailyMaintenance');
    expect(w.rows('申請')[0].記録済み判定).toBe('差戻し');
    expect(w.rt.mail.sent.filter((m) => m.to === 'jane@example.org')).toHaveLength(0);
  });

  test('edits elsewhere in 申請 or in other sheets do nothing', () => {
    const { w } = world();
    w.rt.calls.reset();
    w.rt.editCell(w.sheet('登録者'), 'A5', 'x');
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '審査メモ').getA1Notation(), 'メモ');
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('判定'))).toHaveLength(0);
    expect(w.rt.calls.byMethod()['Range.setValues'] ?? 0).toBe(0);
  });

  test('差戻し first, note afterwards: nothing is sent, the row shows メモ待ち; the note sends the one mail', () => {
    const { w, response } = world();
    decide(w, 2, '差戻し');
    expect(w.rt.mail.sent).toHaveLength(0);
    expect(w.rows('申請')[0]).toMatchObject({ 判定: '差戻し', 記録済み判定: '差戻し', 通知状況: 'メモ待ち（審査メモを書くと送信します）', 差戻し期限: '' });
    // the daily job sends nothing either, and no reminder for a request that was never sent
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent.filter((m) => m.to === 'jane@example.org')).toHaveLength(0);
    // the reviewer writes the note: exactly one mail, with it
    w.at('2024-05-21T11:00:00+09:00');
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '審査メモ').getA1Notation(), '領収書の日付を確認してください', { user: 'reviewer@smj.example' });
    const mails = w.rt.mail.sent.filter((m) => m.to === 'jane@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain('領収書の日付を確認してください');
    expect(mails[0].body).not.toMatch(/no note|メモなし|記載なし/);
    expect(mails[0].body).toContain(response.getEditResponseUrl());
    expect(mails[0].body).toContain('28 May 2024'); // one week from the mail, not from the decision
    expect(w.rows('申請')[0].通知状況).toBe('差戻しを送信（2024-05-21 11:00）');
    // editing the note again in the same round sends nothing more
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '審査メモ').getA1Notation(), '領収書の日付と金額を確認してください', { user: 'reviewer@smj.example' });
    expect(w.rt.mail.sent.filter((m) => m.to === 'jane@example.org')).toHaveLength(1);
  });

  test('the 差戻し mail restates the claim and gives the reasons in the supporter’s language, the note as written and machine-translated', () => {
    const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
    const lan = w.supporter({ name: 'Trần Thị Lan', email: 'lan@example.org', language: 'Tiếng Việt' });
    w.claim({ id: lan, email: 'other@example.org', date: '2024-05-10', hours: '1:30' });
    const claimId = String(w.rows('申請')[0].申請ID);
    w.rt.mail.sent.length = 0;
    decide(w, 2, '差戻し', '相談者の在留資格を教えてください');
    const [mail] = w.rt.mail.sent;
    expect(mail.to).toBe('lan@example.org');
    expect(mail.body).toContain(`Mã yêu cầu: ${claimId}`);
    expect(mail.body).toContain('Ngày hỗ trợ: 2024-05-10');
    expect(mail.body).toContain('Số giờ: 1:30');
    expect(mail.body).toContain('Địa chỉ email bạn nhập (other@example.org) khác với địa chỉ đã đăng ký'); // EMAIL_MISMATCH in Vietnamese
    expect(mail.body).toContain('Văn phòng ghi chú (nguyên văn): 相談者の在留資格を教えてください');
    expect(mail.body).toContain('Bản dịch máy (Google Dịch, chỉ để tham khảo): [vi] 相談者の在留資格を教えてください');
    expect(mail.body).toContain('chậm nhất trong ngày 27/05/2024');
    expect(w.rt.language.calls).toEqual([{ text: '相談者の在留資格を教えてください', source: '', target: 'vi' }]);
  });

  test('without a translation (LanguageApp fails) the note goes as written, and the failure is logged', () => {
    const { w } = world();
    w.rt.language.failWith('Service invoked too many times for one day: translate.');
    decide(w, 2, '差戻し', '領収書を添付してください');
    const [mail] = w.rt.mail.sent;
    expect(mail.body).toContain('From the office (as written): 領収書を添付してください');
    expect(mail.body).not.toContain('Machine translation');
    expect(w.rows('ログ').some((r) => String(r.内容).includes('機械翻訳できませんでした'))).toBe(true);
  });

  test('a Japanese supporter gets the note without any translation', () => {
    const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
    const a = w.supporter({ name: '伴走 一郎', email: 'ichiro@example.org' });
    w.claim({ id: a, email: 'ichiro@example.org' });
    w.rt.mail.sent.length = 0;
    decide(w, 2, '却下', '正しいIDで申請しなおしてください');
    expect(w.rt.mail.sent).toHaveLength(1);
    expect(w.rt.mail.sent[0].subject).toContain('審査結果');
    expect(w.rt.mail.sent[0].body).toContain('事務局より: 正しいIDで申請しなおしてください');
    expect(w.rt.language.calls).toHaveLength(0);
  });

  test('却下 is told to the supporter with the note; 却下 without a note waits for it too', () => {
    const { w, a } = world();
    w.claim({ id: a, email: 'jane@example.org', date: '2024-05-11' });
    w.rt.mail.sent.length = 0;
    decide(w, 2, '却下', 'This support is outside the program');
    expect(w.rt.mail.sent).toHaveLength(1);
    expect(w.rt.mail.sent[0].subject).toContain('result of the review');
    expect(w.rt.mail.sent[0].body).toContain('This support is outside the program');
    decide(w, 3, '却下');
    expect(w.rt.mail.sent).toHaveLength(1);
    expect(w.rows('申請')[1].通知状況).toBe('メモ待ち（審査メモを書くと送信します）');
    cell(w, 3, '審査メモ').setValue('Duplicate of an earlier claim'); // typed while the trigger could not run
    w.call('dailyMaintenance');
    expect(w.rt.mail.sent.filter((m) => m.to === 'jane@example.org').map((m) => m.body.includes('Duplicate of an earlier claim'))).toEqual([false, true]);
  });

  test('a second round (差戻し again after the supporter answered) sends a second mail', () => {
    const { w, response } = world();
    decide(w, 2, '差戻し', '時間を確認してください');
    w.at('2024-05-22T10:00:00+09:00');
    w.rt.editResponse(response, { '支援時間（時間）': '1.5' });
    w.rt.mail.sent.length = 0;
    decide(w, 2, '差戻し', '日付も確認してください');
    expect(w.rt.mail.sent.filter((m) => m.to === 'jane@example.org' && m.body.includes('日付も確認してください'))).toHaveLength(1);
  });

  test('receipts carry the response’s edit link', () => {
    const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
    const a = w.supporter({ name: '伴走 一郎', email: 'ichiro@example.org' });
    w.rt.mail.sent.length = 0;
    const response = w.claim({ id: a, email: 'ichiro@example.org' });
    expect(w.rt.mail.sent[0].body).toContain(response.getEditResponseUrl());
  });

  test('every supporter mail has Reply-To 事務局メール', () => {
    const { w } = world();
    decide(w, 2, '差戻し', 'メモ');
    expect(w.rt.mail.sent[0].replyTo).toBe('office@smj.example');
  });

  test('支払予定月 stays true: 却下 clears it, taking the 却下 back restores the month the rules give', () => {
    const { w } = world();
    expect(w.rows('申請')[0].支払予定月).toBe('2024-06');
    decide(w, 2, '却下', 'not eligible');
    expect(w.rows('申請')[0].支払予定月).toBe('');
    decide(w, 2, '承認');
    expect(w.rows('申請')[0].支払予定月).toBe('2024-06');
  });

  test('mail queued for the quota keeps Reply-To 事務局メール when the daily job sends it', () => {
    const { w } = world();
    w.rt.mail.setQuota(0);
    decide(w, 2, '差戻し', '領収書を添付してください');
    expect(w.rt.mail.sent).toHaveLength(0);
    w.rt.mail.setQuota(100);
    w.at('2024-05-21T06:00:00+09:00');
    w.call('dailyMaintenance');
    const mail = w.rt.mail.sent.find((m) => m.to === 'jane@example.org');
    expect(mail?.replyTo).toBe('office@smj.example');
  });

  test('a receipt from a form that does not allow editing says to reply with the correction instead of a link', () => {
    const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
    const a = w.supporter({ name: '伴走 一郎', email: 'ichiro@example.org' });
    w.claimForm.setAllowResponseEdits(false);
    w.rt.mail.sent.length = 0;
    w.claim({ id: a, email: 'ichiro@example.org' });
    expect(w.rt.mail.sent[0].body).toContain('このメールに返信して、正しい内容をお知らせください');
    expect(w.rt.mail.sent[0].body).not.toContain('docs.google.com/forms');
  });
});
