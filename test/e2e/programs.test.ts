/** Program lifecycle (SPEC §1): no open program, the closed claim form, 新しい事業を設定 (defineProgram). */
import { makeWorld, type World } from './world';

const alerts = (w: World) => w.rt.ui.alerts.join('\n');
const setting = (w: World, key: string) => w.rows('設定').find((r) => r.キー === key)?.値;

/** Answers to the seven prompts, then YES to the confirmation. */
function answer(w: World, texts: string[], confirm: 'YES' | 'NO' = 'YES') {
  for (const text of texts) w.rt.ui.queueResponse({ button: 'OK', text });
  w.rt.ui.queueResponse({ button: confirm });
}

describe('no program open (deployed after new-migrant-era-2023 ended on 2026-02-28)', () => {
  test('setup says so plainly, the claim form closes with a trilingual message, the office is told once', () => {
    const w = makeWorld({ now: '2026-11-29T10:00:00+09:00' });
    const text = alerts(w);
    expect(text).toContain('現在受付中の事業（プログラム）がありません');
    expect(text).toContain('「新移民時代型伴走支援（2023–2026）」（new-migrant-era-2023）は 2026-02-28 に終了しました');
    expect(text).toContain('「新しい事業を設定」');
    expect(text).not.toContain('すべて設定済みです');
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    const closed = w.claimForm.getCustomClosedFormMessage();
    expect(closed).toContain('申請を受け付けている事業はありません');
    expect(closed).toContain('No support program is open for claims');
    expect(closed).toContain('Hiện không có chương trình nào đang nhận yêu cầu');
    expect(w.regForm.isAcceptingResponses()).toBe(true); // people may still register
    // the office was mailed when it closed (makeWorld clears the mail after setup: look at the log)
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('現在受付中の事業'))).toHaveLength(1);
    // the daily job says it again in ログ, and mails nobody about it again
    w.at('2026-11-30T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('現在受付中の事業'))).toHaveLength(2);
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('事業'))).toHaveLength(0);
  });

  test('新しい事業を設定: asks for what differs, confirms, writes the definition, makes it active, reopens the form', () => {
    const w = makeWorld({ now: '2026-11-29T10:00:00+09:00' });
    w.rt.ui.alerts.length = 0;
    // name, start, end, amounts, limits, payday, budget ('' keeps the suggested default)
    answer(w, ['2026年度伴走支援', '2026-11-01', '2027-10-31', '1:5000, 2.5:9000', '', '15', '1,000,000']);
    w.rt.fire('defineProgram');
    const prompts = w.rt.ui.dialogLog.filter((d) => d.kind === 'prompt');
    expect(prompts).toHaveLength(7);
    expect(prompts[4].message).toContain('空欄なら「3, 2」'); // the previous program's limits as default
    const confirm = w.rt.ui.dialogLog.filter((d) => d.kind === 'alert').at(-2);
    expect(confirm?.message).toContain('支援期間: 2026-11-01 〜 2027-10-31');
    expect(confirm?.message).toContain('金額: 1時間以上 5,000円 / 2.5時間以上 9,000円（1時間未満は対象外）');
    expect(confirm?.message).toContain('上限: 相談者1人あたり 3回、1回の支援あたり伴走者 2人');
    expect(confirm?.message).toContain('予算上限: 1,000,000円');
    expect(setting(w, 'プログラム')).toBe('2026年度伴走支援');
    expect(String(setting(w, '支払日'))).toBe('15');
    expect(String(setting(w, '予算上限'))).toBe('1000000');
    const def = JSON.parse(String(setting(w, 'プログラム定義:2026年度伴走支援')));
    expect(def).toMatchObject({ extends: 'new-migrant-era-2023', period: { start: '2026-11-01', end: '2027-10-31' }, minHours: 1, maxEventsPerRecipient: 3, maxSupportersPerEvent: 2, paydayDay: 15, budgetYen: 1000000 });
    expect(w.claimForm.isAcceptingResponses()).toBe(true);
    expect(alerts(w)).toContain('申請フォームの受付を再開しました');
    // setup now has nothing to say about programs
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    expect(alerts(w)).not.toContain('受付中の事業');
    // claims are judged by the new program's rules: 2:29:59 pays 5,000, 2.5 h pays 9,000
    const a = w.supporter({ name: '伴走 一郎', email: 'ichiro@example.org' });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-11-20', hours: '02:29:59' });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-11-21', hours: '2.5' });
    expect(w.rows('申請').map((r) => [r.プログラム, r.金額, r.支払予定月])).toEqual([
      ['2026年度伴走支援', 5000, '2026-12'],
      ['2026年度伴走支援', 9000, '2026-12'],
    ]);
  });

  test('wrong answers are named with the fix, and nothing is written', () => {
    const w = makeWorld({ now: '2026-11-29T10:00:00+09:00' });
    answer(w, ['2027年度', '2027-04-01', '2027-03-31', '2:8000, 1:4000', '0, 2', '32', '-5']);
    w.rt.fire('defineProgram');
    const text = alerts(w);
    expect(text).toContain('支援期間の初日 2027-04-01 が最終日 2027-03-31 より後です');
    expect(text).toContain('金額の時間は小さい順に');
    expect(text).toContain('上限「0, 2」');
    expect(text).toContain('支払日「32」');
    expect(text).toContain('予算上限「-5」');
    expect(setting(w, 'プログラム')).toBe('new-migrant-era-2023');
    expect(setting(w, 'プログラム定義:2027年度')).toBeUndefined();
  });

  test('a period overlapping an existing program is refused; cancel writes nothing', () => {
    const w = makeWorld({ now: '2026-11-29T10:00:00+09:00' });
    answer(w, ['重なる事業', '2026-01-01', '2026-12-31', '', '', '', '']);
    w.rt.fire('defineProgram');
    expect(alerts(w)).toContain('と重なっています');
    w.rt.ui.queueResponse({ button: 'CANCEL' });
    w.rt.fire('defineProgram');
    expect(w.rows('設定').some((r) => String(r.キー).startsWith('プログラム定義:'))).toBe(false);
  });

  test('a program that starts later: the form stays closed until its first day, when the daily job reopens it', () => {
    const w = makeWorld({ now: '2026-11-29T10:00:00+09:00' });
    w.call('defineProgram', { name: '2027年度', start: '2027-01-05', end: '2027-12-31' });
    expect(setting(w, 'プログラム')).toBe('2027年度');
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    w.at('2027-01-04T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    expect(w.rows('ログ').some((r) => String(r.内容).includes('「2027年度」は 2027-01-05 に始まります'))).toBe(true);
    w.rt.mail.sent.length = 0;
    w.at('2027-01-05T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.claimForm.isAcceptingResponses()).toBe(true);
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('受付を再開'))).toHaveLength(1);
  });
});

