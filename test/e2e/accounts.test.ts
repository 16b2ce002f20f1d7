/**
 * Several staff accounts and Google's own defaults (issue 8), through the triggers of the BUILT bundle:
 * one set of triggers owned by one account, a take-over, forms that accept and can be edited, a
 * payout rebuilt by another account, and honest reviewer names on consumer accounts.
 */
import { makeWorld, type World } from './world';

const OWNER = 'manager@smj.example';
const OTHER = 'staff2@smj.example';

function alerts(w: World): string {
  return w.rt.ui.dialogLog.map((d) => d.message).join('\n');
}

/** Handlers by owner: { owner: ['dailyMaintenance', …] } (sorted). */
function triggersByOwner(w: World): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of w.rt.triggers()) (out[t.owner] ??= []).push(t.handler);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

const FULL_SET = ['dailyMaintenance', 'onClaimSubmit', 'onRegistrationSubmit', 'onReviewEdit'];

function cell(w: World, row: number, header: string) {
  const s = w.sheet('申請');
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  return s.getRange(row, headers.indexOf(header) + 1);
}

describe('one set of triggers, owned by one account', () => {
  test('setup run by a second account installs nothing, says who owns them and how to hand over', () => {
    const w = makeWorld();
    expect(triggersByOwner(w)).toEqual({ [OWNER]: FULL_SET });
    w.rt.ui.dialogLog.length = 0;
    w.rt.invoke('setup', [], { user: OTHER });
    expect(triggersByOwner(w)).toEqual({ [OWNER]: FULL_SET });
    const text = alerts(w);
    expect(text).toContain(`トリガー（フォーム送信・判定の編集・毎日の処理）は ${OWNER} が所有しています`);
    expect(text).toContain('「トリガーを引き継ぐ」');
    // A response is handled once, and its mail goes out once, from the owner.
    const id = w.supporter({ email: 'once@example.org' });
    expect(w.rows('登録者').map((r) => r.伴走ネットID)).toEqual([id]);
    expect(w.rt.mail.sent.map((m) => [m.to, m.from])).toEqual([['once@example.org', OWNER]]);
  });

  test('createForms by a second account installs no second set; the owner’s daily job reports the new forms lack triggers and takes in their responses', () => {
    const w = makeWorld();
    w.rt.ui.dialogLog.length = 0;
    w.rt.invoke('createForms', [], { user: OTHER });
    expect(triggersByOwner(w)).toEqual({ [OWNER]: FULL_SET });
    expect(alerts(w)).toContain(`${OWNER} が所有しています`);
    expect(alerts(w)).toContain(`所有者（${OWNER}）が「初期設定」を実行すると設定されます`);
    // A supporter answers the new registration form: no trigger of the recorded set listens to it yet.
    const FormApp = w.rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const settings = w.rows('設定');
    const newReg = FormApp.openById(String(settings.find((r) => r.キー === '登録フォーム')?.値));
    expect(newReg.getId()).not.toBe(w.regForm.getId());
    w.rt.submit(newReg, {
      お名前: '新 フォーム',
      メールアドレス: 'newform@example.org',
      電話番号: '090-1111-2222',
      '住所（覚書の郵送先）': '東京都台東区上野1-12-6',
      伴走支援の経験がありますか: 'はい',
      連絡に使う言語: '日本語',
      個人情報の取扱いに同意します: ['同意します'],
    });
    expect(w.rows('登録者')).toEqual([]);
    w.rt.mail.sent.length = 0;
    w.at('2024-05-21T06:30:00+09:00');
    w.rt.runTimeTriggers();
    const report = w.rt.mail.sent.filter((m) => m.subject.includes('トリガーが見つかりません'));
    expect(report.map((m) => m.to)).toEqual(['office@smj.example']);
    expect(report[0].body).toContain('登録フォームの送信（onRegistrationSubmit）: 設定のフォームに対するトリガーがありません');
    expect(report[0].body).toContain('申請フォームの送信（onClaimSubmit）: 設定のフォームに対するトリガーがありません');
    expect(w.rows('登録者').map((r) => r.氏名)).toEqual(['新 フォーム']); // taken in by the daily reconcile
    // The owner runs setup: the new forms get their triggers and the next day is quiet.
    w.rt.invoke('setup', [], { user: OWNER });
    w.rt.mail.sent.length = 0;
    w.at('2024-05-22T06:30:00+09:00');
    w.rt.runTimeTriggers();
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('トリガー'))).toEqual([]);
  });

  test('a take-over installs a fresh set as the new owner; the old owner’s triggers do nothing', () => {
    const w = makeWorld();
    w.rt.ui.queueResponse({ button: 'YES' });
    w.rt.invoke('takeOverTriggers', [], { user: OTHER });
    // The old set is still there (the new owner cannot see or delete it), the new one beside it.
    expect(triggersByOwner(w)).toEqual({ [OWNER]: FULL_SET, [OTHER]: FULL_SET });
    expect(alerts(w)).toContain(`トリガーの所有者を ${OWNER} から ${OTHER} に替えます`);
    expect(alerts(w)).toContain(`トリガーの所有者: ${OTHER}`);
    expect(w.rows('ログ').some((r) => r.内容 === `トリガーを引き継ぎました: ${OWNER} → ${OTHER}`)).toBe(true);
    // Both accounts' submit triggers fire; only the recorded one acts: one row, one mail, from the new owner.
    w.rt.mail.sent.length = 0;
    const id = w.supporter({ email: 'after@example.org' });
    expect(w.rows('登録者').map((r) => r.伴走ネットID)).toEqual([id]);
    expect(w.rt.mail.sent.map((m) => [m.to, m.from])).toEqual([['after@example.org', OTHER]]);
    // The edit trigger: one decision logged once.
    w.claim({ id, email: 'after@example.org' });
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '判定').getA1Notation(), '承認', { user: 'reviewer@smj.example' });
    expect(w.rows('ログ').filter((r) => String(r.内容).startsWith('判定:'))).toHaveLength(1);
    // The daily job: both time triggers fire at 6:00, the work is done once.
    w.setSetting('事務局メール', 'office@smj.example');
    w.at('2024-05-21T06:30:00+09:00');
    expect(w.rt.runTimeTriggers().sort()).toEqual(['dailyMaintenance', 'dailyMaintenance']);
    // The old owner, running setup, removes its own leftovers and installs nothing.
    w.rt.invoke('setup', [], { user: OWNER });
    expect(triggersByOwner(w)).toEqual({ [OTHER]: FULL_SET });
    expect(alerts(w)).toContain(`${OTHER} が所有しています`);
  });

  test('a take-over that is not confirmed changes nothing', () => {
    const w = makeWorld();
    w.rt.ui.queueResponse({ button: 'NO' });
    w.rt.invoke('takeOverTriggers', [], { user: OTHER });
    expect(triggersByOwner(w)).toEqual({ [OWNER]: FULL_SET });
    w.rt.mail.sent.length = 0;
    w.supporter({ email: 'still@example.org' });
    expect(w.rt.mail.sent.map((m) => m.from)).toEqual([OWNER]);
  });

  test('the daily job reports a missing trigger to 事務局メール; with all present it says nothing', () => {
    const w = makeWorld();
    w.at('2024-05-21T06:30:00+09:00');
    w.rt.runTimeTriggers();
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('トリガー'))).toEqual([]);
    // Someone deletes the claim form's trigger in the editor (as the owner, who alone can see it).
    const ScriptApp = w.rt.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const gone = ScriptApp.getProjectTriggers().find((t) => t.getHandlerFunction() === 'onClaimSubmit');
    ScriptApp.deleteTrigger(gone as GoogleAppsScript.Script.Trigger);
    w.at('2024-05-22T06:30:00+09:00');
    expect(w.rt.runTimeTriggers()).toEqual(['dailyMaintenance']);
    const mails = w.rt.mail.sent.filter((m) => m.subject.includes('トリガーが見つかりません'));
    expect(mails.map((m) => m.to)).toEqual(['office@smj.example']);
    expect(mails[0].body).toContain('申請フォームの送信（onClaimSubmit）');
    expect(mails[0].body).not.toContain('onRegistrationSubmit');
    expect(mails[0].body).toContain(`トリガーの所有者（${OWNER}）`);
    // setup by the owner puts it back, and the next day is quiet again.
    w.call('setup');
    w.rt.mail.sent.length = 0;
    w.at('2024-05-23T06:30:00+09:00');
    w.rt.runTimeTriggers();
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('トリガー'))).toEqual([]);
  });
});

