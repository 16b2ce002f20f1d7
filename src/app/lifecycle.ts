/**
 * Program lifecycle (SPEC §1): when no program's period contains today, and the last claims of the
 * program that ended are no longer due (its last day's claim deadline has passed: seed 000
 * 「支援実施後、1ヶ月以内」), the claim form stops taking responses with a trilingual message, staff are told plainly (which program ended when, how to
 * define the next), and the form reopens when a program is open again. Run by setup and the daily job.
 */
import { tokyoDateOf } from '../domain/calendar';
import type { Program, ProgramAnswers, ProgramDraft } from '../domain/programs';
import { draftProgram, lateClaimsMessage, lateClaimWindow, NO_PROGRAM_FORM_MESSAGE, noProgramMessage, programStatus } from '../domain/programs';
import type { Ctx } from './ports';
import { SETTINGS } from './schema';

/** Set while the claim form is closed because no program is open (so only that closure is undone). */
export const NO_PROGRAM_CLOSED_KEY = 'program.none.closed';

export interface LifecycleResult {
  open: Program | null;
  /** Japanese, for setup's report and the daily job; null when a program is open. */
  message: string | null;
  closedForm: boolean;
  reopenedForm: boolean;
}

export function checkProgramLifecycle(ctx: Ctx): LifecycleResult {
  const status = programStatus(ctx.settings.programs, tokyoDateOf(ctx.now));
  const closedBefore = Boolean(ctx.prop(NO_PROGRAM_CLOSED_KEY));
  if (status.kind === 'open') {
    if (!closedBefore) return { open: status.program, message: null, closedForm: false, reopenedForm: false };
    ctx.openClaimForm();
    ctx.setProp(NO_PROGRAM_CLOSED_KEY, '');
    ctx.log('事業', `「${status.program.name}」の期間（${status.program.period.start}〜${status.program.period.end}）に入ったため、申請フォームの受付を再開しました`);
    ctx.mail.notifyOffice('申請フォームの受付を再開しました', `事業「${status.program.name}」（${status.program.period.start}〜${status.program.period.end}）が始まったため、申請フォームの受付を再開しました。`);
    return { open: status.program, message: null, closedForm: false, reopenedForm: true };
  }
  // An ended program's last claims are still due (support on its last day, claimed within the
  // deadline): the form stays open until that deadline; staff are told so.
  const late = lateClaimWindow(ctx.settings.programs, tokyoDateOf(ctx.now));
  if (late) {
    const message = lateClaimsMessage(status, late);
    if (closedBefore) {
      // Closed for want of a program (e.g. by a version that did not keep the last claims' window).
      ctx.openClaimForm();
      ctx.setProp(NO_PROGRAM_CLOSED_KEY, '');
      ctx.log('事業', `「${late.program.name}」の期間内の支援の申請締切（${late.until}）まで、申請フォームの受付を再開しました`);
      ctx.mail.notifyOffice('申請フォームの受付を再開しました', message);
    }
    return { open: null, message, closedForm: false, reopenedForm: closedBefore };
  }
  const message = noProgramMessage(status);
  if (closedBefore || !ctx.closeClaimForm(NO_PROGRAM_FORM_MESSAGE)) return { open: null, message, closedForm: false, reopenedForm: false };
  ctx.setProp(NO_PROGRAM_CLOSED_KEY, String(ctx.now.getTime()));
  ctx.log('事業', message);
  ctx.mail.notifyOffice('受付中の事業がないため申請フォームを停止しました', message);
  return { open: null, message, closedForm: true, reopenedForm: false };
}

/**
 * 新しい事業を設定: validates the answers; when they are right, writes the definition to 設定
 * (`プログラム定義:<名前>`, written for staff, never typed by them) and makes it the active program,
 * with its 支払日 and 予算上限 (which 設定 applies to the active program).
 */
export function defineProgram(ctx: Ctx, answers: ProgramAnswers, previous: Program): ProgramDraft {
  const draft = draftProgram(answers, previous, ctx.settings.programs);
  if (!draft.ok) return draft;
  const p = draft.program;
  const t = ctx.table(SETTINGS);
  // Numbers go as numbers: a digit string would be written with a guarding apostrophe, which a
  // plain-text 値 cell keeps.
  const put = (key: string, value: string | number, description?: string) => {
    const i = t.find('キー', key);
    if (i >= 0) t.set(i, { 値: value });
    else t.append({ キー: key, 値: value, 説明: description ?? '' });
  };
  put(`プログラム定義:${p.id}`, draft.definition, `メニュー「新しい事業を設定」で ${tokyoDateOf(ctx.now)} に作成（「${previous.id}」をもとに）`);
  put('プログラム', p.id);
  put('支払日', p.paydayDay);
  put('予算上限', p.budgetYen === null ? '' : p.budgetYen);
  ctx.log('事業', `新しい事業「${p.name}」（${p.period.start}〜${p.period.end}）を設定し、有効にしました: ${draft.definition}`);
  return draft;
}
