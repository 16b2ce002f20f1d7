/**
 * The month-end payout plan (月次支払), pure: which approved claims are paid this month, grouped per
 * supporter, and which are held (保留) with the reason. Held claims are simply not paid; they stay
 * 承認 without a 支払ID and come back in the next month's plan by themselves.
 */
import type { CalendarDate, YearMonth } from './calendar';
import { yearMonthOf } from './calendar';
import type { BankAccount, RawAccount } from './bankAccount';
import { needsCheckReason, validateAccount } from './bankAccount';
import { payday } from './holidays';
import type { Program } from './programs';
import { documentReceivedFor, payoutMonthFor, programById } from './programs';
import { withholdingTax } from './zengin';

export interface PayoutClaim {
  claimId: string;
  supporterId: string;
  /** Calendar date of the first submit (受付日時). */
  received: CalendarDate;
  programId: string;
  amount: number;
  /** 判定 */
  decision: string;
  /** 支払ID (set once paid) */
  paymentId: string;
  /** 支払予定ID: the payout sheet (built, not yet paid) that lists this claim, or ''. */
  draftId: string;
  /**
   * 'grant': an approved emergency-support grant (緊急支援費, issue 10), paid in the same transfer
   * and held for the same reasons, but not an honorarium: never taxed, listed on its own line.
   * `received` is then the day it was recorded.
   */
  kind?: 'grant';
}

export interface PayoutSupporter {
  id: string;
  name: string;
  /** 覚書受領日, 口座届受領日 (null when not received). */
  memorandum: CalendarDate | null;
  accountForm: CalendarDate | null;
}

export interface PayoutLine {
  supporterId: string;
  name: string;
  claimIds: string[];
  /** Honoraria (謝金) only. */
  gross: number;
  tax: number;
  /** What is transferred: gross − tax + grants. */
  net: number;
  /** 緊急支援IDs paid (or held) with this line, and their sum. */
  grantIds: string[];
  grants: number;
  account: BankAccount | null;
  /** 保留の理由 (empty when paid), for staff. */
  reasons: string[];
  /** What the supporter must do about a hold: send the documents, or fix the bank account. */
  holdKinds: HoldKind[];
}

export type HoldKind = 'documents' | 'account';

export interface PayoutPlan {
  month: YearMonth;
  payday: CalendarDate;
  paid: PayoutLine[];
  held: PayoutLine[];
  totalGross: number;
  totalTax: number;
  totalNet: number;
  /** Due claims left out because another month's unpaid payout sheet lists them. */
  elsewhere: { claimId: string; draftId: string }[];
  /**
   * Approved, unpaid claims (not grants: see unpayableGrants) received by this month's cut-off whose
   * 金額 is 0 or unreadable (支援時間 the rules could not read): never paid as they stand, so the
   * payout sheet names them instead of leaving them out in silence.
   */
  unpayable: string[];
}

export interface PayoutInput {
  month: YearMonth;
  claims: readonly PayoutClaim[];
  supporters: ReadonlyMap<string, PayoutSupporter>;
  /** 口座 rows by 伴走ネットID (more than one row for an ID is ambiguous and held). */
  accounts: ReadonlyMap<string, RawAccount[]>;
  programs: readonly Program[];
  active: Program;
  withholding: boolean;
  /**
   * 支払予定IDs of other months' payout sheets that are built and not yet paid: their claims are
   * not paid again here. (A claim whose draft sheet was deleted is free again.)
   */
  openDrafts?: ReadonlySet<string>;
  /** Closing a month: only the claims its sheet listed (this 支払予定ID), nothing newly due. */
  onlyDraft?: string;
}

/** The claims a month pays: 承認, not yet paid, received by the cut-off before that month. */
export function isDue(c: PayoutClaim, month: YearMonth, programs: readonly Program[], active: Program): boolean {
  if (c.decision !== '承認' || c.paymentId !== '' || c.amount <= 0) return false;
  // A grant is urgent: paid by the first payout of the month it was recorded in, or any later one.
  if (c.kind === 'grant') return yearMonthOf(c.received) <= month;
  const program = programById(programs, c.programId) ?? active;
  return payoutMonthFor(program, c.received) <= month;
}

