/**
 * setup: sheets with the SPEC headers, 設定 keys with defaults and 説明, validation, protection,
 * formatting and triggers. Safe to run again: it only adds what is missing.
 */
import type { SheetSchema } from '../app/schema';
import { CORE_SHEETS, COURSE_ANSWERS, LOG, OUTBOX, PROGRAM_SHEETS_10B, RESPONSES, SETTINGS } from '../app/schema';
import { parseSettings, SETTING_DEFS, transferSettingProblems } from '../app/settings';
import { NO_PROGRAM_CLOSED_KEY } from '../app/lifecycle';
import { GasCtx, rememberSpreadsheet, scriptProperties } from './context';
import { formatGrants, formatSessions, formatSignups, refreshSessionChoices } from './programSheets';
import { tryOpenForm } from './forms';
import { formatAccounts, formatClaims, formatSupporters, headerIndex, protectWarn } from './format';
import { normHeader } from './table';
import { notOwnerMessage, readTriggerRecord, runningAccount, TRIGGER_LABELS, writeTriggerRecord } from './triggers';

export interface SetupReport {
  created: string[];
  addedHeaders: string[];
  addedKeys: number;
  triggers: string[];
  problems: string[];
  /** what setup changed on the mapped forms (published, editing turned on) */
  forms: string[];
  /** who owns the triggers after this run; takenOverFrom: the previous owner when this run took over */
  triggerOwner: string;
  takenOverFrom?: string;
}

/** `takeOver`: this account becomes the owner of the triggers (menu トリガーを引き継ぐ). */
export function runSetup(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, opts: { takeOver?: boolean } = {}): SetupReport {
  const report: SetupReport = { created: [], addedHeaders: [], addedKeys: 0, triggers: [], problems: [], forms: [], triggerOwner: '' };
  if (ss.getSpreadsheetTimeZone() !== 'Asia/Tokyo') ss.setSpreadsheetTimeZone('Asia/Tokyo');
  rememberSpreadsheet(ss);

  for (const schema of CORE_SHEETS) ensureSheet(ss, schema, report);
  for (const schema of PROGRAM_SHEETS_10B) ensureSheet(ss, schema, report);
  removeEmptyDefaultSheet(ss);
  writeSettingKeys(ss, report);
  // Looks and guard rails help staff but the product works without them: a failure is reported,
  // and the sheets, settings and triggers below are still set up.
  soft(report, '申請の書式・入力規則', () => formatClaims(ss));
  soft(report, '登録者の入力規則', () => formatSupporters(ss));
  soft(report, '口座の入力規則', () => formatAccounts(ss));
  soft(report, '相談会の入力規則', () => formatSessions(ss));
  soft(report, '相談会申込の入力規則', () => formatSignups(ss));
  soft(report, '緊急支援の入力規則', () => formatGrants(ss));
  for (const s of [LOG, RESPONSES, OUTBOX, COURSE_ANSWERS]) soft(report, `${s.name}の保護`, () => protectWarn(ss.getSheetByName(s.name), `${s.name}はシステムが書き込みます`));

  const settings = readSettings(ss);
  report.problems.push(...settings.errors);
  checkForms(settings.registrationForm, settings.claimForm, report, settings.value('相談会フォーム'), settings.courseForm);
  ensureTriggers(ss, settings.registrationForm, settings.claimForm, settings.value('相談会フォーム'), settings.courseForm, report, opts.takeOver === true);
  soft(report, '相談会申込フォームの選択肢', () => refreshChoicesNow(ss));
  if (settings.officeEmails.length === 0) report.problems.push('事務局メールが未設定です（エラーや報告の送り先）');
  // Every value the month end needs, checked as the transfer file will use it (issue 9).
  report.problems.push(...transferSettingProblems((key) => settings.value(key)));
  return report;
}

