/**
 * 緊急支援費 in the month's payout (issue 10): approved grants join the plan as items of kind
 * 'grant' (domain/payout), so they are held for the same reasons as honoraria and their 支払予定ID,
 * 支払ID and the 照合コード work as for claims. This file reads and writes the 緊急支援 sheet.
 */
import type { YearMonth } from '../domain/calendar';
import { isDateObject, tokyoDateOf, yearMonthOf } from '../domain/calendar';
import type { PayoutClaim, PayoutLine, PayoutPlan } from '../domain/payout';
import { grantAmount } from './emergency';
import { payoutId, syncDrafts } from './payout';
import type { Ctx } from './ports';
import { GRANTS } from './schema';

/** Every grant in 緊急支援 as a payout item (none when the sheet does not exist yet). */
export function grantsForPayout(ctx: Ctx): PayoutClaim[] {
  if (!ctx.sheetExists(GRANTS.name)) return [];
  const t = ctx.table(GRANTS);
  const out: PayoutClaim[] = [];
  for (let i = 0; i < t.length; i++) {
    const id = t.text(i, '緊急支援ID');
    const at = t.get(i, '記録日時');
    if (!id || !isDateObject(at) || Number.isNaN(at.getTime())) continue;
    out.push({
      kind: 'grant',
      claimId: id,
      supporterId: t.text(i, '伴走ネットID'),
      received: tokyoDateOf(at),
      programId: t.text(i, 'プログラム'),
      // An amount that is not a whole number of yen is never paid (the grant stays 承認, unpaid).
      amount: grantAmount(t.get(i, '金額')) ?? 0,
      decision: t.text(i, '判定'),
      paymentId: t.text(i, '支払ID'),
      draftId: t.text(i, '支払予定ID'),
    });
  }
  return out;
}

/**
 * Grants staff approved whose 金額 is empty or not a whole number of yen: never paid as they stand
 * (isDue), so the payout sheet names them instead of leaving them out in silence.
 */
export function unpayableGrants(ctx: Ctx, month: YearMonth): string[] {
  return grantsForPayout(ctx)
    .filter((g) => g.decision === '承認' && g.paymentId === '' && g.amount <= 0 && yearMonthOf(g.received) <= month)
    .map((g) => g.claimId);
}

/** After building: the grants the plan pays carry its 支払予定ID; grants that dropped out lose it. */
export function markGrantDrafts(ctx: Ctx, month: YearMonth, plan: PayoutPlan): void {
  if (!ctx.sheetExists(GRANTS.name)) return;
  syncDrafts(ctx.table(GRANTS), '緊急支援ID', new Set(plan.paid.flatMap((l) => l.grantIds)), payoutId(month));
}

/** Closing the month: the plan's grants become 支払済 with the payout ID (refused if one was paid). */
export function markGrantsPaid(ctx: Ctx, month: YearMonth, plan: PayoutPlan): number {
  const ids = plan.paid.flatMap((l) => l.grantIds);
  if (ids.length === 0) return 0;
  const t = ctx.table(GRANTS);
  const byId = new Map<string, number>();
  for (let i = 0; i < t.length; i++) byId.set(t.text(i, '緊急支援ID'), i);
  for (const grantId of ids) {
    const i = byId.get(grantId);
    if (i === undefined) throw new Error(`緊急支援 ${grantId} が見つかりません`);
    if (t.text(i, '支払ID') !== '') throw new Error(`緊急支援 ${grantId} はすでに支払済です（${t.text(i, '支払ID')}）`);
    t.set(i, { 判定: '支払済', 支払ID: payoutId(month), 支払予定ID: '' });
  }
  return ids.length;
}

/** The payout sheet's own line for a supporter's grants (same columns as the honoraria line). */
export function grantSheetRow(l: PayoutLine, status: string, withholding: boolean, bank: string): (string | number)[] {
  const r: (string | number)[] = [l.supporterId, l.name, l.grantIds.length, l.grantIds.join(', '), l.grants];
  if (withholding) r.push(0, l.grants);
  r.push(bank, status, ['緊急支援費（源泉徴収なし）', ...l.reasons].join(' / '));
  return r;
}

/** Rows of 緊急支援 paid to `supporterId` by the payout `pid` (a returned transfer undoes them). */
export function grantsPaidBy(ctx: Ctx, pid: string, supporterId: string): number[] {
  if (!ctx.sheetExists(GRANTS.name)) return [];
  const t = ctx.table(GRANTS);
  const rows: number[] = [];
  for (let i = 0; i < t.length; i++) if (t.text(i, '支払ID') === pid && t.text(i, '伴走ネットID') === supporterId) rows.push(i);
  return rows;
}

/** A returned transfer: those grants go back to 承認 without 支払ID, due again. Returns their IDs and yen. */
export function unpayGrants(ctx: Ctx, rows: readonly number[]): { ids: string[]; yen: number } {
  const t = ctx.table(GRANTS);
  const ids: string[] = [];
  let yen = 0;
  for (const i of rows) {
    ids.push(t.text(i, '緊急支援ID'));
    yen += grantAmount(t.get(i, '金額')) ?? 0;
    t.set(i, { 判定: '承認', 支払ID: '', 支払予定ID: '' });
  }
  return { ids: ids.sort(), yen };
}