export function planPayout(input: PayoutInput): PayoutPlan {
  const elsewhere: PayoutPlan['elsewhere'] = [];
  // A row copied by hand (the sheet's protection only warns) repeats an ID: paying every row would pay
  // that claim twice. Such an ID is planned once and held until the copy is deleted.
  const idKey = (c: PayoutClaim) => `${c.kind ?? 'claim'}\t${c.claimId}`;
  const rowsOf = new Map<string, number>();
  for (const c of input.claims) rowsOf.set(idKey(c), (rowsOf.get(idKey(c)) ?? 0) + 1);
  const planned = new Set<string>();
  const due = input.claims.filter((c) => {
    if (!isDue(c, input.month, input.programs, input.active)) return false;
    if (planned.has(idKey(c))) return false;
    planned.add(idKey(c));
    if (input.onlyDraft !== undefined) return c.draftId === input.onlyDraft;
    if (c.draftId && input.openDrafts?.has(c.draftId)) {
      elsewhere.push({ claimId: c.claimId, draftId: c.draftId });
      return false;
    }
    return true;
  });
  const unpayable = input.claims
    .filter((c) => c.kind !== 'grant' && input.onlyDraft === undefined && isDue({ ...c, amount: 1 }, input.month, input.programs, input.active) && !(c.amount > 0))
    .map((c) => c.claimId)
    .sort();
  const bySupporter = new Map<string, PayoutClaim[]>();
  for (const c of due) {
    const list = bySupporter.get(c.supporterId) ?? [];
    list.push(c);
    bySupporter.set(c.supporterId, list);
  }
  const paid: PayoutLine[] = [];
  const held: PayoutLine[] = [];
  let paydayDay = 0;
  for (const [supporterId, claims] of [...bySupporter].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const s = input.supporters.get(supporterId);
    const rows = input.accounts.get(supporterId) ?? [];
    const accountReasons: string[] = [];
    let account: BankAccount | null = null;
    if (!s) accountReasons.push('登録者シートにこの伴走ネットIDがありません');
    if (rows.length === 0) accountReasons.push('口座シートに口座が登録されていません');
    else if (rows.length > 1) accountReasons.push('口座シートに同じ伴走ネットIDの口座が複数あります');
    else {
      const v = validateAccount(rows[0]);
      const check = needsCheckReason(rows[0].status);
      if (v.ok && check === null) account = v.account;
      if (!v.ok) accountReasons.push(...v.reasons.map((r) => `口座: ${r}`));
      if (check !== null) accountReasons.push(`口座: ${check}`);
    }
    // Documents are per program: each claim needs this program's 覚書 and 口座届.
    const ok: PayoutClaim[] = [];
    const heldClaims: { claim: PayoutClaim; reasons: string[]; kinds: HoldKind[] }[] = [];
    for (const c of claims) {
      const program = programById(input.programs, c.programId) ?? input.active;
      const reasons = [...accountReasons];
      const kinds: HoldKind[] = accountReasons.length > 0 ? ['account'] : [];
      if (s) {
        if (!documentReceivedFor(program, s.memorandum)) reasons.push(`覚書（${program.name}）が未受領です`);
        if (!documentReceivedFor(program, s.accountForm)) reasons.push(`謝金受取口座届出書（${program.name}）が未受領です`);
        if (reasons.length > accountReasons.length) kinds.push('documents');
      }
      if ((rowsOf.get(idKey(c)) ?? 0) > 1) {
        reasons.push(`${c.kind === 'grant' ? '緊急支援' : '申請'}シートに同じ${c.kind === 'grant' ? '緊急支援ID' : '申請ID'}（${c.claimId}）の行が複数あります。重複した行を削除してください`);
      }
      if (reasons.length > 0) heldClaims.push({ claim: c, reasons, kinds });
      else {
        ok.push(c);
        paydayDay = paydayDay === 0 ? program.paydayDay : Math.min(paydayDay, program.paydayDay);
      }
    }
    const name = s?.name ?? '';
    if (ok.length > 0) paid.push(line(supporterId, name, ok, account, [], input.withholding));
    if (heldClaims.length > 0) {
      const reasons = [...new Set(heldClaims.flatMap((h) => h.reasons))];
      const kinds = [...new Set(heldClaims.flatMap((h) => h.kinds))];
      held.push({ ...line(supporterId, name, heldClaims.map((h) => h.claim), account, reasons, false), holdKinds: kinds });
    }
  }
  const sum = (f: (l: PayoutLine) => number) => paid.reduce((n, l) => n + f(l), 0);
  return {
    month: input.month,
    payday: payday(input.month, paydayDay || input.active.paydayDay),
    paid,
    held,
    totalGross: sum((l) => l.gross),
    totalTax: sum((l) => l.tax),
    totalNet: sum((l) => l.net),
    elsewhere,
    unpayable,
  };
}

