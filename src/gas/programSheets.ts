/**
 * Issue 10 part B, adapter side: the look and guard rails of 相談会, 相談会申込 and 緊急支援, and the
 * consultation-session sign-up form (built by createForms; its 相談会 choices follow the sheet).
 */
import type { GasCtx } from './context';
import { openSessions, sessionTitles } from '../app/sessions';
import { ATTENDANCE, GRANT_DECISIONS, GRANT_USES, GRANTS, SESSION_STATES, SESSIONS, SETTINGS, SIGNUP_DECISIONS, SIGNUPS } from '../app/schema';
import type { Ctx } from '../app/ports';
import { PURPOSE_CHOICES, sessionChoice } from '../domain/sessions';
import { headerIndex, protectWarn } from './format';
import { makeLive } from './createForms';
import { tryOpenForm } from './forms';

function dropdown(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number | undefined, values: readonly string[], allowInvalid: boolean, help: string): void {
  if (!col) return;
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const rule = SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(allowInvalid).setHelpText(help).build();
  sheet.getRange(2, col, rows, 1).setDataValidation(rule);
}

function positiveNumber(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number | undefined, help: string): void {
  if (!col) return;
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const rule = SpreadsheetApp.newDataValidation().requireNumberGreaterThan(0).setAllowInvalid(false).setHelpText(help).build();
  sheet.getRange(2, col, rows, 1).setDataValidation(rule);
}

/** 相談会: 状態 dropdown, 定員 a number, 日時 a date. */
export function formatSessions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(SESSIONS.name);
  if (!sheet) return;
  const cols = headerIndex(sheet);
  dropdown(sheet, cols.get('状態'), SESSION_STATES, false, '状態: 受付中の相談会だけが申込フォームに表示されます');
  positiveNumber(sheet, cols.get('定員'), '定員: 1以上の数');
  const when = cols.get('日時');
  if (when) {
    const rule = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('日時: 例 2024-06-15 19:00').build();
    sheet.getRange(2, when, Math.max(1, sheet.getMaxRows() - 1), 1).setDataValidation(rule);
  }
}

/** 相談会申込: 判定 and 出欠 dropdowns; the system's columns warn before an edit. */
export function formatSignups(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(SIGNUPS.name);
  if (!sheet) return;
  const cols = headerIndex(sheet);
  dropdown(sheet, cols.get('判定'), SIGNUP_DECISIONS, false, '判定: キャンセルにすると、キャンセル待ちの方が申込順に繰り上がります');
  dropdown(sheet, cols.get('出欠'), ATTENDANCE, false, '出欠: 出席 / 欠席');
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const staff = SIGNUPS.staff.map((h) => cols.get(h)).filter((c): c is number => c !== undefined);
  protectWarn(sheet, '相談会申込: システムが書き込む列です。判定と出欠を編集してください', staff.map((c) => sheet.getRange(2, c, rows, 1)));
}

/** 緊急支援: 用途, 金額, 判定; the system's columns warn before an edit. */
export function formatGrants(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(GRANTS.name);
  if (!sheet) return;
  const cols = headerIndex(sheet);
  dropdown(sheet, cols.get('用途'), GRANT_USES, true, '用途: 一覧から選ぶか入力してください');
  positiveNumber(sheet, cols.get('金額'), '金額: 円（1以上の整数）');
  dropdown(sheet, cols.get('判定'), GRANT_DECISIONS, false, '判定: 審査待ち / 承認 / 却下（支払済は月次支払の確定で自動的に設定されます）');
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const staff = GRANTS.staff.map((h) => cols.get(h)).filter((c): c is number => c !== undefined);
  protectWarn(sheet, '緊急支援: システムが書き込む列です。用途・金額・判定・審査メモを編集してください', staff.map((c) => sheet.getRange(2, c, rows, 1)));
}

const NO_SESSION = '（受付中の相談会はありません）';
const CLOSED_MESSAGE =
  '現在受付中の相談会はありません。/ There are no consultation sessions open for sign-up at the moment. / Hiện không có buổi tư vấn nào đang nhận đăng ký.';
const CLOSED_BY_US = 'sessionForm.closedBySystem';

