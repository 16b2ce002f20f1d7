/**
 * The work behind each entry point: open the context, take the script lock, call the use case,
 * write everything in batches, and turn platform faults into a ログ line and a mail to the office.
 */
import { handleClaim, prepareClaim } from '../app/claim';
import { checkProgramLifecycle } from '../app/lifecycle';
import type { FormKind } from '../app/ledger';
import { deletedRowResponses, Ledger } from '../app/ledger';
import { gridOfA1 } from '../domain/a1';
import type { YearMonth } from '../domain/calendar';
import { parseYearMonth, yearMonthOf, tokyoDateOf } from '../domain/calendar';
import { handleRegistration } from '../app/register';
import { handleReviewChanges, needsInfoFollowUp, UNNAMED_EDITOR } from '../app/review';
import { revalidatePending } from '../app/revalidate';
import { isClosed, markDrafts, markPaid, payoutId, planFromSheets, preparePayout } from '../app/payout';
import { payoutFigures, payoutFingerprint } from '../domain/payout';
import { CLAIMS, payoutSheetName, SETTINGS } from '../app/schema';
import { reportRows } from '../app/report';
import { GasCtx, HELD_MAIL_KEY, holdMailUnlessOwner, propsAtStart, scriptProperties, spreadsheet } from './context';
import { questionTitles, readResponse, tryOpenForm } from './forms';
import { protectPaidSheet, type SavedFiles, saveFiles, writePayoutSheet } from './payoutSheet';
import { runSetup } from './setup';
import { buildForms } from './createForms';
import { MissingSheetError, Table, toCell } from './table';
import type { SheetSchema } from '../app/schema';
import { pendingEdits, RECOVERY_HANDLER, scheduleRecovery } from './recovery';
import { rebuildBudgetTotals } from '../app/lookups';
import { RESPONSES } from '../app/schema';
// ---- issue 10 part A ----
import { handleCourse } from '../app/course';
import { documentsFollowUp, labelRows, mailingRows, planMailing, rowsToConfirm } from '../app/mailing';
import { mailingSheetName, SUPPORTERS } from '../app/schema';
import { toCsv } from '../domain/csv';
import { toSignedBytes, utf8Bytes } from '../domain/sjis';
import { tokyoMidnight } from '../domain/calendar';
import { folderFor, retire } from './payoutSheet';
import { columnLetter } from './format';
import { handleSignup, handleSignupChanges, sessionsEdited } from '../app/sessions';
import { grantBudgetKey, handleGrantChanges, recordGrants } from '../app/emergency';
import type { GrantRecordResult } from '../app/emergency';
import { GRANTS, SESSIONS, SIGNUPS } from '../app/schema';
import { buildSessionForm, refreshSessionChoices } from './programSheets';
import { missingTriggers, readTriggerRecord, runningAccount } from './triggers';

const LOCK_WAIT_MS = 30_000;

/** The person running a menu item or a dialog's button (that run's mail waits for the triggers' owner if it is someone else). */
export function actorEmail(): string {
  holdMailUnlessOwner(() => {
    const owner = readTriggerRecord().owner;
    return owner && owner !== runningAccount() ? owner : undefined;
  });
  try {
    return Session.getActiveUser().getEmail() || 'system';
  } catch {
    return 'system';
  }
}

/**
 * Runs `fn` under the script lock with a fresh context; commits on success, reports on failure.
 * `pendingEdit`: the rows of an edit, kept for the recovery run should the lock not be had.
 * `prepare`: reads that need no lock (settings, sheet headers, a supporter's row), done before
 * asking for it, so the lock is held only for what must be serialised.
 */
export function withCtx<T>(
  label: string,
  actor: string,
  fn: (ctx: GasCtx) => T,
  started?: number,
  pendingEdit?: { rows: number[]; actor: string; sheet?: string },
  prepare?: (ctx: GasCtx) => void,
): T {
  let ctx: GasCtx | undefined;
  return withLock(
    label,
    actor,
    (ss) => {
      ctx ??= new GasCtx(ss, actor, started);
      const result = fn(ctx);
      ctx.commit();
      return result;
    },
    pendingEdit,
    prepare
      ? (ss) => {
          ctx = new GasCtx(ss, actor, started);
          prepare(ctx);
        }
      : undefined,
  );
}

/**
 * The script lock around a run; a failure is logged and mailed, then rethrown (the trigger fails
 * visibly). Without the lock nothing is written: a recovery run a minute later does the work.
 */
function withLock<T>(
  label: string,
  actor: string,
  fn: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T,
  pendingEdit?: { rows: number[]; actor: string; sheet?: string },
  before?: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => void,
): T {
  const ss = spreadsheet();
  if (before) {
    try {
      before(ss);
    } catch (e) {
      reportError(ss, label, actor, e);
      throw e;
    }
  }
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    scheduleRecovery(pendingEdit);
    throw new Error(`${label}: 他の処理が実行中のためロックを取得できませんでした。内容は失われず、数分以内に自動で処理されます（未処理の回答の取り込み）`);
  }
  try {
    return fn(ss);
  } catch (e) {
    reportError(ss, label, actor, e);
    throw e;
  } finally {
    // The Lock reference: flush pending spreadsheet changes before releasing the lock.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** An error is logged and mailed with a fresh context: nothing the failed run buffered is written. */
function reportError(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, label: string, actor: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  try {
    const ctx = new GasCtx(ss, actor);
    ctx.log(label, `エラー: ${message}`);
    ctx.mail.notifyOffice(`エラー: ${label}`, `${label} でエラーが起きました。\n\n${message}\n\nフォームの回答は失われていません。原因を直したら、メニュー「未処理の回答を取り込む」を実行してください。`);
    ctx.commit();
  } catch (inner) {
    console.error(`${label}: ${message} (また、エラーの記録にも失敗: ${String(inner)})`);
  }
}

/** Run from the editor, a submit trigger has no event: say what to use instead. */
function requireSubmitEvent(e: GoogleAppsScript.Events.FormsOnFormSubmit | undefined): asserts e is GoogleAppsScript.Events.FormsOnFormSubmit {
  if (!e || !e.response || !e.source) {
    throw new Error('この関数はフォーム送信のトリガーから実行されます。手動で取り込むには、メニュー「未処理の回答を取り込む」（reconcile）を使ってください');
  }
}

export function registrationSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  requireSubmitEvent(e);
  const form = e.source;
  const r = readResponse(form.getId(), e.response);
  withCtx('登録フォームの回答', 'system', (ctx) => handleRegistration(ctx, r, () => questionTitles(form)), undefined, undefined, (ctx) => {
    ctx.prepare([RESPONSES, SUPPORTERS]);
  });
}

