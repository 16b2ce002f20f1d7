/**
 * The month-end payout plan (月次支払), pure: which approved claims are paid this month, grouped per
 * supporter, and which are held (保留) with the reason. Held claims are simply not paid; they stay
 * 承認 without a 支払ID and come back in the next month's plan by themselves.
 */
import type { CalendarDate, YearMonth } from './calendar';
import { compareDates } from './calendar';
import type { BankAccount, RawAccount } from './bankAccount';
import { validateAccount } from './bankAccount';
import { payday } from './holidays';
import type { Program } from './programs';
import { payoutMonthFor, programById } from './programs';
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
  gross: number;
  tax: number;
  net: number;
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
}

/** The claims a month pays: 承認, not yet paid, received by the cut-off before that month. */
export function isDue(c: PayoutClaim, month: YearMonth, programs: readonly Program[], active: Program): boolean {
  if (c.decision !== '承認' || c.paymentId !== '' || c.amount <= 0) return false;
  const program = programById(programs, c.programId) ?? active;
  return payoutMonthFor(program, c.received) <= month;
}

export function planPayout(input: PayoutInput): PayoutPlan {
  const due = input.claims.filter((c) => isDue(c, input.month, input.programs, input.active));
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
      if (v.ok) account = v.account;
      else accountReasons.push(...v.reasons.map((r) => `口座: ${r}`));
    }
    // Documents are per program: each claim needs this program's 覚書 and 口座届.
    const ok: PayoutClaim[] = [];
    const heldClaims: { claim: PayoutClaim; reasons: string[]; kinds: HoldKind[] }[] = [];
    for (const c of claims) {
      const program = programById(input.programs, c.programId) ?? input.active;
      const reasons = [...accountReasons];
      const kinds: HoldKind[] = accountReasons.length > 0 ? ['account'] : [];
      if (s) {
        if (!received(s.memorandum, program)) reasons.push(`覚書（${program.name}）が未受領です`);
        if (!received(s.accountForm, program)) reasons.push(`謝金受取口座届出書（${program.name}）が未受領です`);
        if (reasons.length > accountReasons.length) kinds.push('documents');
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
  };
}

function received(date: CalendarDate | null, program: Program): boolean {
  return date !== null && compareDates(date, program.period.start) >= 0;
}

function line(
  supporterId: string,
  name: string,
  claims: PayoutClaim[],
  account: BankAccount | null,
  reasons: string[],
  withholding: boolean,
): PayoutLine {
  const gross = claims.reduce((n, c) => n + c.amount, 0);
  const tax = withholding ? withholdingTax(gross) : 0;
  return {
    supporterId,
    name,
    claimIds: claims.map((c) => c.claimId).sort(),
    gross,
    tax,
    net: gross - tax,
    account,
    reasons,
    holdKinds: [],
  };
}
