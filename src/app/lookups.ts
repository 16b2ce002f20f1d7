/**
 * What a submit or an edit needs from 申請, found without reading the table (SPEC §8: per-submit
 * work does not grow with the sheets): one case's earlier claims (a lookup on 相談者ID), the
 * highest IDs issued (script properties), and the yen a program's budget has committed.
 *
 * The budget total (予算上限): a running total per program in script properties
 * (`budget.committed.<program>`), changed under the script lock by every run that changes what a
 * claim takes from the budget (a submit, an edit of a response, a 判定 to or from 却下), and
 * rebuilt from the whole sheet by revalidate and the daily job (which read 申請 anyway), so a
 * row staff delete or an amount they retype is corrected within a day. A claim is checked against
 * the total of every other claim: for a new claim that is exactly "received before it"; an edited
 * response is checked against the budget as it stands now (revalidate checks in receipt order).
 */
import { isDateObject, parseCalendarDate } from '../domain/calendar';
import { parseId } from '../domain/ids';
import { codesInCheckCell } from '../domain/reasons';
import type { PriorClaim } from '../domain/rules';
import { asDecision } from '../domain/rules';
import type { Ctx, TablePort } from './ports';
import type { CLAIMS, HeaderOf } from './schema';

export type ClaimHeader = HeaderOf<typeof CLAIMS>;

/** One claim as the limits and the budget see it. */
export interface ClaimEntry extends PriorClaim {
  index: number;
  received: number;
}

export function timeOf(v: unknown): number {
  return isDateObject(v) ? v.getTime() : Number.POSITIVE_INFINITY;
}

export function claimEntry(t: TablePort<ClaimHeader>, i: number): ClaimEntry {
  return {
    index: i,
    claimId: t.text(i, '申請ID'),
    received: timeOf(t.get(i, '受付日時')),
    supporterId: t.text(i, '伴走ネットID'),
    caseId: t.text(i, '相談者ID'),
    supportDate: parseCalendarDate(t.get(i, '支援日')) ?? '',
    programId: t.text(i, 'プログラム'),
    amount: Number(t.get(i, '金額')) || 0,
    decision: asDecision(t.get(i, '判定')),
    codes: codesInCheckCell(t.get(i, '自動チェック')),
  };
}

export function receivedBefore(o: { received: number; index: number }, received: number, index: number): boolean {
  return o.received < received || (o.received === received && o.index < index);
}

/** 承認・支払済・審査待ち・差戻し take budget; 却下 and claims already over the budget do not. */
export function takesBudget(e: PriorClaim, programId: string): boolean {
  return e.programId === programId && e.amount > 0 && e.decision !== '却下' && !e.codes.includes('BUDGET_EXCEEDED');
}

/** Yen a claim takes from its own program's budget. */
export const budgetShare = (e: PriorClaim | undefined) => (e && takesBudget(e, e.programId) ? e.amount : 0);

export const budgetKey = (programId: string) => `budget.committed.${programId}`;

/** What the rules ask of 申請 while checking one claim. */
export interface ClaimView {
  readonly maxCaseSeq: number;
  priorOf(caseId: string, received: number, index: number): PriorClaim[];
  committedBefore(programId: string, received: number, index: number): number;
}

/** 申請 by lookups: only the rows a claim needs are read. */
export class ClaimLookup implements ClaimView {
  private maxCase?: number;
  private maxClaim?: number;

  constructor(
    private readonly ctx: Ctx,
    readonly t: TablePort<ClaimHeader>,
    private readonly seqKeys: { case: string; claim: string },
  ) {}

  /**
   * The highest 相談者ID in the sheet: needed only when the counter in script properties is gone
   * (then one column is read), so a lost property never issues an ID twice.
   */
  get maxCaseSeq(): number {
    if (this.ctx.prop(this.seqKeys.case) !== null) return 0;
    this.maxCase ??= maxSeq(this.t.column('相談者ID'), (v) => {
      const p = parseId('R', v);
      return p.kind === 'ok' ? p.seq : 0;
    });
    return this.maxCase;
  }