export function claimSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  requireSubmitEvent(e);
  const form = e.source;
  const r = readResponse(form.getId(), e.response);
  withCtx('申請フォームの回答', 'system', (ctx) => handleClaim(ctx, r, () => questionTitles(form)), undefined, undefined, (ctx) => {
    ctx.prepare([RESPONSES, CLAIMS, SUPPORTERS]);
    ctx.knowEditUrl(form, e.response, r.id);
    prepareClaim(ctx, r);
  });
}

/** Course questionnaire submit (issue 10a). */
export function courseSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  requireSubmitEvent(e);
  const form = e.source;
  const r = readResponse(form.getId(), e.response);
  withCtx('講座アンケートの回答', 'system', (ctx) => handleCourse(ctx, r, () => questionTitles(form)));
}

/**
 * Where an edit landed: one call (`getA1Notation`, "K502" or "K502:M510"), read as the grid it names,
 * instead of four (`getRow`, `getNumRows`, `getColumn`, `getNumColumns`); a whole row or column
 * ("5:5", "K:K") is asked the long way.
 */
function editedBlock(range: GoogleAppsScript.Spreadsheet.Range): { row: number; numRows: number; col: number; numCols: number } {
  const grid = gridOfA1(range.getA1Notation());
  return grid ?? { row: range.getRow(), numRows: range.getNumRows(), col: range.getColumn(), numCols: range.getNumColumns() };
}

/** Who edited (blank when the event does not say) and the edited data rows (0-based below the header). */
function editorAndRows(e: GoogleAppsScript.Events.SheetsOnEdit, row: number, numRows: number): { actor: string; edited: number[] } {
  let actor = '';
  try {
    actor = e.user?.getEmail?.() ?? '';
  } catch {
    actor = '';
  }
  const edited: number[] = [];
  for (let r = Math.max(row, 2); r < row + numRows; r++) edited.push(r - 2);
  return { actor, edited };
}

/** Installable edit trigger: only edits that touch 判定 or 審査メモ on 申請 do anything (either may come first). */
export function reviewEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return; // run from the editor: nothing was edited
  sendHeldMail();
  const range = e.range;
  const sheet = range.getSheet();
  const sheetName = sheet.getName();
  if (programSheetEdit(sheetName, e, sheet)) return;
  if (sheetName !== CLAIMS.name) return;
  const { row, numRows, col, numCols } = editedBlock(range);
  if (row + numRows - 1 < 2) return;
  // The whole header row (it also serves the run's lean table of 申請).
  const headerRow = sheet.getRange('1:1').getValues()[0];
  const header = headerRow.slice(col - 1, col - 1 + numCols).map((h) => String(h).normalize('NFKC').trim());
  if (!header.includes('判定') && !header.includes('審査メモ')) return;
  // Only the edited rows are read and handled (an edit costs the same whatever the size of 申請);
  // an edit whose trigger could not get the lock is kept for the recovery run (and the daily job).
  const { actor, edited } = editorAndRows(e, row, numRows);
  // Under an installable trigger Session's user is the trigger's owner, not the editor, and on consumer
  // accounts e.user is blank for anyone but the owner: then the decision is recorded as 不明, never
  // under a wrong name (the sidebar 判定を入力 records the reviewer).
  withCtx('判定の変更', actor || UNNAMED_EDITOR, (ctx) => handleReviewChanges(ctx, edited), undefined, { rows: edited, actor }, (ctx) => {
    ctx.adopt(CLAIMS, Table.fromHeader(sheet, CLAIMS, headerRow));
    ctx.prepare([CLAIMS], { settings: false, props: false });
  });
}

export interface ReconcileResult {
  registrations: number;
  claims: number;
  /** 講座アンケート answers taken in (issue 10a). */
  courses: number;
  signups: number;
  pending: number;
  resumed: boolean;
}

/** Responses whose submit time is within this of the high-water mark are looked at again (ledger decides). */
const SINCE_MARGIN_MS = 1_000;
/** Beyond this many responses to look at, 回答記録 is read once instead of one lookup each. */
const LEDGER_READ_AT = 10;
const sinceKey = (formId: string) => `reconcile.since.${formId}`;

/**
 * Processes the form responses not yet handled (the form is the durable record), costing what is
 * new: a high-water mark per form (script property `reconcile.since.<form ID>`, the submit time of
 * the last response handled in order) limits the responses asked for (FormApp's
 * getResponses(timestamp): "Gets an array of all of the form's responses after a given date and
 * time"); responses kept as 保留 in 回答記録 are retried by ID. Responses are taken in order of
 * submit time; each is committed before the next, the mark moving with it, so a run stopped for
 * time resumes where it stopped. One that fails is recorded as 保留 with the error and the rest go on.
 */
/** `restoreDeleted`: also bring back rows staff deleted after the mark passed them (the daily job). */
export function reconcileAll(actor: string, started = Date.now(), restoreDeleted = false): ReconcileResult {
  removeSpentTriggers('reconcile');
  return withLock('未処理の回答の取り込み', actor, (ss) => reconcileForms(ss, actor, started, restoreDeleted));
}

