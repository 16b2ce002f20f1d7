/** setup, onOpen and createForms on the built bundle. */
import { readFileSync } from 'node:fs';
import { makeWorld } from './world';

describe('setup and the menu', () => {
  test('onOpen builds the 伴走ネット menu; every item names a top-level function', () => {
    const w = makeWorld();
    w.rt.open();
    const menu = w.rt.ui.menus.find((m) => m.name === '伴走ネット');
    expect(menu?.items.map((i) => i.caption)).toEqual([
      '初期設定（シート・トリガー）', 'フォームを作成', 'トリガーを引き継ぐ（このアカウントを所有者に）', '未処理の回答を取り込む', '審査待ちを再チェック', '判定を入力（審査者を記録）',
      '月次支払を作成', '支払済にする', '集計を作成', '振込不能を記録', '年間支払集計', '緊急支援を記録（選択した申請）', '書類送付リストを作成', '書類送付を確定（発送済み）', '新しい事業を設定', '毎日の処理を今すぐ実行',
    ]);
    const code = readFileSync('build/Code.js', 'utf8');
    for (const item of menu?.items ?? []) expect(code).toMatch(new RegExp(`^function ${item.functionName}\\(`, 'm'));
  });

  test('setup creates the sheets with the SPEC headers and every 設定 key; running it again changes nothing', () => {
    const w = makeWorld();
    const snapshot = () => ({
      sheets: w.ss.getSheets().map((s) => s.getName()),
      headers: w.ss.getSheets().map((s) => s.getRange(1, 1, 1, Math.max(1, s.getLastColumn())).getValues()[0].join('|')),
      settings: w.rows('設定').map((r) => `${r.キー}=${r.値}`),
      triggers: w.rt.triggers().map((t) => `${t.handler}:${t.eventType}:${t.sourceId}`).sort(),
    });
    const before = snapshot();
    expect(before.sheets).toEqual(expect.arrayContaining(['設定', '登録者', '申請', '口座', 'ログ']));
    expect(before.headers.join('\n')).toContain('申請ID|受付日時|伴走ネットID|氏名|支援日|支援時間|相談者ID|同行者ID|金額|自動チェック|判定|審査メモ|審査者|審査日時|支払ID');
    expect(before.settings.map((s) => s.split('=')[0])).toEqual(
      expect.arrayContaining(['登録フォーム', '申請フォーム', 'プログラム', '事務局メール', '支払日', '予算上限', '依頼人コード', '依頼人名', '仕向銀行コード', '仕向支店コード', '預金種目', '口座番号']),
    );
    expect(before.triggers).toEqual([
      expect.stringMatching(/^dailyMaintenance:CLOCK/),
      expect.stringMatching(/^onClaimSubmit:ON_FORM_SUBMIT/),
      expect.stringMatching(/^onRegistrationSubmit:ON_FORM_SUBMIT/),
      expect.stringMatching(/^onReviewEdit:ON_EDIT/),
    ]);
    w.call('setup');
    w.call('setup');
    expect(snapshot()).toEqual(before);
  });

  test('setup says what is missing', () => {
    const w = makeWorld();
    w.setSetting('事務局メール', '');
    w.setSetting('申請フォーム', '');
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    const text = JSON.stringify(w.rt.ui.alerts);
    expect(text).toContain('事務局メールが未設定');
    expect(text).toContain('申請フォームが未設定');
    expect(w.rt.triggers().filter((t) => t.handler === 'onClaimSubmit')).toHaveLength(0);
  });

  test('createForms builds both forms for the active program; submits through them work', () => {
    const w = makeWorld({ createForms: true });
    const titles = (f: GoogleAppsScript.Forms.Form) => f.getItems().map((i) => i.getTitle());
    expect(titles(w.regForm)).toEqual(expect.arrayContaining(['お名前', 'メールアドレス', '連絡に使う言語', '個人情報の取扱いに同意します']));
    expect(titles(w.claimForm)).toEqual(expect.arrayContaining(['伴走ネットID', '支援実施日', '支援時間（時間）', '課題の分野', '支援の内容']));
    const reg = w.rt.submit(w.regForm, {
      お名前: 'Maria Santos',
      メールアドレス: 'maria@example.org',
      電話番号: '080-2222-3333',
      '住所（覚書の郵送先）': '大阪府大阪市',
      伴走支援の経験がありますか: 'はい',
      連絡に使う言語: 'English',
      個人情報の取扱いに同意します: ['同意します'],
    });
    expect(reg.getId()).toBeTruthy();
    const id = String(w.rows('登録者')[0].伴走ネットID);
    w.rt.submit(w.claimForm, {
      伴走ネットID: id,
      お名前: 'Maria Santos',
      メールアドレス: 'maria@example.org',
      支援実施日: '2024-05-15',
      '支援時間（時間）': '2',
      この相談者についての申請は初めてですか: 'はい',
      課題の分野: ['労働', '在留資格'],
      支援の内容: ['同行', '通訳'],
    });
    expect(w.rows('申請')[0]).toMatchObject({ 金額: 8000, 自動チェック: 'OK', 課題の分野: '労働, 在留資格', 支援の内容: '同行, 通訳' });
  });
});

