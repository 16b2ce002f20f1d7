/**
 * 再チェック: runs the checks again on every 審査待ち claim (after documents or course answers were
 * recorded, or a claim was rejected and freed its place). One read, one write. Claims are taken in
 * order of receipt so the limits and the budget see each claim as it stood when it was received.
 * A course questionnaire answer re-checks only its supporter's claims, by lookups
 * (recheckSupporterClaims).
 */
import { isDateObject } from '../domain/calendar';
import { parseId } from '../domain/ids';
import { checkCell } from '../domain/messages';
import type { Reason } from '../domain/reasons';
import { codesInCheckCell, reasonsFromJson, reasonsJson } from '../domain/reasons';
import type { Assessment } from '../domain/rules';
import type { Ctx, TablePort } from './ports';
import { CLAIMS, SUPPORTERS } from './schema';
import type { ClaimView } from './lookups';
import { answersFromRow, assess, ClaimBook, SEQ_C, SEQ_R, SupporterBook, takesBudget } from './claim';
import { adjustBudget, claimEntry, ClaimLookup, rebuildBudgetTotals } from './lookups';
import type { ClaimHeader } from './lookups';

export interface RevalidateResult {
  checked: number;
  changed: number;
}

/** Every 審査待ち claim checked again, in order of receipt. */
export function revalidatePending(ctx: Ctx): RevalidateResult {
  const t = ctx.table(CLAIMS);
  const book = new ClaimBook(t);
  const supporters = new SupporterBook(ctx.table(SUPPORTERS));
  const order = book.entries.filter(Boolean).sort((a, b) => a.received - b.received || a.index - b.index);
  const committed = new Map<string, number>();
  let checked = 0;
  let changed = 0;
  for (const e of order) {
    const i = e.index;
    if (e.decision === '審査待ち' && e.claimId) {
      checked++;
      const { assessment, reasons } = assessRow(ctx, t, i, book, supporters, (programId) => committed.get(programId) ?? 0);
      if (writeCheck(t, i, assessment, reasons)) {
        changed++;
        ctx.log(e.claimId, `再チェック: ${reasons.map((r) => r.code).join(', ') || 'OK'}`);
      }
      book.refresh(i);
    }
    const now = book.entries[i];
    if (takesBudget(now, now.programId)) committed.set(now.programId, (committed.get(now.programId) ?? 0) + now.amount);
  }
  // The budget's running totals, from the whole sheet now that it is read.
  rebuildBudgetTotals(ctx, t);
  ctx.log('申請', `審査待ちの再チェック: ${checked}件を確認、${changed}件を更新`);
  return { checked, changed };
}

/** The rules again on the claim in row i, from what the row holds. */
function assessRow(
  ctx: Ctx,
  t: TablePort<ClaimHeader>,
  i: number,
  book: ClaimView,
  supporters: SupporterBook,
  committed: (programId: string) => number,
): { assessment: Assessment; reasons: Reason[] } {
  const received = claimEntry(t, i).received;
  const own = parseId('R', t.get(i, '相談者ID'));
  const submitted = t.get(i, '回答日時');
  return assess(
    ctx,
    book,
    supporters,
    answersFromRow(t, i, ctx.settings.claimTitles),
    new Date(received),
    isDateObject(submitted) ? submitted : new Date(received),
    i,
    own.kind === 'ok' ? own.id : undefined,
    committed,
  );
}

/** Writes only the cells of a re-check that change (usually 自動チェック: one setValues). Returns whether any did. */
function writeCheck(t: TablePort<ClaimHeader>, i: number, assessment: Assessment, reasons: Reason[]): boolean {
  const after: Record<string, string | number> = {
    金額: assessment.amount,
    自動チェック: checkCell(reasons),
    自動チェック詳細: reasonsJson(reasons),
    プログラム: assessment.program.id,
    支払予定月: assessment.payoutMonth ?? '',
  };
  const before: Record<string, string | number> = {
    金額: Number(t.get(i, '金額')) || 0,
    自動チェック: t.text(i, '自動チェック'),
    自動チェック詳細: t.text(i, '自動チェック詳細'),
    プログラム: t.text(i, 'プログラム'),
    支払予定月: t.text(i, '支払予定月'),
  };
  const patch = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  if (Object.keys(patch).length === 0) return false;
  t.set(i, patch);
  return true;
}

// ---- questionnaire progress (helper 12c) ----

/**
 * After a course questionnaire answer: that supporter's 審査待ち claims checked again, so their
 * NOT_ELIGIBLE line names the courses that still remain (or goes). Lean, whatever the size of 申請:
 * the claims are found by a TextFinder on 伴走ネットID, each case's earlier claims by one on 相談者ID
 * (the limits, in order of receipt, as revalidate sees them), and only those rows are read.
 * The budget is the one thing not judged again here: it is shared by every claim in order of
 * receipt, which only 再チェック (all of 申請) can see, so each claim keeps the verdict it has.
 */
export function recheckSupporterClaims(ctx: Ctx, supporterId: string): RevalidateResult {
  const t = ctx.lookup(CLAIMS);
  const rows = t.findAll('伴走ネットID', supporterId).filter((i) => t.text(i, '判定') === '審査待ち' && t.text(i, '申請ID') !== '');
  if (rows.length === 0) return { checked: 0, changed: 0 };
  const book = new ClaimLookup(ctx, t, { case: SEQ_R, claim: SEQ_C });
  const supporters = new SupporterBook(ctx.lookup(SUPPORTERS));
  const order = rows.map((i) => claimEntry(t, i)).sort((a, b) => a.received - b.received || a.index - b.index);
  let changed = 0;
  for (const e of order) {
    const i = e.index;
    const kept = budgetVerdictOf(t, i);
    const { assessment, reasons } = assessRow(ctx, t, i, book, supporters, () => 0);
    const now = [...reasons.filter((r) => r.code !== 'BUDGET_EXCEEDED'), ...(kept ? [kept] : [])];
    if (!writeCheck(t, i, assessment, now)) continue;
    changed++;
    adjustBudget(ctx, e, claimEntry(t, i));
    ctx.log(e.claimId, `講座アンケートの回答で再チェック: ${now.map((r) => r.code).join(', ') || 'OK'}`);
  }
  ctx.log(supporterId, `講座アンケートの回答で審査待ちの申請を再チェック: ${rows.length}件を確認、${changed}件を更新`);
  return { checked: rows.length, changed };
}

/** The BUDGET_EXCEEDED reason a row holds (with its numbers, from 自動チェック詳細), or null. */
function budgetVerdictOf(t: TablePort<ClaimHeader>, i: number): Reason | null {
  if (!codesInCheckCell(t.get(i, '自動チェック')).includes('BUDGET_EXCEEDED')) return null;
  const held = reasonsFromJson(t.get(i, '自動チェック詳細'))?.find((r) => r.code === 'BUDGET_EXCEEDED');
  // (A damaged 詳細: the sentence without its numbers still says the claim is over the budget.)
  return held ?? { code: 'BUDGET_EXCEEDED', params: {} };
}
// ---- end: questionnaire progress ----