describe('after a program ends, its last claims are still due (seed 000: 「支援実施後、1ヶ月以内」)', () => {
  test('support on 2026-02-28 may be claimed until 2026-03-28: the form stays open until then, is paid, and closes on 03-29', () => {
    // Deployed while new-migrant-era-2023 was open; a supporter helped someone on its last day.
    const w = makeWorld({ now: '2026-02-20T10:00:00+09:00' });
    const id = w.supporter({ email: 'last@example.org' });
    // The day after the program ended: nothing is closed, staff are told until when claims come in.
    w.at('2026-03-01T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.claimForm.isAcceptingResponses()).toBe(true);
    expect(w.rows('ログ').some((r) => String(r.内容).includes('期間内の支援の申請は締切の 2026-03-28 まで受け付けるため、申請フォームはそれまで受付を続けます'))).toBe(true);
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('停止'))).toEqual([]);
    // A claim on the deadline day for support on the program's last day: judged by that program, paid.
    w.at('2026-03-28T23:00:00+09:00');
    w.claim({ id, email: 'last@example.org', date: '2026-02-28', hours: '2' });
    const row = w.rows('申請').at(-1);
    expect(row?.自動チェック).toBe('OK');
    expect(row?.金額).toBe(8000);
    expect(row?.プログラム).toBe('new-migrant-era-2023');
    expect(row?.支払予定月).toBe('2026-04');
    // 03-28 is still the window (the last claims may come in that day)
    w.at('2026-03-28T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.claimForm.isAcceptingResponses()).toBe(true);
    // 03-29: no claim is due any more: the form closes, the office is told once.
    w.rt.mail.sent.length = 0;
    w.at('2026-03-29T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    expect(w.claimForm.getCustomClosedFormMessage()).toContain('申請を受け付けている事業はありません');
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('申請フォームを停止'))).toHaveLength(1);
  });

  test('a claim form the system closed for want of a program is reopened within the window, and setup says why', () => {
    // Closed for want of a program (the key set), then the window applies (e.g. a version without it had closed it).
    const w = makeWorld({ now: '2026-11-29T10:00:00+09:00' });
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    w.at('2026-03-10T10:00:00+09:00');
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    expect(w.claimForm.isAcceptingResponses()).toBe(true);
    const text = w.rt.ui.alerts.join('\n');
    expect(text).toContain('申請フォーム: 終了した事業の申請締切まで、受付を再開しました');
    expect(text).not.toContain('undefined');
    expect(text).toContain('締切の 2026-03-28 まで受け付ける');
    expect(w.rows('ログ').some((r) => String(r.内容).includes('申請締切（2026-03-28）まで、申請フォームの受付を再開しました'))).toBe(true);
  });

  test('the covid-2022 rule (the day before the same date next month): support on 2023-02-28 is due until 2023-03-27', () => {
    const w = makeWorld({ now: '2023-03-27T10:00:00+09:00' });
    w.call('setup');
    expect(w.claimForm.isAcceptingResponses()).toBe(true);
    w.at('2023-03-28T06:00:00+09:00');
    w.call('dailyMaintenance');
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
  });
});