function reconcileForms(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, actor: string, started: number, restoreDeleted = false): ReconcileResult {
  let ctx = new GasCtx(ss, actor, started);
  const result: ReconcileResult = { registrations: 0, claims: 0, courses: 0, signups: 0, pending: 0, resumed: false };
  const settings = ctx.settings;
  for (const [kind, setting] of [
    ['登録', settings.registrationForm],
    ['申請', settings.claimForm],
    ['講座', settings.courseForm],
    ['相談会', settings.value('相談会フォーム')],
  ] as const) {
    const { form } = tryOpenForm(setting);
    if (!form) continue;
    let titles: string[] | undefined;
    const formTitles = () => (titles ??= questionTitles(form));
    const formId = form.getId();
    const stored = readMark(ctx.prop(sinceKey(formId)));
    const mark = stored?.t ?? NaN;
    const fresh = stored ? form.getResponses(new Date(stored.t - SINCE_MARGIN_MS)) : form.getResponses();
    const seen = new Set<string>();
    const todo: { response: GoogleAppsScript.Forms.FormResponse; id: string; ts: Date }[] = [];
    // Handled at the mark itself (submitted in the same second): known by ID, unless edited since.
    const atMark = new Map(stored?.ids.map((id) => [id, stored.t]) ?? []);
    for (const response of fresh) {
      const id = response.getId();
      seen.add(id);
      const ts = response.getTimestamp() as unknown as Date;
      if (atMark.has(id) && ts.getTime() <= (atMark.get(id) as number)) continue;
      todo.push({ response, id, ts });
    }
    todo.sort((a, b) => a.ts.getTime() - b.ts.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // 保留 responses older than the mark (a mapping to fix, an error): retried by ID.
    // and, daily, responses whose row staff deleted after the mark passed them (restored as before).
    const again = restoreDeleted && kind !== '講座' ? deletedRowResponses(ctx, kind) : [];
    // (A deleted row's response may sit in the mark's own second: skipped above, so taken here.)
    const queued = new Set(todo.map((t) => t.id));
    const held = [...new Set([...heldResponses(ctx, kind).filter((id) => !seen.has(id)), ...again.filter((id) => !queued.has(id))])];
    const retries: typeof todo = [];
    for (const id of held) {
      try {
        const response = form.getResponse(id);
        retries.push({ response, id, ts: response.getTimestamp() as unknown as Date });
      } catch {
        // deleted from the form: nothing left to process
      }
    }
    if (todo.length + retries.length > LEDGER_READ_AT) {
      // Many to do (a backlog): one read of each sheet costs less than lookups per response.
      ctx.table(RESPONSES);
      if (kind !== '相談会') ctx.table(SUPPORTERS);
      if (kind === '申請') ctx.table(CLAIMS);
    }
    let slowest = 0;
    let last = Number.isFinite(mark) ? mark : Number.NEGATIVE_INFINITY;
    for (const [k, item] of [...retries, ...todo].entries()) {
      // Stop while there is time for two more of the slowest responses and the final writes
      // (each response's time includes its writes and mail).
      if (ctx.timeLeft() < 30_000 + 2 * slowest) {
        scheduleResume('reconcile');
        result.resumed = true;
        ctx.log('未処理の回答', '実行時間の上限が近いため中断し、1分ほど後に続きを自動で実行します');
        ctx.commit();
        return result;
      }
      const isRetry = k < retries.length;
      const { response, id, ts } = item;
      const advance = () => {
        // The mark only moves forward, with the responses taken in order (not with a retry).
        if (isRetry || ts.getTime() < last) return;
        if (ts.getTime() > last) {
          last = ts.getTime();
          for (const [k2, t2] of atMark) if (t2 < last - SINCE_MARGIN_MS) atMark.delete(k2);
        }
        atMark.set(id, ts.getTime());
        ctx.setProp(sinceKey(formId), JSON.stringify({ t: last, ids: [...atMark.keys()] }));
      };
      if (new Ledger(ctx).status({ id, timestamp: ts }).kind === 'done') {
        advance();
        continue;
      }
      const t0 = Date.now();
      try {
        const r = readResponse(formId, response);
        const outcome =
          kind === '登録'
            ? handleRegistration(ctx, r, formTitles)
            : kind === '申請'
              ? handleClaim(ctx, r, formTitles)
              : kind === '講座'
                ? handleCourse(ctx, r, formTitles)
                : handleSignup(ctx, r, formTitles);
        if (outcome.kind === 'unmapped') result.pending++;
        else if (outcome.kind !== 'unchanged') {
          if (kind === '登録') result.registrations++;
          else if (kind === '申請') result.claims++;
          else if (kind === '講座') result.courses++;
          else result.signups++;
        }
      } catch (e) {
        // Drop what the failed response buffered; keep it as 保留 and go on with the others.
        ctx = new GasCtx(ss, actor, started);
        recordFailure(ctx, kind, { id, timestamp: ts }, e);
        result.pending++;
      }
      advance();
      // Final (rows, mail, the mark) before the next one starts; its time counts in this response's.
      ctx.commit();
      const took = Date.now() - t0;
      slowest = Math.max(slowest, took);
    }
  }
  if (result.registrations + result.claims + result.courses + result.signups + result.pending > 0) {
    ctx.log('未処理の回答', `取り込み: 登録 ${result.registrations}件、申請 ${result.claims}件、講座アンケート ${result.courses}件、相談会申込 ${result.signups}件、保留 ${result.pending}件`);
  }
  ctx.commit();
  return result;
}

/** The high-water mark: `{ t, ids }` (ids: handled within a second of t), or null when none yet. */
function readMark(v: string | null): { t: number; ids: string[] } | null {
  if (v === null) return null;
  try {
    const m = JSON.parse(v) as { t?: unknown; ids?: unknown };
    if (typeof m.t === 'number' && Number.isFinite(m.t)) return { t: m.t, ids: Array.isArray(m.ids) ? m.ids.map(String) : [] };
  } catch {
    // not ours: start over from the first response
  }
  return null;
}

/** Response IDs of one form kept as 保留 in 回答記録 (one lookup on 結果). */
function heldResponses(ctx: GasCtx, kind: FormKind): string[] {
  const t = ctx.lookup(RESPONSES);
  return t
    .findAll('結果', '保留')
    .filter((i) => t.text(i, 'フォーム') === kind)
    .map((i) => t.text(i, '回答ID'))
    .filter(Boolean);
}

/**
 * The recovery run (a one-off trigger scheduled by a run that lost the lock): the responses not
 * yet handled, then the edits whose trigger lost the lock (their rows only, each under its editor).
 */
export function recoverLost(): ReconcileResult {
  removeSpentTriggers(RECOVERY_HANDLER);
  const started = Date.now();
  return withLock('取り込み（ロックを取得できなかった処理の回復）', 'system', (ss) => {
    const result = reconcileForms(ss, 'system', started);
    const first = new GasCtx(ss, 'system', started);
    const edits = pendingEdits(first.allProps());
    for (const edit of edits) {
      const ctx = new GasCtx(ss, edit.actor || UNNAMED_EDITOR, started);
      if (edit.sheet && edit.sheet !== CLAIMS.name) programEdit(ctx, edit.sheet, edit.rows);
      else handleReviewChanges(ctx, edit.rows);
      ctx.commit();
    }
    if (edits.length > 0) {
      const props = PropertiesService.getScriptProperties();
      for (const edit of edits) props.deleteProperty(edit.key);
    }
    return result;
  });
}

/** A response that failed: 保留 in 回答記録 with the error; the office hears once per distinct error. */
function recordFailure(ctx: GasCtx, kind: FormKind, r: { id: string; timestamp: Date }, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  const ledger = new Ledger(ctx);
  const detail = `エラー: ${message}`;
  const before = ledger.detail(r.id);
  ledger.record(kind, r, '保留', '', detail);
  ctx.log(`${kind}回答 ${r.id}`, `処理できませんでした（保留）: ${message}`);
  if (before !== detail) {
    ctx.mail.notifyOffice(
      `${kind}フォームの回答を処理できません`,
      `${kind}フォームの回答 ${r.id} の処理中にエラーが起きました。回答はフォームに残っており、保留として記録しました。\n\n${message}\n\n原因を直したあと、メニュー「未処理の回答を取り込む」で処理されます。`,
    );
  }
}

/** A one-off trigger that continues a long run (only one at a time). */
function scheduleResume(handler: string): void {
  const existing = ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
  if (existing.length === 0) ScriptApp.newTrigger(handler).timeBased().after(60_000).create();
}

export function revalidate(actor: string) {
  return withCtx('審査待ちの再チェック', actor, (ctx) => revalidatePending(ctx));
}

export function daily(): { sent: number; queued: number; reminded: number; expired: number; promoted: number; documentReminders: number; noProgram: string | null } {
  const started = Date.now(); // one execution: both parts share its time limit
  const out = withCtx(
    '毎日の処理',
    'system',
    (ctx) => {
      const [sent, queued] = ctx.mail.drain();
      ctx.setProp(HELD_MAIL_KEY, '');
      reportMissingTriggers(ctx);
      handleReviewChanges(ctx);
      // 申請 is read whole here anyway: the budget's running totals are checked against it daily.
      rebuildBudgetTotals(ctx, ctx.table(CLAIMS));
      const f = needsInfoFollowUp(ctx);
      const life = checkProgramLifecycle(ctx);
      // Said every day while it lasts (the office is mailed once, when the form closes).
      if (life.message && !life.closedForm) ctx.log('事業', life.message);
      const program = dailyProgramSheets(ctx);
      const documentReminders = documentsFollowUp(ctx); // issue 10a
      return { sent, queued, reminded: f.reminded, expired: f.expired.length, ...program, documentReminders, noProgram: life.message };
    },
    started,
  );
  reconcileAll('system', started, true);
  return out;
}

/**
 * Mail a staff member's run left for the owner (the 判定を入力 sidebar) is sent by the owner's edit
 * trigger at the next edit of the spreadsheet, so it does not wait for the daily job. One property
 * read per edit; the outbox is read only when something is waiting.
 */
function sendHeldMail(): void {
  if (propsAtStart()[HELD_MAIL_KEY] !== '1') return;
  const owner = readTriggerRecord().owner;
  if (owner && owner !== runningAccount()) return;
  withCtx('送信待ちのメール', 'system', (ctx) => {
    ctx.mail.drain();
    ctx.setProp(HELD_MAIL_KEY, '');
  });
}

/** The daily job runs as the triggers' owner, so it can see them: a missing one is told to the office. */
function reportMissingTriggers(ctx: GasCtx): void {
  const formId = (idOrUrl: string) => tryOpenForm(idOrUrl).form?.getId() ?? '';
  const check = missingTriggers({
    onRegistrationSubmit: formId(ctx.settings.registrationForm),
    onClaimSubmit: formId(ctx.settings.claimForm),
    onSessionSubmit: formId(ctx.settings.value('相談会フォーム')),
  });
  if (!check || check.missing.length === 0) return;
  ctx.log('トリガー', `見つからないトリガー: ${check.missing.join('、')}`);
  ctx.mail.notifyOffice(
    'トリガーが見つかりません',
    `次のトリガーが見つかりません（削除された、Googleにより停止された、または設定のフォームが変わった）。このままでは、その処理がすぐには行われません（フォームの回答は毎日の処理で取り込まれます）。\n\n${check.missing.map((m) => `・${m}`).join('\n')}\n\nトリガーの所有者（${check.owner}）でスプレッドシートを開き、メニュー「伴走ネット」→「初期設定（シート・トリガー）」を実行すると作り直します。`,
  );
}

/** Setup says plainly when no program is open, and closes or reopens the claim form (issue 9). */
function programCheck(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: ReturnType<typeof runSetup>): void {
  try {
    const ctx = new GasCtx(ss, actorEmail());
    const life = checkProgramLifecycle(ctx);
    ctx.commit();
    if (life.message) report.problems.unshift(life.message);
    // (A closure for want of a program is not listed under forms too: the message above says the
    // claim form is stopped, why, and when it reopens; ログ keeps the closure under 事業.)
    if (life.reopenedForm) report.forms.push(life.open ? `申請フォーム: 事業「${life.open.name}」が始まっているため、受付を再開しました` : '申請フォーム: 終了した事業の申請締切まで、受付を再開しました');
  } catch (e) {
    report.problems.push(`事業の期間を確認できませんでした: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function setupAll(opts: { takeOver?: boolean } = {}): ReturnType<typeof runSetup> {
  const ss = spreadsheet();
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const report = runSetup(ss, opts);
    // (Also when 緊急支援 itself was made anew: a sheet staff deleted took its grants with it.)
    if (report.addedHeaders.includes(`${GRANTS.name}:予算計上額`) || report.created.includes(GRANTS.name)) forgetGrantTotals();
    programCheck(ss, report);
    if (report.takenOverFrom !== undefined || report.forms.length > 0) {
      const ctx = new GasCtx(ss, actorEmail());
      if (report.takenOverFrom !== undefined) ctx.log('トリガー', `トリガーを引き継ぎました: ${report.takenOverFrom} → ${report.triggerOwner}`);
      for (const line of report.forms) ctx.log('フォーム', line);
      ctx.commit();
    }
    return report;
  } finally {
    // Lock.releaseLock: "you should call SpreadsheetApp.flush() prior to releasing the lock" (the
    // headers, 設定 keys and formats setup wrote are then final before a waiting submit reads them).
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

export function createFormsNow(actor: string) {
  return withCtx('フォームの作成', actor, (ctx) => ({ ...buildForms(ctx), ...buildSessionForm(ctx) }));
}

/** Month argument: 'YYYY-MM' (also 2026/3, ２０２６年３月); none → the current month in Tokyo. */
export function monthOrCurrent(month: unknown): YearMonth | null {
  if (month === undefined || month === null || month === '' || typeof month === 'object') return yearMonthOf(tokyoDateOf(new Date()));
  return parseYearMonth(String(month));
}

export interface PayoutResult {
  month: YearMonth;
  payoutId: string;
  payday: string;
  paid: number;
  held: number;
  claims: number;
  /** Emergency grants (緊急支援) in the transfer, and their yen (inside total). */
  grants: number;
  grantTotal: number;
  total: number;
  transferUrl: string | null;
  csvUrl: string | null;
  fileError: string | null;
  bytes: number;
  /** True when the run stopped before writing and a fresh run was scheduled. */
  resumed?: boolean;
}

/** The resume trigger of a payout that stopped for time: builds the month it names. */
export function resumePayoutRun(): PayoutResult | null {
  const props = PropertiesService.getScriptProperties();
  const month = props.getProperty(PAYOUT_RESUME_KEY);
  removeSpentTriggers('resumePayout');
  if (!month) return null;
  props.deleteProperty(PAYOUT_RESUME_KEY);
  return buildPayout(month, 'system');
}

/** One-off resume triggers stay listed after they fire: remove them (the 20-trigger limit). */
function removeSpentTriggers(handler: string): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK) ScriptApp.deleteTrigger(t);
  }
}

export const PAYOUT_RESUME_KEY = 'payout.resume';

export function buildPayout(month: YearMonth, actor: string): PayoutResult {
  return withCtx(`月次支払 ${month}`, actor, (ctx) => {
    if (isClosed(ctx, month)) throw new Error(`${month} の支払はすでに確定しています（支払済）。同じ月を作り直すことはできません`);
    const p = preparePayout(ctx, month);
    // Everything above only reads. If too little time is left to write the sheet and the files,
    // stop here (nothing written) and build again from a fresh run.
    // Writing costs about as many calls as reading did: keep at least that much time in hand.
    if (ctx.timeLeft() < Math.max(90_000, ctx.elapsed())) {
      ctx.setProp(PAYOUT_RESUME_KEY, month);
      scheduleResume('resumePayout');
      ctx.log(payoutId(month), '実行時間の上限が近いため、何も書き込まずに中断しました。1分ほど後に自動で作り直します');
      return { month, payoutId: payoutId(month), payday: p.plan.payday, paid: 0, held: 0, claims: 0, grants: 0, grantTotal: 0, total: 0, transferUrl: null, csvUrl: null, fileError: '中断（1分ほど後に自動で再実行）', bytes: 0, resumed: true };
    }
    const files = saveFiles(ctx, ctx.settings.value('支払フォルダ'), month, p);
    recordPayoutFolder(ctx, files);
    writePayoutSheet(ctx.ss, month, p, files);
    markDrafts(ctx, month, p.plan);
    ctx.log(
      payoutId(month),
      `支払シートを作成: 支払 ${p.plan.paid.length}人 ${p.plan.totalNet}円、保留 ${p.plan.held.length}人（支払日 ${p.plan.payday}）${p.fileError ? ` / ${p.fileError}` : ''}`,
    );
    return {
      month,
      payoutId: payoutId(month),
      payday: p.plan.payday,
      paid: p.plan.paid.length,
      held: p.plan.held.length,
      claims: p.plan.paid.reduce((n, l) => n + l.claimIds.length, 0),
      grants: payoutFigures(p.plan).grants,
      grantTotal: payoutFigures(p.plan).grantYen,
      total: p.plan.totalNet,
      transferUrl: files.transferUrl,
      csvUrl: files.csvUrl,
      fileError: [p.fileError, ...files.notes].filter(Boolean).join(' / ') || null,
      bytes: p.file?.bytes.length ?? 0,
    };
  });
}

/**
 * A payout folder created by this run is written into 設定 支払フォルダ, so every account builds into
 * the same folder (staff share it); what the files need from staff goes to the log and the office.
 */
function recordPayoutFolder(ctx: GasCtx, files: SavedFiles): void {
  if (files.folderCreated && !ctx.settings.value('支払フォルダ').trim()) {
    const t = ctx.openTable(SETTINGS);
    const i = t.find('キー', '支払フォルダ');
    if (i >= 0) t.set(i, { 値: files.folderId });
    ctx.log('支払フォルダ', `支払フォルダを作成し、設定に記録しました（${files.folderId}）。月次支払を作成する人と共有してください`);
  }
  for (const note of files.notes) {
    ctx.log('振込ファイル', note);
    ctx.mail.notifyOffice('月次支払のファイルについて', note);
  }
}

/** Preview for the confirmation dialog (no writes). */
export function previewPayout(month: YearMonth, actor: string) {
  return withCtx(`月次支払の確認 ${month}`, actor, (ctx) => {
    const closed = isClosed(ctx, month);
    const p = preparePayout(ctx, month);
    return { closed, plan: p.plan, fileError: p.fileError };
  });
}

export function closePayout(month: YearMonth, actor: string) {
  return withCtx(`支払済にする ${month}`, actor, (ctx) => {
    if (isClosed(ctx, month)) throw new Error(`${month} はすでに支払済です。二重には支払いません`);
    const sheet = ctx.ss.getSheetByName(payoutSheetName(month));
    if (!sheet) throw new Error(`シート「${payoutSheetName(month)}」がありません。先に月次支払を作成してください`);
    // The manager paid what the sheet showed: exactly its claims, to the same accounts, for the same
    // amounts (照合コード). Claims approved since then wait for the next month.
    const plan = planFromSheets(ctx, month, true);
    const values = sheet.getDataRange().getValues();
    const shownCode = String(values.find((r) => r[0] === '照合コード')?.[1] ?? '').replace(/^'/, '');
    if (plan.paid.length === 0) throw new Error(`支払シート「${payoutSheetName(month)}」に支払う申請がありません`);
    if (shownCode !== payoutFingerprint(plan)) {
      throw new Error(
        `支払シート「${payoutSheetName(month)}」の内容が現在のデータと一致しません（作成後に判定・金額・口座・書類が変わりました）。月次支払を作り直し、新しい振込ファイルを確認してから支払済にしてください`,
      );
    }
    const p = { plan };
    const done = markPaid(ctx, month, p.plan, planFromSheets(ctx, month).held);
    ctx.flush();
    // The month is closed by the claims' 支払ID; protecting its sheet is a guard rail on top.
    try {
      protectPaidSheet(ctx.ss, month);
    } catch (e) {
      ctx.log(payoutId(month), `支払シートを保護できませんでした（支払の確定には影響しません）: ${String(e)}`);
    }
    return { month, ...done, total: p.plan.totalNet, payday: p.plan.payday };
  });
}


/** 集計 YYYY-MM: rebuilt from 申請 in one write. */
export function buildReportSheet(month: YearMonth, actor: string): { month: YearMonth; sheet: string; rows: number } {
  return withCtx(`集計 ${month}`, actor, (ctx) => {
    const rows = reportRows(ctx, month);
    const name = `集計 ${month}`;
    let sheet = ctx.ss.getSheetByName(name);
    if (sheet) sheet.clear();
    else sheet = ctx.ss.insertSheet(name);
    if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows.map((r) => r.map(toCell)));
    ctx.log(name, `集計を作成しました（${rows.length}行）`);
    return { month, sheet: name, rows: rows.length };
  });
}

// ---- issue 10 part A: documents by post ----

export interface MailingResult {
  sheet: string;
  count: number;
  csvUrl: string | null;
  fileError: string | null;
  noAddress: string[];
}

const MAILING_CONFIRMED = (sheet: string) => `mailing.confirmed.${sheet}`;

/**
 * 書類送付 YYYY-MM-DD and the label CSV. Built again the same day it replaces that day's list,
 * unless that list was already confirmed (then a new sheet `… (2)` is made).
 */
export function buildMailingList(actor: string): MailingResult {
  return withCtx('書類送付リスト', actor, (ctx) => {
    const plan = planMailing(ctx);
    let name = mailingSheetName(plan.date);
    for (let n = 2; ctx.prop(MAILING_CONFIRMED(name)); n++) name = `${mailingSheetName(plan.date)} (${n})`;
    const rows: string[][] = mailingRows(plan);
    let csvUrl: string | null = null;
    let fileError: string | null = null;
    const csvName = `${name.replace(' ', '_')}.csv`;
    if (plan.entries.length > 0) {
      try {
        const notes: string[] = [];
        const { folder } = folderFor(ctx.settings.value('支払フォルダ'), notes);
        // An earlier list of the same name: trashed, or marked superseded where this account may not trash it.
        const old = folder.getFilesByName(csvName);
        while (old.hasNext()) retire(old.next());
        if (notes.length > 0) fileError = notes.join(' / ');
        csvUrl = folder.createFile(Utilities.newBlob(toSignedBytes(utf8Bytes(toCsv(labelRows(plan)))), 'text/csv', csvName)).getUrl();
      } catch (e) {
        fileError = `宛名ラベル用CSVを保存できませんでした: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const width = rows[0].length;
    const pad = (a: string, b: string) => [a, b, ...new Array(width - 2).fill('')];
    if (plan.entries.length === 0) rows.push(pad('対象者はいません', ''));
    rows.push(pad('', ''), pad('状態', '未確定（発送したらメニュー「書類送付を確定」）'));
    if (csvUrl) rows.push(pad('宛名ラベルCSV', `${csvName} ${csvUrl}`));
    if (plan.noAddress.length > 0) rows.push(pad('住所なし（要確認）', plan.noAddress.map((x) => `${x.id} ${x.name}`).join('、')));
    let sheet = ctx.ss.getSheetByName(name);
    if (sheet) sheet.clear();
    else sheet = ctx.ss.insertSheet(name);
    if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.map(toCell)));
    sheet.setFrozenRows(1);
    ctx.log(name, `書類送付リストを作成: ${plan.entries.length}人${plan.noAddress.length ? `（住所なし ${plan.noAddress.length}人）` : ''}${fileError ? ` / ${fileError}` : ''}`);
    return { sheet: name, count: plan.entries.length, csvUrl, fileError, noAddress: plan.noAddress.map((x) => x.id) };
  });
}

