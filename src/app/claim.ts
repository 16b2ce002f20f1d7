/**
 * Claim submit (SPEC §5): normalise → check every rule of the claim's program → one row in 申請
 * with amount, reasons and 審査待ち → receipt in the supporter's language. An edited response
 * updates the same row and is checked again; the same unedited response twice does nothing.
 */
import { parseCalendarDate, tokyoMidnight } from '../domain/calendar';
import { dammCheckDigit } from '../domain/damm';
import { formatHours } from '../domain/hours';
import { formatId, parseId } from '../domain/ids';
import type { Language } from '../domain/messages';
import { catalog, checkCell, languageOf, LANGUAGES } from '../domain/messages';
import type { Program } from '../domain/programs';
import { documentReceivedFor } from '../domain/programs';
import type { Reason } from '../domain/reasons';
import { codesInCheckCell, reasonsJson } from '../domain/reasons';
import type { Assessment, ClaimAnswers, PriorClaim, SupporterFacts } from '../domain/rules';
import { assessClaim, budgetReason } from '../domain/rules';
import { normalizeEmail, normalizeText, parseYesNo, splitList } from '../domain/text';
import { alertEmergency, saysUrgent } from './emergency';
import { Ledger, reportUnmapped } from './ledger';
import type { ClaimEntry, ClaimHeader, ClaimView } from './lookups';
import { adjustBudget, budgetTotal, claimEntry, ClaimLookup, receivedBefore, takesBudget, timeOf } from './lookups';
import type { Ctx, ResponseData, TablePort } from './ports';
import { nextSequence } from './register';
import type { HeaderOf } from './schema';
import { CLAIMS, SUPPORTERS } from './schema';
import type { ClaimField } from './settings';

export type ClaimOutcome =
  | { kind: 'created' | 'updated'; claimId: string; reasons: Reason[] }
  | { kind: 'unchanged' }
  | { kind: 'paid-edit'; claimId: string }
  | { kind: 'unmapped'; titles: string[] };

export const SEQ_R = 'seq.R';
export const SEQ_C = 'seq.C';

/** Claim ID: `C-` + sequence + Damm digit, like the other IDs (typo-evident when quoted). */
export function formatClaimId(seq: number): string {
  const digits = String(seq).padStart(5, '0');
  return `C-${digits}-${dammCheckDigit(digits)}`;
}

type Entry = ClaimEntry;

/** The claims in 申請, read once, with the lookups the rules need (runs over the whole table). */
export class ClaimBook implements ClaimView {
  readonly entries: Entry[] = [];
  private readonly byCase = new Map<string, Entry[]>();
  maxCaseSeq = 0;
  maxClaimSeq = 0;

  constructor(readonly t: TablePort<ClaimHeader>) {
    for (let i = 0; i < t.length; i++) this.add(i);
  }

  add(i: number): Entry {
    const e = claimEntry(this.t, i);
    const caseId = e.caseId;
    this.entries[i] = e;
    const r = parseId('R', caseId);
    if (r.kind === 'ok') this.maxCaseSeq = Math.max(this.maxCaseSeq, r.seq);
    const c = /^C-(\d+)-\d$/.exec(e.claimId);
    if (c) this.maxClaimSeq = Math.max(this.maxClaimSeq, Number(c[1]));
    if (caseId) {
      const list = this.byCase.get(caseId) ?? [];
      list.push(e);
      this.byCase.set(caseId, list);
    }
    return e;
  }

  /** After a row changed: refresh its entry (case index included). */
  refresh(i: number): Entry {
    const old = this.entries[i];
    if (old?.caseId) {
      const list = this.byCase.get(old.caseId);
      if (list) this.byCase.set(old.caseId, list.filter((e) => e.index !== i));
    }
    return this.add(i);
  }

  /** Claims of the same case received before `e` (ties by row order). */
  priorOf(caseId: string, received: number, index: number): PriorClaim[] {
    return (this.byCase.get(caseId) ?? []).filter((o) => o.index !== index && before(o, received, index));
  }