describe('forms that accept responses and can be edited', () => {
  test('createForms after 2026-06-30 publishes both forms, turns editing on, and reports the respondent links', () => {
    const w = makeWorld({ now: '2026-08-03T10:00:00+09:00', createForms: true });
    for (const form of [w.regForm, w.claimForm]) {
      expect(form.isPublished()).toBe(true);
      expect(form.canEditResponse()).toBe(true);
    }
    expect(w.regForm.isAcceptingResponses()).toBe(true);
    // On 2026-08-03 no program is open (new-migrant-era-2023 ended 2026-02-28): claims wait for the next one.
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    const text = alerts(w);
    expect(text).toContain(`登録フォーム: ${w.regForm.getPublishedUrl()}`);
    expect(text).toContain(`申請フォーム: ${w.claimForm.getPublishedUrl()}`);
    expect(w.regForm.getPublishedUrl()).toMatch(/\/forms\/d\/e\/.+\/viewform$/);
    // And a supporter can actually answer it.
    const id = w.supporter({ email: 'new@example.org' });
    expect(id).toMatch(/^BN-/);
  });

  test('setup publishes a mapped form left unpublished and turns editing on, saying so', () => {
    const w = makeWorld();
    w.claimForm.setPublished(false);
    w.claimForm.setAllowResponseEdits(false);
    w.rt.ui.dialogLog.length = 0;
    w.call('setup');
    expect(w.claimForm.isPublished()).toBe(true);
    expect(w.claimForm.canEditResponse()).toBe(true);
    const text = alerts(w);
    expect(text).toContain('申請フォーム: 公開しました');
    expect(text).toContain('申請フォーム: 送信後の回答の編集を許可しました');
    expect(text).not.toContain('登録フォーム: ');
  });

  test('a mapped form that does not accept responses is reported, not reopened', () => {
    const w = makeWorld();
    w.claimForm.setAcceptingResponses(false);
    w.rt.ui.dialogLog.length = 0;
    w.call('setup');
    expect(w.claimForm.isAcceptingResponses()).toBe(false);
    expect(alerts(w)).toContain('申請フォームは回答を受け付けていません');
  });

  test('差戻し on a form where editing is off carries no edit link: it says to reply, in the supporter’s language', () => {
    for (const [language, expected] of [
      ['日本語', 'このメールに返信して、訂正・追加の内容をお知らせください'],
      ['English', 'Please reply to this email by 27 May 2024 (that day included) with the corrections'],
      ['Tiếng Việt', 'Vui lòng trả lời email này chậm nhất trong ngày 27/05/2024'],
    ] as const) {
      const w = makeWorld();
      const id = w.supporter({ email: 'jane@example.org', language });
      const response = w.claim({ id, email: 'jane@example.org' });
      w.claimForm.setAllowResponseEdits(false); // turned off after setup
      w.rt.mail.sent.length = 0;
      cell(w, 2, '審査メモ').setValue('領収書の日付を確認してください');
      w.rt.editCell(w.sheet('申請'), cell(w, 2, '判定').getA1Notation(), '差戻し', { user: 'reviewer@smj.example' });
      const [mail] = w.rt.mail.sent;
      expect(mail.body).toContain(expected);
      expect(mail.body).not.toContain(response.getEditResponseUrl());
      expect(mail.body).not.toContain('docs.google.com/forms');
    }
  });

  test('the receipt on a form where editing is off carries no edit link and says to reply; with editing on it carries the link', () => {
    const w = makeWorld();
    const id = w.supporter({ email: 'jane@example.org' });
    w.claimForm.setAllowResponseEdits(false);
    w.rt.mail.sent.length = 0;
    const off = w.claim({ id, email: 'jane@example.org', date: '2024-05-10' });
    expect(w.rt.mail.sent[0].body).toContain('内容を修正するときは、このメールに返信して、正しい内容をお知らせください。');
    expect(w.rt.mail.sent[0].body).not.toContain(off.getEditResponseUrl());
    w.claimForm.setAllowResponseEdits(true);
    w.rt.mail.sent.length = 0;
    const on = w.claim({ id, email: 'jane@example.org', date: '2024-05-11' });
    expect(w.rt.mail.sent[0].body).toContain(`次のリンクから回答を編集してください:\n${on.getEditResponseUrl()}`);
  });

  test('with editing on, the same 差戻し carries the edit link', () => {
    const w = makeWorld();
    const id = w.supporter({ email: 'jane@example.org' });
    const response = w.claim({ id, email: 'jane@example.org' });
    w.rt.mail.sent.length = 0;
    cell(w, 2, '審査メモ').setValue('日付を確認してください');
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '判定').getA1Notation(), '差戻し', { user: 'reviewer@smj.example' });
    expect(w.rt.mail.sent[0].body).toContain(response.getEditResponseUrl());
  });
});