/** The newest 書類送付 sheet not yet confirmed (null when none). */
export function latestUnconfirmedMailing(): string | null {
  const props = PropertiesService.getScriptProperties();
  const names = spreadsheet()
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => /^書類送付 \d{4}-\d{2}-\d{2}( \(\d+\))?$/.test(n) && !props.getProperty(MAILING_CONFIRMED(n)));
  names.sort((a, b) => (a.slice(5, 15) === b.slice(5, 15) ? a.length - b.length || a.localeCompare(b) : a.localeCompare(b)));
  return names.length > 0 ? names[names.length - 1] : null;
}

/** The IDs on a mailing sheet (the rows above its first empty row). */
export function mailingIds(sheetName: string): string[] {
  const sheet = spreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(`シート「${sheetName}」がありません`);
  const values = sheet.getDataRange().getValues();
  const c = values[0].map((h) => String(h).trim()).indexOf('伴走ネットID');
  if (c < 0) throw new Error(`シート「${sheetName}」に列「伴走ネットID」がありません`);
  const ids: string[] = [];
  for (const row of values.slice(1)) {
    const v = String(row[c] ?? '').trim();
    if (!/^BN-/.test(v)) break;
    ids.push(v);
  }
  return ids;
}

/**
 * 書類送付を確定: the documents on that list were posted today. 書類送付日 is written for each of
 * them, in that column only (one RangeList call, nothing else on the row touched).
 */