describe('setup reports the closed claim form once (no program open)', () => {
  /** Lines of setup's report that say the claim form is stopped or not taking responses. */
  const closedLines = (alert: string) => alert.split('\n').filter((l) => /申請フォーム/.test(l) && /停止|受け付けていません/.test(l));
  const times = (text: string, part: string) => text.split(part).length - 1;

  test('the run that closes it, the runs after, and with the next program defined: one line, saying it once', () => {
    const w = makeWorld({ now: '2026-11-29T10:00:00+09:00' });
    // makeWorld's second setup (the forms mapped) is the run that closed the form
    const closing = w.rt.ui.alerts.at(-1) ?? '';
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    expect(closedLines(closing)).toHaveLength(1);
    expect(closedLines(closing)[0]).toMatch(/^・現在受付中の事業（プログラム）がありません。/);
    expect(times(closing, '受付を停止')).toBe(1);

    // setup again: the form is closed (by the system, for this reason): still once, and no advice to reopen it
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    const again = w.rt.ui.alerts.join('\n');
    expect(closedLines(again)).toHaveLength(1);
    expect(again).not.toContain('回答を受付中」をオンに');
    expect(times(again, '受付を停止')).toBe(1);

    // a program that starts later: the line names it, says the form is stopped once, and does not
    // ask for a program to be defined (one is)
    w.call('defineProgram', { name: '2027年度', start: '2027-01-05', end: '2027-12-31' });
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    const next = w.rt.ui.alerts.join('\n');
    expect(closedLines(next)).toHaveLength(1);
    expect(closedLines(next)[0]).toContain('「2027年度」は 2027-01-05 に始まります');
    expect(times(next, '受付を停止')).toBe(1);
    expect(next).not.toContain('「新しい事業を設定」で設定してください');
  });

  test('a claim form closed by hand while a program is open is still reported, with how to reopen it', () => {
    const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
    w.claimForm.setAcceptingResponses(false);
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    const text = w.rt.ui.alerts.join('\n');
    expect(closedLines(text)).toEqual([expect.stringContaining('申請フォームは回答を受け付けていません。受け付けるには')]);
  });
});
