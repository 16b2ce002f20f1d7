/**
 * 再チェック: runs the checks again on every 審査待ち claim (after documents or course answers were
 * recorded, or a claim was rejected and freed its place). One read, one write. Claims are taken in
 * order of receipt so the limits and the budget see each claim as it stood when it was received.
 */
import { isDateObject } from '../domain/calendar';
import { parseId } from '../domain/ids';
import { checkCell } from '../domain/messages';
import { reasonsJson } from '../domain/reasons';
import type { Ctx } from './ports';
import { CLAIMS, SUPPORTERS } from './schema';
import { answersFromRow, assess, ClaimBook, SupporterBook, takesBudget } from './claim';
import { rebuildBudgetTotals } from './lookups';

export interface RevalidateResult {
  checked: number;
  changed: number;
}

/**
 * `supporterId`: re-check only that supporter's 審査待ち claims (after their course questionnaires
 * were completed); the others are still walked in order, unchanged, so the limits and the budget
 * see them as before.
 */
export function revalidatePending(ctx: Ctx, supporterId?: string): RevalidateResult {
  const t = ctx.table(CLAIMS);
  const book = new ClaimBook(t);
  const supporters = new SupporterBook(ctx.table(SUPPORTERS));
  const order = book.entries.filter(Boolean).sort((a, b) => a.received - b.received || a.index - b.index);
  const committed = new Map<string, number>();
  let checked = 0;
  let changed = 0;
  for (const e of order) {
    const i = e.index;
    if (e.decision === '審査待ち' && e.claimId && (supporterId === undefined || e.supporterId === supporterId)) {
      checked++;
      const answers = answersFromRow(t, i, ctx.settings.claimTitles);
      const own = parseId('R', t.get(i, '相談者ID'));
      const submitted = t.get(i, '回答日時');
      const { assessment, reasons } = assess(
        ctx,
        book,
        supporters,
        answers,
        new Date(e.received),
        isDateObject(submitted) ? submitted : new Date(e.received),
        i,
        own.kind === 'ok' ? own.id : undefined,
        (programId) => committed.get(programId) ?? 0,
      );
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
      // Only the cells that change are written (usually 金額 and 自動チェック: one setValues).
      const patch = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
      if (Object.keys(patch).length > 0) {
        t.set(i, patch);
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
  ctx.log(supporterId ?? '申請', `審査待ちの再チェック${supporterId ? '（講座アンケート回答済み）' : ''}: ${checked}件を確認、${changed}件を更新`);
  return { checked, changed };
}