export function confirmMailing(sheetName: string, actor: string): { sheet: string; date: string; written: number } {
  return withCtx(`書類送付の確定 ${sheetName}`, actor, (ctx) => {
    if (ctx.prop(MAILING_CONFIRMED(sheetName))) throw new Error(`「${sheetName}」はすでに確定しています（${ctx.prop(MAILING_CONFIRMED(sheetName))}）`);
    const ids = mailingIds(sheetName);
    const rows = rowsToConfirm(ctx, ids);
    const date = tokyoDateOf(ctx.now);
    if (rows.length > 0) {
      const t = ctx.openTable(SUPPORTERS);
      const col = t.col('書類送付日') + 1;
      const a1 = rows.map((r) => `${columnLetter(col)}${r.index + 2}`);
      t.sheet.getRangeList(a1).setValue(tokyoMidnight(date));
    }
    ctx.setProp(MAILING_CONFIRMED(sheetName), `${date} ${actor}`);
    const sheet = ctx.ss.getSheetByName(sheetName);
    const values = sheet?.getDataRange().getValues() ?? [];
    const at = values.findIndex((r) => r[0] === '状態');
    if (sheet && at >= 0) sheet.getRange(at + 1, 2).setValue(`送付済（${date} 確定、${actor}）`);
    ctx.log(sheetName, `書類送付を確定: ${rows.length}人の書類送付日に ${date} を記入${ids.length > rows.length ? `（${ids.length - rows.length}人は記入済みのため変更なし）` : ''}`);
    return { sheet: sheetName, date, written: rows.length };
  });
}