/** The sign-up form (SPEC §9): Japanese questions with English and Vietnamese help, published, editable. */
export function buildSessionForm(ctx: GasCtx): { session: string; sessionUrl: string } {
  const T = sessionTitles(ctx);
  const help = (en: string, vi: string) => `${en}\n${vi}`;
  const form = FormApp.create(`オンライン相談会 申込（${ctx.settings.active.name}）`);
  form.setDescription(
    '伴走ネットのオンライン相談会への参加申込です。結果をメールでお知らせします。\nSign-up for Bansou Net online consultation sessions. We will email you the result.\nĐăng ký tham gia buổi tư vấn trực tuyến của Bansou Net. Kết quả sẽ được gửi qua email.',
  );
  form.addTextItem().setTitle(T.supporterId).setHelpText(help('Your Bansou Net ID, e.g. BN-00042-7', 'ID Bansou Net của bạn, ví dụ BN-00042-7')).setRequired(true);
  form
    .addTextItem()
    .setTitle(T.email)
    .setHelpText(help('Email address (as registered)', 'Email (đã đăng ký)'))
    .setRequired(true)
    .setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
  const open = openSessions(ctx);
  form
    .addMultipleChoiceItem()
    .setTitle(T.session)
    .setHelpText(help('The session you wish to join', 'Buổi tư vấn bạn muốn tham gia'))
    .setChoiceValues(open.length > 0 ? open.map(sessionChoice) : [NO_SESSION])
    .setRequired(true);
  form
    .addMultipleChoiceItem()
    .setTitle(T.purpose)
    .setHelpText(help('Purpose: as a supporter (registered, with support experience) / training (supporters with roots abroad)', 'Mục đích: với tư cách người hỗ trợ (đã đăng ký, có kinh nghiệm) / đào tạo (người hỗ trợ có gốc nước ngoài)'))
    .setChoiceValues([PURPOSE_CHOICES.participant, PURPOSE_CHOICES.trainee])
    .setRequired(true);
  makeLive(form); // published, editing on (SPEC §8)
  if (open.length === 0) closeForm(ctx, form);
  const t = ctx.openTable(SETTINGS);
  const i = t.find('キー', '相談会フォーム');
  if (i >= 0) t.set(i, { 値: form.getId() });
  else t.append({ キー: '相談会フォーム', 値: form.getId() });
  const sessionUrl = form.getPublishedUrl();
  ctx.log('フォーム', `相談会申込フォームを作成して公開しました。回答用リンク: ${sessionUrl}（編集用: ${form.getEditUrl()}）`);
  return { session: form.getId(), sessionUrl };
}

function closeForm(ctx: Ctx, form: GoogleAppsScript.Forms.Form): void {
  form.setCustomClosedFormMessage(CLOSED_MESSAGE);
  form.setAcceptingResponses(false);
  ctx.setProp(CLOSED_BY_US, '1');
}

/**
 * The form's 相談会 choices = the 受付中 sessions of 相談会 (written only when they differ). With none
 * open the form stops taking sign-ups with a message in three languages, and opens again when one is.
 * Returns a line for the log, or null when nothing changed or there is no form.
 */
export function refreshSessionChoices(ctx: GasCtx): string | null {
  const { form } = tryOpenForm(ctx.settings.value('相談会フォーム'));
  if (!form) return null;
  const title = sessionTitles(ctx).session;
  const item = form.getItems().find((x) => x.getTitle().normalize('NFKC').trim() === title);
  if (!item) return `相談会申込フォームに設問「${title}」がありません`;
  const choiceItem = item.getType() === FormApp.ItemType.LIST ? item.asListItem() : item.asMultipleChoiceItem();
  const open = openSessions(ctx);
  const want = open.length > 0 ? open.map(sessionChoice) : [NO_SESSION];
  const have = choiceItem.getChoices().map((c) => c.getValue());
  const changed = want.length !== have.length || want.some((w, k) => w !== have[k]);
  if (changed) choiceItem.setChoiceValues(want);
  if (open.length === 0 && form.isAcceptingResponses()) closeForm(ctx, form);
  else if (open.length > 0 && !form.isAcceptingResponses() && ctx.prop(CLOSED_BY_US)) {
    form.setAcceptingResponses(true);
    ctx.setProp(CLOSED_BY_US, '');
  }
  return changed ? `相談会申込フォームの選択肢を更新しました（受付中 ${open.length}件）` : null;
}