  /** Yen already taken from a program's budget by claims received before this one. */
  committedBefore(programId: string, received: number, index: number): number {
    let sum = 0;
    for (const e of this.entries) if (e && e.index !== index && before(e, received, index) && takesBudget(e, programId)) sum += e.amount;
    return sum;
  }
}

const before = receivedBefore;
export { takesBudget };

/** 登録者 as the rules see it. */
export interface SupporterEntry {
  index: number;
  facts: SupporterFacts;
  name: string;
  language: Language;
  memorandum: string | null;
  accountForm: string | null;
}

/** 登録者 as the rules see it: each supporter found by ID when first asked for (one lookup, one row). */
export class SupporterBook {
  private readonly byId = new Map<string, SupporterEntry | undefined>();
  constructor(readonly t: TablePort<HeaderOf<typeof SUPPORTERS>>) {}
  get(id: string): SupporterEntry | undefined {
    if (!id) return undefined;
    if (this.byId.has(id)) return this.byId.get(id);
    const t = this.t;
    const i = t.find('伴走ネットID', id);
    const e =
      i < 0
        ? undefined
        : {
            index: i,
            name: t.text(i, '氏名'),
            language: languageOf(t.get(i, '連絡言語')),
            memorandum: parseCalendarDate(t.get(i, '覚書受領日')),
            accountForm: parseCalendarDate(t.get(i, '口座届受領日')),
            facts: {
              id,
              email: normalizeEmail(t.get(i, 'メール')),
              experience: parseYesNo(t.get(i, '支援経験')) === true,
              courses: splitList(t.get(i, '講座アンケート')),
            },
          };
    this.byId.set(id, e);
    return e;
  }
}

/** The answers of a response, by the question titles in 設定. */
export function answersOf(ctx: Ctx, r: ResponseData) {
  const titles = ctx.settings.claimTitles;
  const raw = (f: ClaimField) => r.answers.get(titles[f]);
  const text = (f: ClaimField) => {
    const v = raw(f);
    return Array.isArray(v) ? v.join(', ') : normalizeText(v);
  };
  return {
    raw,
    text,
    supporterId: text('supporterId'),
    name: text('name'),
    email: normalizeEmail(raw('email')) || normalizeEmail(r.respondentEmail),
    typedEmail: text('email'),
    supportDate: text('supportDate'),
    hours: text('hours'),
    caseId: text('caseId'),
    firstForRecipient: parseYesNo(raw('firstForRecipient')),
    coSupporterId: text('coSupporterId'),
  };
}

const REQUIRED = ['supporterId', 'name', 'email', 'supportDate', 'hours'] as const satisfies readonly ClaimField[];