// ---- issue 10 part B: consultation sessions and emergency support ----

/** Installable form-submit trigger of the consultation-session sign-up form. */
export function sessionSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  requireSubmitEvent(e);
  const form = e.source;
  const r = readResponse(form.getId(), e.response);
  // Before the lock: the settings and the headers the sign-up reads (as a claim's submit does).
  withCtx('相談会申込フォームの回答', 'system', (ctx) => handleSignup(ctx, r, () => questionTitles(form)), undefined, undefined, (ctx) =>
    prepareHeaders(ctx, [RESPONSES, SUPPORTERS, SESSIONS, SIGNUPS]),
  );
}

/**
 * Columns whose edit can change what the system decided: an edit of another column (出欠, 用途, 審査メモ)
 * acts on nothing and costs one header read. Every edit of 相談会 counts (the form shows its rows).
 */
const ACTED_ON: Record<string, readonly string[] | null> = {
  [SIGNUPS.name]: ['判定', '記録済み判定', '相談会ID', '受付日時', '申込ID'],
  [GRANTS.name]: ['判定', '金額', '支払ID', 'プログラム', '緊急支援ID', '予算計上額'],
  [SESSIONS.name]: null,
};

/**
 * Edits of 相談会申込, 相談会 and 緊急支援 (the installable edit trigger). True when the sheet was one of
 * them. As an edit of 判定 on 申請: the header row, then only the edited rows (e.range) and what they
 * touch (a session's sign-ups, found by 相談会ID), so an edit costs the same whatever the sheets' size;
 * an edit whose trigger could not get the lock is kept for the recovery run (and the daily job).
 */