describe('a payout rebuilt by another staff member', () => {
  function payoutWorld() {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    const id = w.supporter({ name: '山田 太郎', email: 'taro@example.org' });
    const s = w.sheet('登録者');
    const values = s.getDataRange().getValues();
    const r = values.findIndex((x) => x[0] === id) + 1;
    for (const h of ['覚書受領日', '口座届受領日']) s.getRange(r, values[0].indexOf(h) + 1).setValue(new Date('2023-08-01T00:00:00+09:00'));
    w.sheet('口座').appendRow([id, '0005', '001', '普通', '0012345', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
    w.claim({ id, email: 'taro@example.org', date: '2024-05-01', hours: '2' });
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '判定').getA1Notation(), '承認', { user: 'reviewer@smj.example' });
    w.at('2024-06-01T09:00:00+09:00');
    return w;
  }
  const linked = (w: World) =>
    w
      .sheet('支払 2024-06')
      .getDataRange()
      .getValues()
      .filter((r) => r[0] === '振込ファイル' || r[0] === '会計用CSV')
      .map((r) => String(r[1]));

  const folderSetting = (w: World) => String(w.rows('設定').find((r) => r.キー === '支払フォルダ')?.値 ?? '');

  test('in the shared folder: succeeds; the draft it may not trash is marked 【旧・使用しない】 and the sheet links the new files', () => {
    const w = payoutWorld();
    w.call('createPayout', '2024-06');
    // The folder the first build created is recorded in 設定, and the office shares it with staff.
    const folderId = folderSetting(w);
    expect(folderId).not.toBe('');
    const DriveApp = w.rt.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
    DriveApp.getFolderById(folderId).addEditor(OTHER);
    const first = w.rt.drive.files().map((f) => f.id);
    expect(w.rt.drive.files().map((f) => f.name).sort()).toEqual(['総合振込_2024-06.txt', '支払一覧_2024-06.csv'].sort());
    // Another staff member rebuilds the month: Drive lets only the owner trash the old draft.
    w.rt.mail.sent.length = 0;
    const r = w.rt.invoke('createPayout', ['2024-06'], { user: OTHER }) as { transferUrl: string; csvUrl: string; fileError: string | null };
    expect(r.fileError).toBeNull();
    const files = w.rt.drive.files();
    expect(files.map((f) => f.name).sort()).toEqual(
      ['【旧・使用しない】総合振込_2024-06.txt', '【旧・使用しない】支払一覧_2024-06.csv', '総合振込_2024-06.txt', '支払一覧_2024-06.csv'].sort(),
    );
    expect(files.every((f) => f.folderId === folderId)).toBe(true);
    const current = files.filter((f) => !f.name.startsWith('【旧'));
    expect(current.every((f) => !first.includes(f.id))).toBe(true);
    const links = linked(w);
    expect(links).toHaveLength(2);
    for (const f of current) expect(links.some((l) => l.includes(f.id))).toBe(true);
    for (const id of first) expect(links.some((l) => l.includes(id))).toBe(false);
    expect([r.transferUrl, r.csvUrl].every((u) => current.some((f) => u.includes(f.id)))).toBe(true);
    expect(w.rt.mail.sent.filter((m) => m.subject.includes('月次支払のファイル'))).toEqual([]);
    // The owner rebuilding again: staff2's drafts cannot be trashed by the owner either, so they are marked.
    w.call('createPayout', '2024-06');
    const names = w.rt.drive.files().map((f) => f.name);
    expect(names.filter((n) => !n.startsWith('【旧'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('【旧'))).toHaveLength(4);
  });

  test('支払済にする run by another staff member: the notices wait for the office account, and go out from it at the next edit', () => {
    const w = payoutWorld();
    const owner = w.rt.triggers()[0].owner;
    expect(owner).not.toBe(OTHER);
    w.call('createPayout', '2024-06');
    w.rt.mail.sent.length = 0;
    w.rt.ui.dialogLog.length = 0;
    w.rt.invoke('markPayoutPaid', ['2024-06'], { user: OTHER });
    expect(w.rows('申請')[0].判定).toBe('支払済');
    // Nothing went out from staff2's own account: the notice waits for the owner's.
    expect(w.rt.mail.sent).toEqual([]);
    expect(w.rows('メール送信待ち').map((r) => [r.宛先, r.状態])).toEqual([['taro@example.org', '送信待ち']]);
    expect(alerts(w)).toContain(`メールは事務局のアカウント（${owner}）から送るため、メール送信待ちに入れました`);
    // The next edit of the spreadsheet fires the owner's trigger, which sends it, once.
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '審査メモ').getA1Notation(), '振込済', { user: OTHER });
    expect(w.rt.mail.sent.map((m) => [m.to, m.from])).toEqual([['taro@example.org', owner]]);
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '審査メモ').getA1Notation(), '振込済（確認）', { user: OTHER });
    expect(w.rt.mail.sent).toHaveLength(1);
  });

  test('未処理の回答を取り込む run by another staff member: the receipts wait for the office account; run by the owner they go at once', () => {
    const w = payoutWorld();
    const owner = w.rt.triggers()[0].owner;
    const id = String(w.rows('登録者')[0].伴走ネットID);
    // A response the trigger missed (received while it was away).
    w.rt.submit(w.claimForm, { 伴走ネットID: id, お名前: '山田 太郎', メールアドレス: 'taro@example.org', 支援実施日: '2024-05-20', '支援時間（時間）': '2', この相談者についての申請は初めてですか: 'はい' }, { silent: true });
    w.rt.mail.sent.length = 0;
    w.rt.invoke('reconcile', [], { user: OTHER });
    expect(w.rows('申請')).toHaveLength(2);
    expect(w.rt.mail.sent).toEqual([]);
    expect(w.rows('メール送信待ち').map((r) => [r.宛先, r.状態])).toEqual([['taro@example.org', '送信待ち']]);
    // The daily job (the owner's) sends it.
    w.at('2024-06-02T06:30:00+09:00');
    w.rt.runTimeTriggers();
    expect(w.rt.mail.sent.filter((m) => m.to === 'taro@example.org').map((m) => m.from)).toEqual([owner]);
    // The owner running it sends at once.
    w.rt.submit(w.claimForm, { 伴走ネットID: id, お名前: '山田 太郎', メールアドレス: 'taro@example.org', 支援実施日: '2024-05-21', '支援時間（時間）': '2', この相談者についての申請は初めてですか: 'はい' }, { silent: true });
    w.rt.mail.sent.length = 0;
    w.rt.invoke('reconcile', [], { user: owner });
    expect(w.rt.mail.sent.map((m) => [m.to, m.from])).toEqual([['taro@example.org', owner]]);
  });

  // ---- 12e review: in a colleague's run, the office's own notice goes at once, the supporter's waits ----
  test('未処理の回答を取り込む by another staff member, for a claim asking urgent help: the office hears at once, the receipt waits', () => {
    const w = payoutWorld();
    const owner = w.rt.triggers()[0].owner;
    const id = String(w.rows('登録者')[0].伴走ネットID);
    w.rt.submit(w.claimForm, { 伴走ネットID: id, お名前: '山田 太郎', メールアドレス: 'taro@example.org', 支援実施日: '2024-05-20', '支援時間（時間）': '2', この相談者についての申請は初めてですか: 'はい', 緊急支援が必要ですか: 'はい' }, { silent: true });
    w.rt.mail.sent.length = 0;
    w.rt.invoke('reconcile', [], { user: OTHER });
    expect(w.rt.mail.sent.map((m) => [m.to, m.from])).toEqual([['office@smj.example', OTHER]]);
    expect(w.rt.mail.sent[0].subject).toContain('緊急支援が必要');
    expect(w.rows('メール送信待ち').map((r) => [r.宛先, r.状態])).toEqual([['taro@example.org', '送信待ち']]);
    // the owner's next run sends the receipt, and the alert is not sent twice
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '審査メモ').getA1Notation(), '確認中', { user: OTHER });
    expect(w.rt.mail.sent.map((m) => [m.to, m.from])).toEqual([
      ['office@smj.example', OTHER],
      ['taro@example.org', owner],
    ]);
  });

  test('in a folder not shared with them: still succeeds in their own Drive, and the office is told the old draft is stale', () => {
    const w = payoutWorld();
    w.call('createPayout', '2024-06');
    const ownerFiles = w.rt.drive.files();
    w.rt.mail.sent.length = 0;
    const r = w.rt.invoke('createPayout', ['2024-06'], { user: OTHER }) as { transferUrl: string; fileError: string | null };
    expect(r.fileError).toContain('支払フォルダ（設定: ');
    expect(r.fileError).toContain('をこのアカウントでは開けません');
    const theirs = w.rt.drive.files().filter((f) => !ownerFiles.some((o) => o.id === f.id));
    expect(theirs.map((f) => f.name).sort()).toEqual(['総合振込_2024-06.txt', '支払一覧_2024-06.csv'].sort());
    expect(theirs.every((f) => f.folderId !== ownerFiles[0].folderId)).toBe(true);
    for (const f of theirs) expect(linked(w).some((l) => l.includes(f.id))).toBe(true);
    const office = w.rt.mail.sent.filter((m) => m.subject.includes('月次支払のファイル'));
    expect(office.map((m) => m.to)).toEqual(['office@smj.example', 'office@smj.example']);
    expect(office.map((m) => m.body).join('\n')).toContain('前に作成した 2024-06 の振込ファイル・CSV（2件）はこのアカウントから開けないため');
    // The owner's next build puts its own stale drafts away (trash) and links only the newest files.
    w.call('createPayout', '2024-06');
    const visible = w.rt.drive.files().filter((f) => ownerFiles.some((o) => o.id === f.id));
    expect(visible).toEqual([]); // the first drafts are in the trash
  });

  test('rebuilt by the owner, the old draft goes to the trash (nothing marked)', () => {
    const w = payoutWorld();
    w.call('createPayout', '2024-06');
    w.call('createPayout', '2024-06');
    expect(w.rt.drive.files().map((f) => f.name).sort()).toEqual(['総合振込_2024-06.txt', '支払一覧_2024-06.csv'].sort());
  });
});

