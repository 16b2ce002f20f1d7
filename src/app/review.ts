/**
 * Review (SPEC §5): staff set 判定 and 審査メモ. Each change of 判定 is logged with who and when;
 * 差戻し sends the note, the response's edit link and the deadline. The last decision the system
 * has acted on is kept in 記録済み判定, so pasted ranges and repeated edits are handled exactly once.
 */
import { addDays, compareDates, tokyoDateOf, tokyoMidnight, parseCalendarDate } from '../domain/calendar';
import { catalog, languageOf } from '../domain/messages';
import { asDecision } from '../domain/rules';
import { programById } from '../domain/programs';
import type { Ctx, TablePort } from './ports';
import { CLAIMS, SUPPORTERS } from './schema';
import { SupporterBook } from './claim';
import { adjustBudget, claimEntry } from './lookups';

export interface ReviewResult {
  changes: number;
  needsInfoSent: number;
  refused: number;
}

/** Who made a change the system only finds later (its edit trigger could not run). */
export const UNKNOWN_REVIEWER = '不明（後から記録）';

/**
 * Acts on the rows whose 判定 differs from 記録済み判定. With `edited` (the rows of the edit that
 * fired the trigger) only those rows are read and acted on, their reviewer being the editor: an
 * edit costs the same whatever the size of 申請. Without, every row is (the daily job, and the
 * recovery run after an edit whose trigger could not get the lock): rows found changed then are
 * recorded without a name.
 */
export function handleReviewChanges(ctx: Ctx, edited: readonly number[] = []): ReviewResult {
  const t = edited.length > 0 ? ctx.lookup(CLAIMS) : ctx.table(CLAIMS);
  const result: ReviewResult = { changes: 0, needsInfoSent: 0, refused: 0 };
  const editedRows = new Set(edited);
  // (Edited rows are sheet rows: read as they are, without asking the sheet its length.)
  const rows = edited.length > 0 ? [...editedRows].filter((i) => i >= 0).sort((a, b) => a - b) : Array.from({ length: t.length }, (_, i) => i);
  t.load(rows, edited.length > 0);
  let supporters: SupporterBook | undefined;
  for (const i of rows) {
    if (!t.text(i, '申請ID')) continue;
    const now = t.text(i, '判定');
    const recorded = t.text(i, '記録済み判定');
    if (now === recorded) continue;
    const claimId = t.text(i, '申請ID');
    const decision = asDecision(now);
    // The system writes 記録済み判定 on every row it creates. A row without it was not made by this
    // system (pasted or imported, or a sheet from before this column): take its 判定 as it stands,
    // and send nothing.
    if (recorded === '' && decision) {
      t.set(i, { 記録済み判定: decision });
      ctx.log(claimId, `既存の判定「${decision}」を記録しました（メールは送っていません）`);
      continue;
    }
    // A paid claim stays paid, and only markPayoutPaid pays: staff cannot set or undo 支払済.
    if (t.text(i, '支払ID') !== '' || decision === '支払済' || recorded === '支払済') {
      t.set(i, { 判定: recorded || '審査待ち' });
      ctx.log(claimId, `判定「${now}」は受け付けません（支払済は月次支払の確定でのみ設定されます）。「${recorded}」に戻しました`);
      result.refused++;
      continue;
    }
    if (!decision) {
      t.set(i, { 判定: recorded || '審査待ち' });
      ctx.log(claimId, `判定「${now}」は選択肢にないため「${recorded || '審査待ち'}」に戻しました`);
      result.refused++;
      continue;
    }
    const reviewer = editedRows.has(i) ? ctx.actor : UNKNOWN_REVIEWER;
    // 却下 gives the claim's place in the budget back (and taking it back takes it again).
    const beforeEntry = claimEntry(t, i);
    adjustBudget(ctx, { ...beforeEntry, decision: asDecision(recorded) }, beforeEntry);
    t.set(i, { 記録済み判定: decision, 審査者: reviewer, 審査日時: ctx.now });
    ctx.log(claimId, `判定: ${recorded || '（なし）'} → ${decision}${t.text(i, '審査メモ') ? `（メモ: ${t.text(i, '審査メモ')}）` : ''}${editedRows.has(i) ? '' : `（審査者: ${UNKNOWN_REVIEWER}）`}`);
    result.changes++;
    if (decision === '差戻し') {
      supporters ??= new SupporterBook(edited.length > 0 ? ctx.lookup(SUPPORTERS) : ctx.table(SUPPORTERS));
      sendNeedsInfo(ctx, t, i, supporters, false);
      result.needsInfoSent++;
    } else {
      t.set(i, { 差戻し期限: '', 催促日: '' });
    }
  }
  return result;
}