function programSheetEdit(name: string, e: GoogleAppsScript.Events.SheetsOnEdit, sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  // (Any other sheet: nothing asked, not even who edited — the edit of a 判定 pays for no call here.)
  if (name !== SIGNUPS.name && name !== SESSIONS.name && name !== GRANTS.name) return false;
  const { row, numRows, col, numCols } = editedBlock(e.range);
  if (row + numRows - 1 < 2) return true; // the header row: nothing to act on
  const headerRow = sheet.getRange('1:1').getValues()[0];
  const acted = ACTED_ON[name];
  const header = headerRow.slice(col - 1, col - 1 + numCols).map((h) => String(h).normalize('NFKC').trim());
  if (acted && !header.some((h) => acted.includes(h))) return true;
  const { actor, edited } = editorAndRows(e, row, numRows);
  const schema = name === SIGNUPS.name ? SIGNUPS : name === SESSIONS.name ? SESSIONS : GRANTS;
  // An edit of a column that says where a row counts (a grant's プログラム, a sign-up's 相談会ID) or
  // that staff may paste whole rows over (予算計上額 copied with them) is widened: see programEdit.
  const wide = header.some((h) => (WIDENING[name] ?? []).includes(h));
  withCtx(`${name}の変更`, actor || UNNAMED_EDITOR, (ctx) => programEdit(ctx, name, edited, wide), undefined, { rows: edited, actor, sheet: name }, (ctx) => {
    ctx.adopt(schema, Table.fromHeader(sheet, schema, headerRow));
    // Before the lock: the settings, and the headers of the sheets a change of 判定 or 定員 reads and
    // ログ's (a grant's edit writes nothing to ログ mostly, so only the settings).
    if (schema === GRANTS) void ctx.settings;
    else prepareHeaders(ctx, schema === SIGNUPS ? [SESSIONS, RESPONSES, SUPPORTERS] : [SIGNUPS, RESPONSES, SUPPORTERS]);
  });
  return true;
}