describe('setup keeps what staff added', () => {
  test("staff's own conditional formatting survives setup; ours is not added twice", () => {
    const w = makeWorld();
    const s = w.sheet('申請');
    const SpreadsheetApp = w.rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const mine = SpreadsheetApp.newConditionalFormatRule().whenTextContains('至急').setBackground('#ff0000').setRanges([s.getRange('A2:A100')]).build();
    s.setConditionalFormatRules([...s.getConditionalFormatRules(), mine]);
    const before = s.getConditionalFormatRules().length;
    w.call('setup');
    w.call('setup');
    expect(s.getConditionalFormatRules()).toHaveLength(before);
    expect(s.getConditionalFormatRules().some((r) => r.getBooleanCondition()?.getCriteriaValues().includes('至急'))).toBe(true);
  });
});

describe('the review sheet grows', () => {
  test('rows added past the formatted ones get the 判定 dropdown too', () => {
    const w = makeWorld();
    const a = w.supporter({ email: 'a@example.org' });
    const s = w.sheet('申請');
    s.deleteRows(3, s.getMaxRows() - 2); // a small grid: the next claims need new rows
    for (const d of ['2024-05-01', '2024-05-02']) w.claim({ id: a, email: 'a@example.org', date: d });
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    const rule = s.getRange(3, header.indexOf('判定') + 1).getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual(expect.arrayContaining(['承認', '却下']));
  });
});

describe('user text on the payout and 集計 sheets', () => {
  test('a name that looks like a formula stays text on 支払 YYYY-MM', () => {
    const w = makeWorld({ now: '2024-05-10T10:00:00+09:00' });
    const a = w.supporter({ name: '=1+1', email: 'f@example.org' });
    w.claim({ id: a, email: 'f@example.org', date: '2024-05-01' });
    const c = w.sheet('申請');
    const ch = c.getRange(1, 1, 1, c.getLastColumn()).getValues()[0];
    w.rt.editCell(c, c.getRange(2, ch.indexOf('判定') + 1).getA1Notation(), '承認');
    w.at('2024-06-03T10:00:00+09:00');
    w.call('createPayout', '2024-06');
    const sheet = w.ss.getSheetByName('支払 2024-06');
    expect(sheet?.getDataRange().getFormulas().flat().every((f) => f === '')).toBe(true);
    expect(sheet?.getDataRange().getValues().some((r) => r[1] === '=1+1')).toBe(true);
  });
});

describe('setup when a decoration fails', () => {
  test('sheets, settings and triggers are still set up; the failure is reported, not thrown', () => {
    const w = makeWorld();
    w.rt.failNext('Range.setDataValidation', 'Service error: Spreadsheets');
    w.rt.failNext('Sheet.hideColumns', 'Service error: Spreadsheets');
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    expect(JSON.stringify(w.rt.ui.alerts)).toContain('設定できませんでした（動作には影響しません）');
    expect(w.rt.triggers().filter((t) => t.handler === 'onClaimSubmit')).toHaveLength(1);
  });
});

describe('setup checks the month-end settings (issue 9)', () => {
  test('依頼人名 = 移住連 and 仕向銀行名 = 三井住友銀行 are named with the fix; the payout says it in Japanese', () => {
    const w = makeWorld({ settings: { 依頼人名: '移住連', 仕向銀行名: '三井住友銀行' } });
    w.rt.ui.alerts.length = 0;
    w.call('setup');
    const text = w.rt.ui.alerts.join('\n');
    expect(text).toContain('依頼人名「移住連」には振込ファイルに使えない文字があります');
    expect(text).toContain('仕向銀行名「三井住友銀行」には振込ファイルに使えない文字があります');
    expect(text).not.toContain('すべて設定済みです');
    // a month with something to pay: the file error is Japanese, with no developer field names
    const id = w.supporter({ email: 'a@example.org' });
    w.claim({ id, email: 'a@example.org' });
    const s = w.sheet('申請');
    const h = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    w.rt.editCell(s, s.getRange(2, h.indexOf('判定') + 1).getA1Notation(), '承認', { user: 'reviewer@smj.example' });
    const reg = w.sheet('登録者');
    const rh = reg.getRange(1, 1, 1, reg.getLastColumn()).getValues()[0];
    for (const k of ['覚書受領日', '口座届受領日']) reg.getRange(2, rh.indexOf(k) + 1).setValue(new Date('2024-01-10T00:00:00+09:00'));
    w.sheet('口座').appendRow([id, '0005', '001', '普通', '1234567', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
    const r = w.call('createPayout', '2024-06') as { fileError: string | null };
    expect(r.fileError).toContain('依頼人名「移住連」');
    expect(r.fileError).not.toMatch(/header\.|contains characters/);
  });
});