function soft(report: SetupReport, what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    report.problems.push(`${what}を設定できませんでした（動作には影響しません）: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A new spreadsheet's empty シート1 / Sheet1 is noise next to ours; anything with content stays. */
function removeEmptyDefaultSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  for (const name of ['シート1', 'Sheet1']) {
    const sheet = ss.getSheetByName(name);
    if (sheet && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && ss.getSheets().length > 1) ss.deleteSheet(sheet);
  }
}

function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const sheet = ss.getSheetByName(SETTINGS.name);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const k = header.indexOf('キー');
  const v = header.indexOf('値');
  return parseSettings(values.slice(1).map((r) => [r[k], r[v]] as [unknown, unknown]));
}

function ensureSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, schema: SheetSchema, report: SetupReport): void {
  let sheet = ss.getSheetByName(schema.name);
  if (!sheet) {
    sheet = ss.insertSheet(schema.name);
    report.created.push(schema.name);
  }
  const lastCol = sheet.getLastColumn();
  const existing = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0].map(normHeader) : [];
  const missing = schema.headers.filter((h) => !existing.includes(normHeader(h)));
  if (missing.length > 0) {
    const start = existing.length === 0 || existing.every((h) => h === '') ? 1 : lastCol + 1;
    if (start + missing.length - 1 > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), start + missing.length - 1 - sheet.getMaxColumns());
    }
    sheet.getRange(1, start, 1, missing.length).setValues([missing]);
    if (existing.length > 0) report.addedHeaders.push(...missing.map((h) => `${schema.name}:${h}`));
  }
  const header = [...(existing.length === 0 || existing.every((h) => h === '') ? [] : existing), ...missing].map(normHeader);
  const decorate = (what: string, fn: () => void) => soft(report, `${schema.name}の${what}`, fn);
  let maxRows = sheet.getMaxRows();
  decorate('見出し行', () => {
    // Sheets cannot freeze every row of a grid ("You can't freeze all visible rows on the sheet."):
    // a sheet staff trimmed to its header row gets one row back under it.
    if (maxRows < 2) {
      sheet.insertRowsAfter(1, 1);
      maxRows = 2;
    }
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, header.length).setFontWeight('bold').setBackground('#e8eaed');
  });
  for (const [h, kind] of Object.entries(schema.dates ?? {})) {
    const c = header.indexOf(normHeader(h));
    if (c >= 0 && maxRows > 1) decorate(`${h}の表示形式`, () => sheet.getRange(2, c + 1, maxRows - 1, 1).setNumberFormat(kind === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm'));
  }
  for (const h of schema.text ?? []) {
    const c = header.indexOf(normHeader(h));
    if (c >= 0 && maxRows > 1) sheet.getRange(2, c + 1, maxRows - 1, 1).setNumberFormat('@');
  }
  for (const h of schema.hidden ?? []) {
    const c = header.indexOf(normHeader(h));
    if (c >= 0) decorate(`${h}列の非表示`, () => sheet.hideColumns(c + 1));
  }
}

function writeSettingKeys(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: SetupReport): void {
  const sheet = ss.getSheetByName(SETTINGS.name);
  if (!sheet) return;
  const cols = headerIndex(sheet);
  const values = sheet.getDataRange().getValues();
  const keyCol = (cols.get('キー') ?? 1) - 1;
  const have = new Set(values.slice(1).map((r) => String(r[keyCol]).normalize('NFKC').trim()));
  const width = values[0].length;
  const rows = SETTING_DEFS.filter((d) => !have.has(d.key.normalize('NFKC').trim())).map((d) => {
    const row = new Array(width).fill('');
    row[keyCol] = d.key;
    row[(cols.get('値') ?? 2) - 1] = d.default;
    row[(cols.get('説明') ?? 3) - 1] = d.description;
    return row;
  });
  if (rows.length === 0) return;
  let last = values.length;
  while (last > 1 && values[last - 1].every((c) => c === '')) last--;
  const need = last + rows.length;
  if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  // Values are text: a form ID or a default like 10 must stay as typed.
  const range = sheet.getRange(last + 1, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(rows);
  report.addedKeys = rows.length;
}

/**
 * One trigger per handler and source; a trigger for a form no longer configured is removed. Only the
 * recorded owner installs (or the account taking over); another account removes its own leftovers of
 * these handlers and is told who owns them.
 */
function ensureTriggers(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  registrationForm: string,
  claimForm: string,
  sessionForm: string,
  courseForm: string,
  report: SetupReport,
  takeOver: boolean,
): void {
  const record = readTriggerRecord();
  const me = runningAccount();
  const triggers = ScriptApp.getProjectTriggers();
  if (record.owner && record.owner !== me && !takeOver) {
    report.triggerOwner = record.owner;
    let removed = 0;
    for (const t of triggers) {
      if (t.getHandlerFunction() in TRIGGER_LABELS) {
        ScriptApp.deleteTrigger(t);
        removed++;
      }
    }
    if (removed > 0) report.triggers.push(`このアカウントに残っていた古いトリガー ${removed}件を削除しました`);
    report.problems.push(notOwnerMessage(record.owner, me));
    return;
  }
  if (takeOver && record.owner && record.owner !== me) report.takenOverFrom = record.owner;
  const want: { handler: string; sourceId: string | null; make: () => GoogleAppsScript.Script.Trigger | null; label: string }[] = [];
  for (const [handler, idOrUrl, label] of [
    ['onRegistrationSubmit', registrationForm, '登録フォーム'],
    ['onClaimSubmit', claimForm, '申請フォーム'],
    ['onCourseSubmit', courseForm, '講座アンケートフォーム'], // issue 10a
    ['onSessionSubmit', sessionForm, '相談会フォーム'],
  ] as const) {
    const { form, error } = tryOpenForm(idOrUrl);
    if (!form) {
      report.problems.push(error === '未設定' ? `${label}が未設定です（設定シート、または「フォームを作成」）` : `${label}を開けません: ${error}`);
      want.push({ handler, sourceId: null, make: () => null, label });
      continue;
    }
    want.push({ handler, sourceId: form.getId(), make: () => ScriptApp.newTrigger(handler).forForm(form).onFormSubmit().create(), label });
  }
  want.push({ handler: 'onReviewEdit', sourceId: ss.getId(), make: () => ScriptApp.newTrigger('onReviewEdit').forSpreadsheet(ss).onEdit().create(), label: '編集' });
  want.push({
    handler: 'dailyMaintenance',
    sourceId: null,
    make: () => ScriptApp.newTrigger('dailyMaintenance').timeBased().everyDays(1).atHour(6).inTimezone('Asia/Tokyo').create(),
    label: '毎日の処理',
  });
  const ids: Record<string, string> = {};
  for (const w of want) {
    const mine = triggers.filter((t) => t.getHandlerFunction() === w.handler);
    const daily = w.handler === 'dailyMaintenance';
    const keep = daily || w.sourceId !== null ? mine.find((t) => daily || t.getTriggerSourceId() === w.sourceId) : undefined;
    for (const t of mine) if (t !== keep) ScriptApp.deleteTrigger(t);
    const made = keep ?? w.make();
    if (!keep && made) report.triggers.push(`${w.label}のトリガー（${w.handler}）を設定しました`);
    if (made) ids[w.handler] = made.getUniqueId();
  }
  // Recorded: handlers ignore any other trigger, and the daily job checks these still exist.
  writeTriggerRecord({ owner: me, ids });
  report.triggerOwner = me;
}

/**
 * Each mapped form must be published, accept responses and let respondents edit (差戻し sends the
 * edit link). Publishing and editing are set here; a form that does not accept responses is reported,
 * not reopened (the office may have closed it on purpose, e.g. at the end of a program).
 */
function checkForms(registrationForm: string, claimForm: string, report: SetupReport, sessionForm = '', courseForm = ''): void {
  for (const [idOrUrl, label] of [
    [registrationForm, '登録フォーム'],
    [claimForm, '申請フォーム'],
    [sessionForm, '相談会フォーム'],
    [courseForm, '講座アンケートフォーム'], // issue 10a
  ] as const) {
    const { form } = tryOpenForm(idOrUrl);
    if (!form) continue; // reported by ensureTriggers
    const fix = (what: string, fn: () => void, manual: string) => {
      try {
        fn();
        report.forms.push(`${label}: ${what}`);
      } catch (e) {
        report.problems.push(`${label}: ${manual}（自動では設定できませんでした: ${e instanceof Error ? e.message : String(e)}）`);
      }
    };
    let published = true;
    try {
      published = !form.supportsAdvancedResponderPermissions() || form.isPublished();
    } catch {
      published = true; // a legacy form has no publish state: it is live when it accepts responses
    }
    if (!published) {
      fix('公開しました（未公開のままでは誰も回答できません）', () => form.setPublished(true), 'フォームが公開されていません。フォームの編集画面右上の「公開」を押してください');
    } else if (!form.isAcceptingResponses() && label !== '相談会フォーム' && !(label === '申請フォーム' && closedForNoProgram())) {
      // (The sign-up form is opened and closed with the sessions in 相談会: not a problem. Nor is the
      // claim form the system closed because no program is open: setup's program line says so, once.)
      report.problems.push(`${label}は回答を受け付けていません。受け付けるには、フォームの「回答」タブで「回答を受付中」をオンにしてください（募集を締め切った場合はそのままで構いません）`);
    }
    if (!form.canEditResponse()) {
      fix(
        '送信後の回答の編集を許可しました（差戻しのメールから申請を直せるように）',
        () => form.setAllowResponseEdits(true),
        '回答の編集が許可されていません。フォームの「設定」→「回答」で「送信後に編集」をオンにしてください。オフのままでは、差戻しのメールは編集リンクの代わりに返信で訂正するよう案内します',
      );
    }
  }
}

/** The claim form was closed by the program lifecycle (no program open), which reports it itself. */
function closedForNoProgram(): boolean {
  return Boolean(scriptProperties().getProperty(NO_PROGRAM_CLOSED_KEY));
}

/** The sign-up form's 相談会 choices from the sheet (issue 10 part B). */
function refreshChoicesNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const ctx = new GasCtx(ss, 'system');
  const line = refreshSessionChoices(ctx);
  if (line) ctx.log('相談会', line);
  ctx.commit();
}