/**
 * 予算計上額 (re)created empty by setup: the running totals of the emergency budget no longer match
 * it, so they are dropped, and the next edit builds them from the sheet.
 */
function forgetGrantTotals(): void {
  const props = scriptProperties();
  for (const key of props.getKeys()) if (key.startsWith(grantBudgetKey(''))) props.deleteProperty(key);
}

/** ctx.prepare for the sheets that exist (a missing one is reported under the lock, where it is used). */
function prepareHeaders(ctx: GasCtx, schemas: readonly SheetSchema[]): void {
  ctx.prepare([], { props: false });
  for (const schema of schemas) {
    try {
      ctx.lookup(schema);
    } catch (e) {
      if (!(e instanceof MissingSheetError)) throw e;
    }
  }
}

/**
 * Columns whose edit the edited rows alone cannot account for: a grant moved to another プログラム
 * (its 予算計上額 says how much it counted, not where) or a 予算計上額 pasted over; a sign-up moved to
 * another 相談会ID (the place it left is freed in a session the row no longer names).
 */
const WIDENING: Record<string, readonly string[]> = {
  [GRANTS.name]: ['プログラム', '予算計上額'],
  [SIGNUPS.name]: ['相談会ID'],
};

/**
 * The rows of an edit of 相談会申込, 相談会 or 緊急支援 (its trigger, or the recovery run after a lost
 * lock, which does not know the columns: `wide`). A `wide` edit of 緊急支援 rebuilds the budget's
 * totals from the whole sheet (a rare edit); of 相談会申込, looks at every open session's waiting list.
 */
function programEdit(ctx: GasCtx, name: string, edited: readonly number[], wide = true): void {
  if (name === SIGNUPS.name) handleSignupChanges(ctx, edited, wide);
  else if (name === GRANTS.name) handleGrantChanges(ctx, wide ? undefined : edited);
  else if (name === SESSIONS.name) {
    // A session opened, closed or given more places: the form's choices and its waiting list follow.
    const line = refreshSessionChoices(ctx);
    if (line) ctx.log('相談会', line);
    if (ctx.sheetExists(SIGNUPS.name)) sessionsEdited(ctx, edited);
  }
}

/** The daily job's part: changes whose edit trigger could not run, and the form's choices. */
function dailyProgramSheets(ctx: GasCtx): { promoted: number } {
  let promoted = 0;
  if (ctx.sheetExists(SIGNUPS.name) && ctx.sheetExists(SESSIONS.name)) promoted = handleSignupChanges(ctx).promoted;
  if (ctx.sheetExists(GRANTS.name)) handleGrantChanges(ctx);
  if (ctx.sheetExists(SESSIONS.name)) {
    const line = refreshSessionChoices(ctx);
    if (line) ctx.log('相談会', line);
  }
  return { promoted };
}

/**
 * recordEmergencySupport: a 緊急支援 row for each selected 申請 row (or for the claim ID given from
 * the editor). Refusals come back as sentences for the dialog.
 */
export function recordEmergency(actor: string, claimId?: string): GrantRecordResult {
  return withCtx('緊急支援の記録', actor, (ctx) => {
    const claims = ctx.lookup(CLAIMS);
    if (claimId !== undefined) {
      const id = claimId.normalize('NFKC').trim().toUpperCase();
      const i = claims.find('申請ID', id);
      return i >= 0 ? recordGrants(ctx, [i]) : { created: [], refused: [`申請 ${claimId} が見つかりません`] };
    }
    const ranges = ctx.ss.getActiveRangeList()?.getRanges() ?? [];
    if (ranges.length === 0 || ranges[0].getSheet().getName() !== CLAIMS.name) return { created: [], refused: ['申請シートで、緊急支援を記録する申請の行を選んでから実行してください'] };
    const rows: number[] = [];
    for (const range of ranges) {
      for (let r = Math.max(2, range.getRow()); r < range.getRow() + range.getNumRows(); r++) if (!rows.includes(r - 2)) rows.push(r - 2);
    }
    if (rows.length === 0) return { created: [], refused: ['見出し行ではなく、申請の行を選んでください'] };
    return recordGrants(ctx, rows);
  });
}