export function handleClaim(ctx: Ctx, r: ResponseData, formTitles: () => string[]): ClaimOutcome {
  const ledger = new Ledger(ctx);
  const status = ledger.status(r);
  if (status.kind === 'done') return { kind: 'unchanged' };
  const restoreId = status.kind === 'restore' ? status.target : null;
  const titles = ctx.settings.claimTitles;
  const a = answersOf(ctx, r);

  const absent = REQUIRED.filter((f) => r.answers.get(titles[f]) === undefined && !(f === 'email' && a.email));
  const unmapped = reportUnmapped(ctx, ledger, '申請', r, absent.map((f) => titles[f]), formTitles);
  if (unmapped.length > 0) return { kind: 'unmapped', titles: unmapped };
  const missing = REQUIRED.filter((f) => (f === 'email' ? !a.email && !a.typedEmail : a.text(f) === '')).map((f) => titles[f]);
  // (A typed email that is no address is reported with its value below, not as missing.)

  // Only the rows this claim needs are read: its own (an edited response), its case's, its supporter's.
  const t = ctx.lookup(CLAIMS);
  const book = new ClaimLookup(ctx, t, { case: SEQ_R, claim: SEQ_C });
  const supporters = new SupporterBook(ctx.lookup(SUPPORTERS));
  const own = t.find('回答ID', r.id);
  const edited = own >= 0;

  if (edited && t.text(own, '支払ID') !== '') {
    const claimId = t.text(own, '申請ID');
    ledger.record('申請', r, '申請', claimId, '支払済の申請の編集（再審査せず）', t.text(own, '相談者ID'));
    ctx.log(claimId, '支払済の申請が編集されました。内容は変更していません');
    ctx.mail.notifyOffice('支払済の申請が編集されました', `申請 ${claimId} は支払済ですが、フォームの回答が編集されました。シートは変更していません。必要なら内容を確認してください。`);
    return { kind: 'paid-edit', claimId };
  }

  const received = edited ? timeOf(t.get(own, '受付日時')) : r.timestamp.getTime();
  const receivedAt = new Date(Number.isFinite(received) ? received : r.timestamp.getTime());
  const index = edited ? own : t.length;
  const ownCaseId =
    edited && parseId('R', t.get(own, '相談者ID')).kind === 'ok'
      ? t.text(own, '相談者ID')
      : status.kind === 'restore' && status.caseId
        ? status.caseId
        : undefined;

  const answers: ClaimAnswers = {
    supporterId: a.supporterId,
    email: a.email,
    supportDate: a.supportDate,
    hours: a.hours,
    caseId: a.caseId,
    firstForRecipient: a.firstForRecipient,
    coSupporterId: a.coSupporterId,
    missing,
    typedEmailInvalid: a.typedEmail && !normalizeEmail(a.typedEmail) ? a.typedEmail : undefined,
  };
  const { assessment, reasons } = assess(ctx, book, supporters, answers, receivedAt, r.timestamp, index, ownCaseId);

  let caseId = assessment.caseId;
  if (assessment.issueCaseId) caseId = formatId('R', nextSequence(ctx, SEQ_R, book.maxCaseSeq));
  const claimId = edited ? t.text(own, '申請ID') : (restoreId ?? formatClaimId(nextSequence(ctx, SEQ_C, book.maxClaimSeq)));
  const supporter = assessment.supporterId ? supporters.get(assessment.supporterId) : undefined;

  const row = {
    申請ID: claimId,
    受付日時: receivedAt,
    伴走ネットID: assessment.supporterId ?? a.supporterId,
    氏名: a.name,
    支援日: assessment.supportDate ? tokyoMidnight(assessment.supportDate) : a.supportDate,
    支援時間: assessment.hours ?? a.hours,
    相談者ID: caseId ?? a.caseId,
    同行者ID: assessment.coSupporterId ?? a.coSupporterId,
    金額: assessment.amount,
    自動チェック: checkCell(reasons),
    自動チェック詳細: reasonsJson(reasons),
    通知状況: '',
    判定: '審査待ち',
    記録済み判定: '審査待ち',
    差戻し期限: '',
    催促日: '',
    プログラム: assessment.program.id,
    支払予定月: assessment.payoutMonth ?? '',
    // A typed answer that is no address is kept as typed (re-checking reads it back from here).
    メール: a.email || a.typedEmail,
    言語: supporter ? catalog(supporter.language).label : '',
    都道府県: a.text('prefecture'),
    相談者の国籍: a.text('nationality'),
    相談者の在留資格: a.text('residenceStatus'),
    相談者の年代: a.text('ageGroup'),
    課題の分野: listText(a.raw('issues')),
    支援の内容: listText(a.raw('activities')),
    緊急: a.text('urgent'),
    支援の概要: a.text('summary'),
    回答ID: r.id,
    回答日時: r.timestamp,
  };
  const previousDecision = edited ? t.text(own, '判定') : '';
  const beforeRow = edited ? book.entry(own) : undefined;
  const wasUrgent = edited && saysUrgent(t.get(own, '緊急'));
  if (edited) t.set(own, row);
  else t.append(row);
  adjustBudget(ctx, beforeRow, book.entry(index));

  ledger.record('申請', r, '申請', claimId, restoreId ? '削除された行をフォームの回答から復元' : '', caseId ?? '');
  if (restoreId) {
    ctx.log(claimId, `申請の行がなかったため、フォームの回答から復元し再チェックしました（受付メールは送っていません）: ${reasons.map((x) => x.code).join(', ') || 'OK'}`);
    return { kind: 'created', claimId, reasons };
  }
  ctx.log(
    claimId,
    edited
      ? `申請が編集されたため再チェック（${previousDecision || '—'} → 審査待ち）: ${reasons.map((x) => x.code).join(', ') || 'OK'}`
      : `申請を受付: ${reasons.map((x) => x.code).join(', ') || 'OK'}`,
  );

  alertEmergency(ctx, { claimId, caseId: caseId ?? '', supporterId: assessment.supporterId ?? a.supporterId, supportDate: assessment.supportDate ?? a.supportDate, urgent: a.raw('urgent'), wasUrgent });

  const program = assessment.program;
  const documentsMissing =
    supporter !== undefined && !(documentReceivedFor(program, supporter.memorandum) && documentReceivedFor(program, supporter.accountForm));
  sendReceipt(ctx, {
    documentsMissing,
    known: supporter !== undefined,
    to: supporter?.facts.email || a.email,
    language: supporter?.language ?? null,
    name: supporter?.name || a.name,
    claimId,
    supporterId: assessment.supporterId ?? a.supporterId,
    assessment,
    caseId,
    reasons,
    edited,
    hoursText: a.hours,
    editUrl: ctx.claimEditUrl(r.id),
  });

  if (assessment.program.budgetYen !== null) checkBudget(ctx, budgetTotal(ctx, t, assessment.program.id), assessment.program);
  return { kind: edited ? 'updated' : 'created', claimId, reasons };
}