  get maxClaimSeq(): number {
    if (this.ctx.prop(this.seqKeys.claim) !== null) return 0;
    this.maxClaim ??= maxSeq(this.t.column('申請ID'), (v) => {
      const c = /^C-(\d+)-\d$/.exec(String(v ?? '').trim());
      return c ? Number(c[1]) : 0;
    });
    return this.maxClaim;
  }

  entry(i: number): ClaimEntry {
    return claimEntry(this.t, i);
  }

  priorOf(caseId: string, received: number, index: number): PriorClaim[] {
    const rows = this.t.findAll('相談者ID', caseId);
    this.t.load(rows);
    return rows.map((i) => claimEntry(this.t, i)).filter((o) => o.index !== index && receivedBefore(o, received, index));
  }

  /** Every other claim's share of the program's budget (see the file comment). */
  committedBefore(programId: string, _received: number, index: number): number {
    const own = index < this.t.length ? budgetShareIn(claimEntry(this.t, index), programId) : 0;
    return budgetTotal(this.ctx, this.t, programId) - own;
  }
}

function budgetShareIn(e: PriorClaim, programId: string): number {
  return takesBudget(e, programId) ? e.amount : 0;
}

function maxSeq(values: unknown[], seq: (v: unknown) => number): number {
  let max = 0;
  for (const v of values) max = Math.max(max, seq(v));
  return max;
}

/** The running total of a program's budget; rebuilt from the sheet (four columns) when absent. */
export function budgetTotal(ctx: Ctx, t: TablePort<ClaimHeader>, programId: string): number {
  const stored = ctx.prop(budgetKey(programId));
  if (stored !== null && Number.isFinite(Number(stored))) return Number(stored);
  const totals = totalsFromColumns(t);
  const total = totals.get(programId) ?? 0;
  ctx.setProp(budgetKey(programId), String(total));
  return total;
}

function totalsFromColumns(t: TablePort<ClaimHeader>): Map<string, number> {
  const programs = t.column('プログラム');
  const amounts = t.column('金額');
  const decisions = t.column('判定');
  const checks = t.column('自動チェック');
  const totals = new Map<string, number>();
  for (let i = 0; i < programs.length; i++) {
    const programId = String(programs[i] ?? '').trim();
    if (!programId) continue;
    const e: PriorClaim = {
      claimId: '',
      supporterId: '',
      caseId: '',
      supportDate: '',
      programId,
      amount: Number(amounts[i]) || 0,
      decision: asDecision(decisions[i]),
      codes: codesInCheckCell(checks[i]),
    };
    totals.set(programId, (totals.get(programId) ?? 0) + budgetShareIn(e, programId));
  }
  return totals;
}

/** After a claim's row changed (under the lock): the totals follow, where they are kept. */
export function adjustBudget(ctx: Ctx, before: PriorClaim | undefined, after: PriorClaim | undefined): void {
  const changes = new Map<string, number>();
  if (before?.programId) changes.set(before.programId, -budgetShare(before));
  if (after?.programId) changes.set(after.programId, (changes.get(after.programId) ?? 0) + budgetShare(after));
  for (const [programId, delta] of changes) {
    if (delta === 0) continue; // (no property read: a 承認 of a pending claim changes nothing here)
    const stored = ctx.prop(budgetKey(programId));
    if (stored === null || !Number.isFinite(Number(stored))) continue;
    ctx.setProp(budgetKey(programId), String(Number(stored) + delta));
  }
}

/** Every program's total from the whole sheet (revalidate, the daily job). */
export function rebuildBudgetTotals(ctx: Ctx, t: TablePort<ClaimHeader>): void {
  const totals = totalsFromColumns(t);
  // A program whose claims are all gone keeps a total, of 0.
  for (const p of ctx.settings.programs) if (!totals.has(p.id) && ctx.prop(budgetKey(p.id)) !== null) totals.set(p.id, 0);
  for (const [programId, total] of totals) {
    if (ctx.prop(budgetKey(programId)) !== String(total)) ctx.setProp(budgetKey(programId), String(total));
  }
}