describe('honest reviewer names on consumer (gmail.com) accounts', () => {
  function consumerWorld() {
    const w = makeWorld({ accountKind: 'consumer' });
    const id = w.supporter({ name: 'Jane Doe', email: 'jane@example.org', language: 'English' });
    w.claim({ id, email: 'jane@example.org', date: '2024-05-10', hours: '2' });
    w.claim({ id, email: 'jane@example.org', date: '2024-05-11', hours: '1' });
    w.rt.mail.sent.length = 0;
    return w;
  }
  const decisionLog = (w: World) => w.rows('ログ').filter((r) => String(r.内容).startsWith('判定:')).map((r) => [r.操作者, r.内容]);

  test('an edit by a colleague (not the trigger owner) is recorded as 不明, never under another name', () => {
    const w = consumerWorld();
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '判定').getA1Notation(), '承認', { user: 'reviewer@gmail.com' });
    expect(w.rows('申請')[0]).toMatchObject({ 判定: '承認', 記録済み判定: '承認', 審査者: '不明' });
    expect(decisionLog(w)).toEqual([['不明', '判定: 審査待ち → 承認']]);
  });

  test('an edit by the trigger owner is named', () => {
    const w = consumerWorld();
    w.rt.editCell(w.sheet('申請'), cell(w, 2, '判定').getA1Notation(), '承認', { user: OWNER });
    expect(w.rows('申請')[0]).toMatchObject({ 審査者: OWNER });
  });

  test('the sidebar records the reviewer who clicks, through the same review (mail and log)', () => {
    const w = consumerWorld();
    w.rt.setActiveUser('reviewer@gmail.com');
    w.rt.open();
    w.call('openReviewSidebar');
    const sidebar = w.rt.ui.dialogs.find((d) => d.kind === 'sidebar');
    expect(sidebar?.title).toBe('判定を入力');
    expect(sidebar?.html).toContain('applyReviewFromSidebar');
    // The reviewer selects both claim rows and loads them.
    w.rt.select(w.sheet('申請'), 'B2:C3');
    const sel = w.call('reviewSidebarSelection') as { reviewer: string; claims: { claimId: string; decision: string; supportDate: string; amount: number }[] };
    expect(sel.reviewer).toBe('reviewer@gmail.com');
    const ids = w.rows('申請').map((r) => String(r.申請ID));
    expect(sel.claims.map((c) => [c.claimId, c.decision, c.supportDate, c.amount])).toEqual([
      // 2 hours reaches the 2-hour tier (8,000円); 1 hour is under it (4,000円)
      [ids[0], '審査待ち', '2024-05-10', 8000],
      [ids[1], '審査待ち', '2024-05-11', 4000],
    ]);
    // 差戻し with a memo on the first one: the 差戻し mail goes out as for an edit, recorded under the reviewer.
    w.call('applyReviewFromSidebar', { claimIds: [ids[0]], decision: '差戻し', memo: 'Please check the date' });
    const rows = w.rows('申請');
    expect(rows[0]).toMatchObject({ 判定: '差戻し', 記録済み判定: '差戻し', 審査メモ: 'Please check the date', 審査者: 'reviewer@gmail.com' });
    expect(rows[1]).toMatchObject({ 判定: '審査待ち', 審査者: '' });
    expect(decisionLog(w)).toEqual([['reviewer@gmail.com', '判定: 審査待ち → 差戻し（メモ: Please check the date）']]);
    // The call ran as the reviewer: the mail is not sent from the reviewer's personal account, it waits
    // for the triggers' owner. The next edit of the sheet (by anyone) fires the owner's trigger, which sends it.
    expect(w.rt.mail.sent).toEqual([]);
    expect(w.rows('メール送信待ち').map((r) => [r.宛先, r.状態])).toEqual([['jane@example.org', '送信待ち']]);
    w.rt.editCell(w.sheet('申請'), cell(w, 3, '審査メモ').getA1Notation(), 'looking at it', { user: 'reviewer@gmail.com' });
    expect(w.rt.mail.sent.map((m) => [m.to, m.from, m.replyTo])).toEqual([['jane@example.org', OWNER, 'office@smj.example']]);
    expect(w.rt.mail.sent[0].body).toContain('Please check the date');
    expect(w.rows('メール送信待ち').map((r) => r.状態)).toEqual(['送信済']);
    // Further edits send nothing again.
    w.rt.editCell(w.sheet('申請'), cell(w, 3, '審査メモ').getA1Notation(), 'still looking', { user: 'reviewer@gmail.com' });
    expect(w.rt.mail.sent).toHaveLength(1);
    // Approving the second: no mail, named.
    w.call('applyReviewFromSidebar', { claimIds: [ids[1]], decision: '承認' });
    expect(w.rows('申請')[1]).toMatchObject({ 判定: '承認', 審査者: 'reviewer@gmail.com' });
  });

  test('the sidebar used by the triggers’ owner sends at once; held mail also goes with the daily job', () => {
    const w = consumerWorld();
    const ids = w.rows('申請').map((r) => String(r.申請ID));
    w.call('applyReviewFromSidebar', { claimIds: [ids[0]], decision: '却下', memo: 'Outside the program' });
    expect(w.rt.mail.sent.map((m) => [m.to, m.from])).toEqual([['jane@example.org', OWNER]]);
    w.rt.mail.sent.length = 0;
    w.rt.invoke('applyReviewFromSidebar', [{ claimIds: [ids[1]], decision: '差戻し', memo: 'Which date?' }], { user: 'reviewer@gmail.com' });
    expect(w.rt.mail.sent).toEqual([]);
    w.at('2024-05-21T06:30:00+09:00');
    w.rt.runTimeTriggers();
    expect(w.rt.mail.sent.filter((m) => m.to === 'jane@example.org').map((m) => m.from)).toEqual([OWNER]);
  });

  test('the sidebar reads only the claims it decides, whatever the size of 申請', () => {
    const cellsRead = (extra: number) => {
      const w = consumerWorld();
      const s = w.sheet('申請');
      const width = s.getLastColumn();
      if (extra > 0) {
        s.insertRowsAfter(s.getMaxRows(), extra);
        const filler = Array.from({ length: extra }, (_, k) => [`C-9${String(k).padStart(4, '0')}-0`, ...new Array(width - 1).fill('')]);
        s.getRange(s.getLastRow() + 1, 1, extra, width).setValues(filler);
      }
      const id = String(w.rows('申請')[0].申請ID);
      const before = w.rt.cost.cellsRead();
      w.call('applyReviewFromSidebar', { claimIds: [id], decision: '承認' });
      const read = w.rt.cost.cellsRead() - before;
      expect(w.rows('申請')[0]).toMatchObject({ 判定: '承認' });
      return read;
    };
    expect(cellsRead(2000)).toBe(cellsRead(0));
  });

  test('the sidebar refuses 支払済 and unknown claims, and changes nothing', () => {
    const w = consumerWorld();
    const ids = w.rows('申請').map((r) => String(r.申請ID));
    expect(() => w.call('applyReviewFromSidebar', { claimIds: [ids[0]], decision: '支払済' })).toThrow('判定「支払済」は選べません');
    expect(() => w.call('applyReviewFromSidebar', { claimIds: ['C-99999-9'], decision: '承認' })).toThrow('申請 C-99999-9 が見つかりません');
    expect(w.rows('申請').map((r) => r.判定)).toEqual(['審査待ち', '審査待ち']);
  });

  test('the sidebar on another sheet, or without a selection, lists nothing and says why', () => {
    const w = consumerWorld();
    w.rt.select(w.sheet('登録者'), 'A2');
    expect(w.call('reviewSidebarSelection')).toMatchObject({ claims: [], message: '申請シートで、判定する行を選んでください。' });
    w.rt.select(w.sheet('申請'), 'A1');
    expect(w.call('reviewSidebarSelection')).toMatchObject({ claims: [], message: '申請シートで、判定する行（2行目以降）を選んでください。' });
  });
});