/**
 * Before the script lock: the supporter (and co-supporter) the answers name, looked up in 登録者
 * (staff's data, which no other run changes), so the lock is held only for what must be serialised.
 */
export function prepareClaim(ctx: Ctx, r: ResponseData): void {
  ctx.claimEditUrl(r.id); // for the receipt: the form's, no lock needed
  const a = answersOf(ctx, r);
  const supporters = ctx.lookup(SUPPORTERS);
  for (const typed of [a.supporterId, a.coSupporterId]) {
    const p = parseId('BN', typed);
    if (p.kind === 'ok') supporters.find('伴走ネットID', p.id);
  }
}

/** The rules plus the budget, for a claim at row `index` received at `received`. */
export function assess(
  ctx: Ctx,
  book: ClaimView,
  supporters: SupporterBook,
  answers: ClaimAnswers,
  received: Date,
  submitted: Date,
  index: number,
  ownCaseId: string | undefined,
  committed?: (programId: string) => number,
): { assessment: Assessment; reasons: Reason[] } {
  const caseOf = parseId('R', answers.caseId);
  const caseId = caseOf.kind === 'ok' ? caseOf.id : ownCaseId;
  const assessment = assessClaim(answers, {
    programs: ctx.settings.programs,
    active: ctx.settings.active,
    received,
    submitted,
    supporter: (id) => supporters.get(id)?.facts,
    caseIdIssued: (seq) => seq <= Math.max(book.maxCaseSeq, Number(ctx.prop(SEQ_R) ?? 0)),
    prior: caseId ? book.priorOf(caseId, received.getTime(), index) : [],
    ownCaseId,
  });
  const reasons = [...assessment.reasons];
  // (Without a budget cap nothing needs the total: no lookup.)
  const spent =
    assessment.program.budgetYen === null ? 0 : committed ? committed(assessment.program.id) : book.committedBefore(assessment.program.id, received.getTime(), index);
  const over = budgetReason(assessment.program, spent, assessment.amount);
  if (over) reasons.push(over);
  return { assessment, reasons };
}

function listText(v: unknown): string {
  return splitList(v).join(', ');
}

interface ReceiptArgs {
  documentsMissing: boolean;
  /** The ID belongs to a registered supporter (otherwise no payment month is promised). */
  known: boolean;
  to: string;
  language: Language | null;
  name: string;
  claimId: string;
  supporterId: string;
  assessment: Assessment;
  caseId: string | null;
  reasons: Reason[];
  edited: boolean;
  hoursText: string;
  editUrl: string;
}