/**
 * 照合コード: a short hash of exactly what the transfer pays (who, which claims, how much, to which
 * account). The payout sheet shows it; closing the month recomputes it and refuses on a difference.
 */
export function payoutFingerprint(plan: PayoutPlan): string {
  const text = plan.paid
    .map((l) => [l.supporterId, l.claimIds.join(' ') + (l.grantIds.length > 0 ? ` +${l.grantIds.join(' ')}` : ''), l.net, l.account?.bankCode, l.account?.branchCode, l.account?.type, l.account?.number, l.account?.holderKana].join('|'))
    .join('\n');
  // FNV-1a, 32 bits, twice with different seeds: enough to notice a change, not a secret.
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `${fnv(0x811c9dc5)}${fnv(0x01234567)}`;
}

function line(
  supporterId: string,
  name: string,
  claims: PayoutClaim[],
  account: BankAccount | null,
  reasons: string[],
  withholding: boolean,
): PayoutLine {
  const honoraria = claims.filter((c) => c.kind !== 'grant');
  const grantList = claims.filter((c) => c.kind === 'grant');
  const gross = honoraria.reduce((n, c) => n + c.amount, 0);
  const grants = grantList.reduce((n, c) => n + c.amount, 0);
  const tax = withholding ? withholdingTax(gross) : 0;
  return {
    supporterId,
    name,
    claimIds: honoraria.map((c) => c.claimId).sort(),
    gross,
    tax,
    net: gross - tax + grants,
    grantIds: grantList.map((c) => c.claimId).sort(),
    grants,
    account,
    reasons,
    holdKinds: [],
  };
}

// ---- payout dialog figures (helper 12c) ----

/** What the payout confirmation shows: honoraria and emergency grants apart, and what is transferred. */
export interface PayoutFigures {
  /** Supporters paid, claims and honoraria (謝金, before tax). */
  honorariaPeople: number;
  claims: number;
  gross: number;
  tax: number;
  /** Supporters paid a grant, grants (緊急支援) and their yen (never taxed). */
  grantPeople: number;
  grants: number;
  grantYen: number;
  /** Supporters transferred to, and the transfer total: gross − tax + grants. */
  people: number;
  net: number;
  held: number;
  heldClaims: number;
  heldGrants: number;
}

export function payoutFigures(plan: PayoutPlan): PayoutFigures {
  const count = (lines: PayoutLine[], f: (l: PayoutLine) => number) => lines.reduce((n, l) => n + f(l), 0);
  return {
    honorariaPeople: plan.paid.filter((l) => l.claimIds.length > 0).length,
    claims: count(plan.paid, (l) => l.claimIds.length),
    gross: plan.totalGross,
    tax: plan.totalTax,
    grantPeople: plan.paid.filter((l) => l.grantIds.length > 0).length,
    grants: count(plan.paid, (l) => l.grantIds.length),
    grantYen: count(plan.paid, (l) => l.grants),
    people: plan.paid.length,
    net: plan.totalNet,
    held: plan.held.length,
    heldClaims: count(plan.held, (l) => l.claimIds.length),
    heldGrants: count(plan.held, (l) => l.grantIds.length),
  };
}
// ---- end: payout dialog figures ----
