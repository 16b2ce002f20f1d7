/**
 * The automatic check (自動チェック): every rule of the claim's program, one function per rule,
 * returning reasons (SPEC §4 codes). Pure: the use case gathers the facts, this decides.
 * The check never rejects: it proposes, staff decide (判定).
 */
import type { CalendarDate, YearMonth } from './calendar';
import { claimDeadline, compareDates, isCalendarDate, tokyoDateOf } from './calendar';
import { formatHours, parseHours } from './hours';
import { parseId } from './ids';
import type { Program } from './programs';
import { amountFor, payoutMonthFor, programForDate } from './programs';
import type { Reason, ReasonCode } from './reasons';
import { NON_COUNTING_CODES } from './reasons';
import { parseCalendarDate } from './calendar';
import { remainingCourses } from './courses';

/** 判定 values (SPEC §4). */
export const DECISIONS = ['審査待ち', '承認', '差戻し', '却下', '支払済'] as const;
export type Decision = (typeof DECISIONS)[number];
export function asDecision(v: unknown): Decision | null {
  return typeof v === 'string' && (DECISIONS as readonly string[]).includes(v.trim()) ? (v.trim() as Decision) : null;
}

/** What the supporter answered, normalised but not yet judged. */
export interface ClaimAnswers {
  supporterId: unknown;
  email: string;
  supportDate: unknown;
  hours: unknown;
  caseId: unknown;
  /** この相談者についての申請は初めてですか: true (はい), false (いいえ), null (no answer). */
  firstForRecipient: boolean | null;
  coSupporterId: unknown;
  /** Question titles whose answer is required but empty. */
  missing: string[];
  /**
   * メールアドレス as typed when it is there but is no address MailApp could use (`mailto:…`,
   * `name@`). It is reported as EMAIL_MISMATCH, not FIELD_MISSING: the answer is not missing (SPEC
   * reserves FIELD_MISSING for missing or empty answers); what it says is not the registered
   * address, which is exactly what EMAIL_MISMATCH tells the supporter and staff, and the receipt
   * still goes to the registered address.
   */
  typedEmailInvalid?: string;
}

export interface SupporterFacts {
  id: string;
  email: string;
  experience: boolean;
  courses: string[];
}

/** An earlier claim as the limits see it. */
export interface PriorClaim {
  claimId: string;
  supporterId: string;
  caseId: string;
  supportDate: CalendarDate;
  programId: string;
  amount: number;
  decision: Decision | null;
  codes: readonly ReasonCode[];
}

export interface RuleContext {
  programs: readonly Program[];
  /** 設定 プログラム: the program a date outside every period is reported against. */
  active: Program;
  /** First submit (受付日時): decides LATE and the payout month. */
  received: Date;
  /** Latest submit: decides FUTURE_DATE. */
  submitted: Date;
  supporter(id: string): SupporterFacts | undefined;
  /** True when an R- sequence number was issued by this system. */
  caseIdIssued(seq: number): boolean;
  /** Claims received before this one (other responses only). */
  prior: readonly PriorClaim[];
  /** The case ID this claim already holds (issued on an earlier submit of the same response). */
  ownCaseId?: string;
}

export interface Assessment {
  program: Program;
  inPeriod: boolean;
  supporterId: string | null;
  supportDate: CalendarDate | null;
  hours: number | null;
  amount: number;
  caseId: string | null;
  /** A new recipient: the use case allocates an R- ID under the lock. */
  issueCaseId: boolean;
  coSupporterId: string | null;
  deadline: CalendarDate | null;
  payoutMonth: YearMonth | null;
  reasons: Reason[];
}

const MAX_HOURS = 24;

/** A prior claim that takes a place in the limits: not 却下, not itself over a limit or a duplicate. */
export function countsTowardLimits(c: PriorClaim): boolean {
  return c.decision !== '却下' && !c.codes.some((code) => NON_COUNTING_CODES.includes(code));
}