/** The receipt, in the supporter's language; trilingual when the ID does not say who it is. */
function sendReceipt(ctx: Ctx, m: ReceiptArgs): void {
  if (!m.to) return;
  const languages = m.language ? [m.language] : LANGUAGES;
  const mails = languages.map((lang) => {
    const c = catalog(lang);
    return c.receipt({
      name: m.name || '—',
      claimId: m.claimId,
      supporterId: m.supporterId || '—',
      supportDate: m.assessment.supportDate ?? '—',
      hours: m.assessment.hours !== null ? formatHours(m.assessment.hours) : m.hoursText || '—',
      amount: m.assessment.amount,
      payoutMonth: m.known && m.assessment.amount > 0 ? m.assessment.payoutMonth : null,
      caseId: m.caseId,
      caseIdIssued: m.assessment.issueCaseId,
      problems: m.reasons.map((r) => c.reason(r.code, r.params)),
      edited: m.edited,
      documentsMissing: m.documentsMissing,
      editUrl: m.editUrl,
      contact: ctx.settings.contactIn(lang),
    });
  });
  ctx.mail.send(m.to, {
    subject: mails.map((x) => x.subject).join(' / '),
    body: mails.map((x) => x.body).join('\n\n==========\n\n'),
  });
}

/** When the active program's budget is used up, the claim form stops taking responses (once). */
export function checkBudget(ctx: Ctx, spent: number, program: Program): void {
  if (program.id !== ctx.settings.active.id || program.budgetYen === null) return;
  if (spent < program.budgetYen) return;
  const key = `budget.closed.${program.id}`;
  if (ctx.prop(key)) return;
  ctx.setProp(key, String(ctx.now.getTime()));
  ctx.closeClaimForm('伴走支援申請の受付は、事業の予算上限に達したため終了しました。/ Claims are closed: the program budget has been reached. / Đã ngừng nhận yêu cầu vì chương trình đã hết ngân sách.');
  ctx.log('予算', `予算上限（${program.budgetYen}円）に達したため申請フォームの受付を停止しました（申請・承認済み ${spent}円）`);
  ctx.mail.notifyOffice(
    '予算上限に達したため申請フォームを停止しました',
    `プログラム ${program.name} の申請額（審査待ち・差戻し・承認・支払済）が予算上限 ${program.budgetYen}円 に達しました（${spent}円）。\n申請フォームの受付を停止しました。再開するには予算上限を見直し、フォームの「回答を受け付ける」をオンにしてください。`,
  );
}

/** The 申請 columns that hold a required answer, by the question (field) they come from. */
const REQUIRED_COLUMNS: Record<(typeof REQUIRED)[number], string> = {
  supporterId: '伴走ネットID',
  name: '氏名',
  email: 'メール',
  supportDate: '支援日',
  hours: '支援時間',
};

/**
 * The answers stored in a 申請 row, for re-checking without the form (revalidate). Question titles
 * come from 設定 exactly as at submit, so a re-check reports the same reasons in the same words.
 */
export function answersFromRow(t: TablePort, i: number, titles: Record<ClaimField, string>): ClaimAnswers {
  const v = (h: string) => {
    const x = t.get(i, h);
    return x === null || x === undefined ? '' : x;
  };
  const missing = REQUIRED.filter((f) => String(v(REQUIRED_COLUMNS[f])).trim() === '').map((f) => titles[f]);
  const codes = codesInCheckCell(t.get(i, '自動チェック'));
  const hours = v('支援時間');
  const typedEmail = normalizeText(v('メール'));
  return {
    supporterId: v('伴走ネットID'),
    email: normalizeEmail(typedEmail),
    supportDate: v('支援日'),
    hours: typeof hours === 'number' ? hours : String(hours),
    caseId: t.text(i, '相談者ID'),
    firstForRecipient: codes.includes('CASE_ID_MISSING') ? false : null,
    coSupporterId: t.text(i, '同行者ID'),
    missing,
    typedEmailInvalid: typedEmail && !normalizeEmail(typedEmail) ? typedEmail : undefined,
  };
}