/** 差戻し mail: the note, the link to edit the response, the deadline (one week by default). */
export function sendNeedsInfo(ctx: Ctx, t: TablePort, i: number, supporters: SupporterBook, reminder: boolean): void {
  const claimId = t.text(i, '申請ID');
  const program = programById(ctx.settings.programs, t.text(i, 'プログラム')) ?? ctx.settings.active;
  let deadline = parseCalendarDate(t.get(i, '差戻し期限'));
  if (!deadline || !reminder) {
    deadline = addDays(tokyoDateOf(ctx.now), program.needsInfoDays);
    t.set(i, { 差戻し期限: tokyoMidnight(deadline) });
  }
  const s = supporters.get(t.text(i, '伴走ネットID'));
  const to = s?.facts.email || t.text(i, 'メール');
  const language = s?.language ?? languageOf(t.get(i, '言語'));
  const url = ctx.claimEditUrl(t.text(i, '回答ID'));
  if (!url) ctx.log(claimId, '回答の編集リンクが取得できませんでした（申請フォームの設定を確認してください）');
  ctx.mail.send(
    to,
    catalog(language).needsInfo({
      name: s?.name || t.text(i, '氏名'),
      claimId,
      note: t.text(i, '審査メモ'),
      editUrl: url,
      deadline,
      reminder,
      contact: ctx.settings.contact,
    }),
  );
  ctx.log(claimId, reminder ? `差戻しの催促を送信（期限 ${deadline}）` : `差戻しを送信（期限 ${deadline}）`);
}

/**
 * Daily: one reminder two days before the deadline (or at once if less is left), and a report
 * of the requests whose deadline has passed.
 */
export function needsInfoFollowUp(ctx: Ctx): { reminded: number; expired: string[] } {
  const t = ctx.table(CLAIMS);
  const today = tokyoDateOf(ctx.now);
  let supporters: SupporterBook | undefined;
  let reminded = 0;
  const expired: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t.text(i, '判定') !== '差戻し' || t.text(i, '記録済み判定') !== '差戻し') continue;
    const deadline = parseCalendarDate(t.get(i, '差戻し期限'));
    if (!deadline) continue;
    if (compareDates(today, deadline) > 0) {
      expired.push(`${t.text(i, '申請ID')}（${t.text(i, '氏名')}、期限 ${deadline}）`);
      continue;
    }
    if (t.text(i, '催促日') === '' && compareDates(addDays(deadline, -2), today) <= 0) {
      supporters ??= new SupporterBook(ctx.table(SUPPORTERS));
      sendNeedsInfo(ctx, t, i, supporters, true);
      t.set(i, { 催促日: tokyoMidnight(today) });
      reminded++;
    }
  }
  if (expired.length > 0) {
    ctx.log('差戻し', `回答期限を過ぎた差戻し: ${expired.length}件`);
    ctx.mail.notifyOffice(
      `回答期限を過ぎた差戻しが${expired.length}件あります`,
      `次の申請は差戻しの回答期限を過ぎています。判定（却下・承認など）を決めてください。\n\n${expired.join('\n')}`,
    );
  }
  return { reminded, expired };
}