export function assessClaim(answers: ClaimAnswers, ctx: RuleContext): Assessment {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, params: Reason['params'] = {}) => reasons.push({ code, params });

  for (const field of answers.missing) add('FIELD_MISSING', { field });

  // 伴走ネットID
  const idParse = parseId('BN', answers.supporterId);
  let supporter: SupporterFacts | undefined;
  let supporterId: string | null = null;
  if (idParse.kind === 'ok') {
    supporterId = idParse.id;
    supporter = ctx.supporter(idParse.id);
    if (!supporter) add('ID_UNKNOWN', { id: idParse.id });
  } else if (idParse.kind !== 'empty') {
    add('ID_FORMAT', { id: String(answers.supporterId ?? '') });
  }

  // 支援実施日 → program
  const supportDate = parseCalendarDate(answers.supportDate);
  const inProgram = supportDate ? programForDate(ctx.programs, supportDate) : undefined;
  const program = inProgram ?? ctx.active;
  const receivedDate = tokyoDateOf(ctx.received);
  let deadline: CalendarDate | null = null;
  if (supportDate) {
    if (!inProgram) add('OUT_OF_PERIOD', { date: supportDate, start: program.period.start, end: program.period.end });
    if (compareDates(supportDate, tokyoDateOf(ctx.submitted)) > 0) add('FUTURE_DATE', { date: supportDate });
    // A date in December 9999 has no next month to be late by (and is FUTURE_DATE anyway).
    if (supportDate < '9999-12-01') {
      deadline = claimDeadline(supportDate, program.deadlineRule);
      if (compareDates(receivedDate, deadline) > 0) add('LATE', { deadline, received: receivedDate });
    }
  } else if (!isBlank(answers.supportDate)) {
    add('FIELD_MISSING', { field: '支援実施日', value: String(answers.supportDate) });
  }

  if (supporter) {
    checkEligibility(program, supporter, supportDate, add);
    if (answers.email && answers.email !== supporter.email) add('EMAIL_MISMATCH', { typed: answers.email });
  }
  if (answers.typedEmailInvalid) add('EMAIL_MISMATCH', { typed: answers.typedEmailInvalid, invalid: 1 });

  // 支援時間
  const hours = isBlank(answers.hours) ? null : parseHours(answers.hours);
  let amount = 0;
  if (!isBlank(answers.hours) && (hours === null || hours > MAX_HOURS)) {
    add('HOURS_INVALID', { value: String(answers.hours) });
  } else if (hours !== null && hours < program.minHours) {
    add('TOO_SHORT', { hours: formatHours(hours), min: formatHours(program.minHours) });
  } else if (hours !== null) {
    amount = amountFor(program, hours);
  }

  // 相談者ID
  let caseId: string | null = null;
  let issueCaseId = false;
  const caseParse = parseId('R', answers.caseId);
  if (caseParse.kind === 'ok') {
    // Sequences start at 1: R-00000-0 passes its check digit but was never issued.
    if ((caseParse.seq >= 1 && ctx.caseIdIssued(caseParse.seq)) || caseParse.id === ctx.ownCaseId) caseId = caseParse.id;
    else add('CASE_ID_UNKNOWN', { id: caseParse.id });
  } else if (caseParse.kind !== 'empty') {
    add('CASE_ID_UNKNOWN', { id: String(answers.caseId) });
  } else if (ctx.ownCaseId) {
    caseId = ctx.ownCaseId;
  } else if (answers.firstForRecipient === false) {
    add('CASE_ID_MISSING');
  } else {
    issueCaseId = true;
  }

  if (caseId && supportDate) checkLimits(program, caseId, supportDate, supporterId, ctx.prior, add);

  // 一緒に伴走した方の伴走ネットID
  let coSupporterId: string | null = null;
  const coParse = parseId('BN', answers.coSupporterId);
  if (coParse.kind === 'ok') {
    coSupporterId = coParse.id;
    if (coParse.id === supporterId) add('CO_SUPPORTER_SELF', { id: coParse.id });
    else if (!ctx.supporter(coParse.id)) add('CO_SUPPORTER_UNKNOWN', { id: coParse.id });
  } else if (coParse.kind !== 'empty') {
    add('CO_SUPPORTER_UNKNOWN', { id: String(answers.coSupporterId) });
  }

  return {
    program,
    inPeriod: Boolean(inProgram),
    supporterId,
    supportDate,
    hours,
    amount,
    caseId,
    issueCaseId,
    coSupporterId,
    deadline,
    // No payment month outside every program: nothing would pay it (SPEC §1 lifecycle).
    payoutMonth: inProgram ? payoutMonthFor(program, receivedDate) : null,
    reasons,
  };
}

/** 申請資格: experience, or the required course questionnaires (with waivers by support date). */
function checkEligibility(
  program: Program,
  s: SupporterFacts,
  supportDate: CalendarDate | null,
  add: (code: ReasonCode, params?: Reason['params']) => void,
): void {
  const missing = remainingCourses(program, s, supportDate);
  if (missing.length > 0) add('NOT_ELIGIBLE', { missing: missing.join('、') });
}

export { normalizeCourse } from './courses';

/** 相談者あたりの回数 and 1回あたりの伴走者 (SPEC §1 interpretations). */
function checkLimits(
  program: Program,
  caseId: string,
  supportDate: CalendarDate,
  supporterId: string | null,
  prior: readonly PriorClaim[],
  add: (code: ReasonCode, params?: Reason['params']) => void,
): void {
  // Each announcement sets its own limit for its own period (seed 000: 「2023年7月10日～2026年2月28日の
  // 期間に実施した伴走支援」…「1人の支援対象者(相談者)につき、申請3回まで」): events of another program
  // do not count. The support date decides the program; a prior row without a readable date goes by
  // its プログラム column.
  const inThisProgram = (c: PriorClaim) =>
    isCalendarDate(c.supportDate)
      ? compareDates(program.period.start, c.supportDate) <= 0 && compareDates(c.supportDate, program.period.end) <= 0
      : c.programId === program.id;
  const counting = prior.filter((c) => c.caseId === caseId && countsTowardLimits(c) && inThisProgram(c));
  const sameEvent = counting.filter((c) => c.supportDate === supportDate);
  if (supporterId && sameEvent.some((c) => c.supporterId === supporterId)) {
    const first = sameEvent.find((c) => c.supporterId === supporterId);
    add('DUPLICATE', { caseId, date: supportDate, claimId: first?.claimId ?? '' });
    return;
  }
  if (sameEvent.length === 0) {
    const events = new Set(counting.map((c) => c.supportDate));
    if (events.size >= program.maxEventsPerRecipient) {
      add('RECIPIENT_LIMIT', { caseId, max: program.maxEventsPerRecipient });
    }
    return;
  }
  const supporters = new Set(sameEvent.map((c) => c.supporterId));
  if (supporters.size >= program.maxSupportersPerEvent) {
    add('EVENT_LIMIT', { caseId, date: supportDate, max: program.maxSupportersPerEvent });
  }
}

/**
 * 予算上限: approving this claim would pass the cap when the amounts already approved, paid or
 * pending in the same program, plus this one, exceed it.
 */
export function budgetReason(program: Program, committedYen: number, amount: number): Reason | null {
  if (program.budgetYen === null || amount <= 0) return null;
  if (committedYen + amount <= program.budgetYen) return null;
  return { code: 'BUDGET_EXCEEDED', params: { cap: program.budgetYen, committed: committedYen } };
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
