/**
 * Review (SPEC §5): staff set 判定 and 審査メモ, in either order. Each change of 判定 is logged with
 * who and when. 差戻し and 却下 are mailed to the supporter once per round (a round is one change of
 * 判定 to that value), with the note: a decision without a note waits, shown as メモ待ち in 通知状況,
 * and the note written afterwards sends the one mail. The last decision the system has acted on is
 * kept in 記録済み判定, so pasted ranges and repeated edits are handled exactly once.
 */
import { addDays, compareDates, isDateObject, parseCalendarDate, tokyoDateOf, tokyoDateTime, tokyoMidnight } from '../domain/calendar';
import { formatHours } from '../domain/hours';
import type { Language } from '../domain/messages';
import { catalog, languageOf } from '../domain/messages';
import { codesInCheckCell, reasonsFromJson } from '../domain/reasons';
import type { Decision } from '../domain/rules';
import { asDecision } from '../domain/rules';
import { payoutMonthFor, programById, programForDate } from '../domain/programs';
import type { Ctx, TablePort } from './ports';
import { CLAIMS, SUPPORTERS } from './schema';
import { SupporterBook } from './claim';
import { adjustBudget, claimEntry } from './lookups';

export interface ReviewResult {
  changes: number;
  needsInfoSent: number;
  rejectedSent: number;
  waitingForNote: number;
  refused: number;
}

/** Who made a change the system only finds later (its edit trigger could not run). */
export const UNKNOWN_REVIEWER = '不明（後から記録）';
/** Who made an edit whose event names nobody (consumer accounts: only the trigger owner is named). */
export const UNNAMED_EDITOR = '不明';

/** 通知状況 of a 差戻し / 却下 without a note: nothing is sent until 審査メモ is written. */
export const WAITING_FOR_NOTE = 'メモ待ち（審査メモを書くと送信します）';
const isWaiting = (v: string) => v.startsWith('メモ待ち');

/** The decisions the supporter is told about, with the note. */
function tellsSupporter(d: Decision | null): d is '差戻し' | '却下' {
  return d === '差戻し' || d === '却下';
}

/**
 * Acts on the rows whose 判定 differs from 記録済み判定, and on the 差戻し / 却下 waiting for their
 * note whose note is now written. With `edited` (the rows of the edit that fired the trigger) only
 * those rows are read and acted on, their reviewer being the editor: an edit costs the same
 * whatever the size of 申請. Without, every row is (the daily job, and the recovery run after an
 * edit whose trigger could not get the lock): rows found changed then are recorded without a name.
 */
export function handleReviewChanges(ctx: Ctx, edited: readonly number[] = []): ReviewResult {
  const lean = edited.length > 0;
  const t = lean ? ctx.lookup(CLAIMS) : ctx.table(CLAIMS);
  const result: ReviewResult = { changes: 0, needsInfoSent: 0, rejectedSent: 0, waitingForNote: 0, refused: 0 };
  const editedRows = new Set(edited);
  // (Edited rows are sheet rows: read as they are, without asking the sheet its length.)
  const rows = lean ? [...editedRows].filter((i) => i >= 0).sort((a, b) => a - b) : Array.from({ length: t.length }, (_, i) => i);
  t.load(rows, lean);
  let supporters: SupporterBook | undefined;
  const book = () => (supporters ??= new SupporterBook(lean ? ctx.lookup(SUPPORTERS) : ctx.table(SUPPORTERS)));
  const tell = (i: number, decision: '差戻し' | '却下') => {
    notifyDecision(ctx, t, i, book(), decision);
    if (decision === '差戻し') result.needsInfoSent++;
    else result.rejectedSent++;
  };
  for (const i of rows) {
    if (!t.text(i, '申請ID')) continue;
    const now = t.text(i, '判定');
    const recorded = t.text(i, '記録済み判定');
    if (now === recorded) {
      // The note written after the decision: this round's one mail goes now.
      const d = asDecision(now);
      if (tellsSupporter(d) && isWaiting(t.text(i, '通知状況')) && t.text(i, '審査メモ') !== '') tell(i, d);
      continue;
    }
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
    // A new round: 差戻し / 却下 are told once, with the note; without one they wait for it.
    t.set(i, { 差戻し期限: '', 催促日: '', 通知状況: '' });
    // 支払予定月 stays true: a rejected claim is paid in no month; taken back, it gets its month again.
    if (decision === '却下') t.set(i, { 支払予定月: '' });
    else if (recorded === '却下') t.set(i, { 支払予定月: expectedMonth(ctx, t, i) });
    if (tellsSupporter(decision)) {
      if (t.text(i, '審査メモ') !== '') tell(i, decision);
      else {
        t.set(i, { 通知状況: WAITING_FOR_NOTE });
        ctx.log(claimId, `${decision}: 審査メモがないため、まだ送信していません（メモを書くと送信します）`);
        result.waitingForNote++;
      }
    }
  }
  return result;
}

/** The month the rules give a claim (received date and program), '' outside every program. */
function expectedMonth(ctx: Ctx, t: TablePort, i: number): string {
  const program = programById(ctx.settings.programs, t.text(i, 'プログラム'));
  const received = t.get(i, '受付日時');
  const date = parseCalendarDate(t.get(i, '支援日'));
  if (!program || !isDateObject(received) || !date || programForDate(ctx.settings.programs, date)?.id !== program.id) return '';
  return payoutMonthFor(program, tokyoDateOf(received));
}

function notifyDecision(ctx: Ctx, t: TablePort, i: number, supporters: SupporterBook, decision: '差戻し' | '却下'): void {
  if (decision === '差戻し') sendNeedsInfo(ctx, t, i, supporters, false);
  else sendRejected(ctx, t, i, supporters);
  t.set(i, { 通知状況: `${decision}を送信（${tokyoDateTime(ctx.now)}）` });
}

/** Who the mail goes to and how the claim is restated, in their language. */
function recipientOf(ctx: Ctx, t: TablePort, i: number, supporters: SupporterBook) {
  const s = supporters.get(t.text(i, '伴走ネットID'));
  const language: Language = s?.language ?? languageOf(t.get(i, '言語'));
  const hours = t.get(i, '支援時間');
  const note = t.text(i, '審査メモ');
  // A note to an English or Vietnamese supporter goes as written, plus a marked machine translation.
  let translation: string | null = null;
  if (language !== 'ja' && note !== '') {
    translation = ctx.translate(note, language);
    if (translation !== null && translation.trim() === note.trim()) translation = null;
  }
  return {
    to: s?.facts.email || t.text(i, 'メール'),
    language,
    name: s?.name || t.text(i, '氏名'),
    claimId: t.text(i, '申請ID'),
    supportDate: parseCalendarDate(t.get(i, '支援日')) ?? (t.text(i, '支援日') || '—'),
    hours: typeof hours === 'number' ? formatHours(hours) : t.text(i, '支援時間') || '—',
    note,
    translation,
  };
}

/** The automatic-check reasons in the reader's language (from 自動チェック詳細; else 自動チェック as it is). */
function problemsOf(t: TablePort, i: number, language: Language): { text: string; fix: string }[] {
  const reasons = reasonsFromJson(t.get(i, '自動チェック詳細'));
  if (reasons) return reasons.map((r) => catalog(language).reason(r.code, r.params));
  if (codesInCheckCell(t.get(i, '自動チェック')).length === 0) return [];
  return t.text(i, '自動チェック').split('\n').filter(Boolean).map((line) => ({ text: line, fix: '' }));
}

/** 差戻し mail: the claim, the note, the reasons, the link to edit the response, the deadline (one week by default). */
export function sendNeedsInfo(ctx: Ctx, t: TablePort, i: number, supporters: SupporterBook, reminder: boolean): void {
  const claimId = t.text(i, '申請ID');
  const program = programById(ctx.settings.programs, t.text(i, 'プログラム')) ?? ctx.settings.active;
  let deadline = parseCalendarDate(t.get(i, '差戻し期限'));
  if (!deadline || !reminder) {
    deadline = addDays(tokyoDateOf(ctx.now), program.needsInfoDays);
    t.set(i, { 差戻し期限: tokyoMidnight(deadline) });
  }
  const r = recipientOf(ctx, t, i, supporters);
  const url = ctx.claimEditUrl(t.text(i, '回答ID'));
  if (!url) ctx.log(claimId, '回答の編集リンクがないため（申請フォームで回答の編集がオフ、または回答が見つからない）、メールへの返信で訂正するよう案内しました');
  ctx.mail.send(
    r.to,
    catalog(r.language).needsInfo({
      name: r.name,
      claimId,
      supportDate: r.supportDate,
      hours: r.hours,
      note: r.note,
      translation: r.translation,
      problems: problemsOf(t, i, r.language),
      editUrl: url,
      deadline,
      reminder,
      contact: ctx.settings.contactIn(r.language),
    }),
  );
  ctx.log(claimId, `${reminder ? '差戻しの催促' : '差戻し'}を送信（期限 ${deadline}${r.translation ? '、機械翻訳を添付' : ''}）`);
}

/** 却下 mail: the claim and the note. */
function sendRejected(ctx: Ctx, t: TablePort, i: number, supporters: SupporterBook): void {
  const r = recipientOf(ctx, t, i, supporters);
  ctx.mail.send(
    r.to,
    catalog(r.language).rejected({
      name: r.name,
      claimId: r.claimId,
      supportDate: r.supportDate,
      hours: r.hours,
      note: r.note,
      translation: r.translation,
      contact: ctx.settings.contactIn(r.language),
    }),
  );
  ctx.log(r.claimId, `却下を通知${r.translation ? '（機械翻訳を添付）' : ''}`);
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
