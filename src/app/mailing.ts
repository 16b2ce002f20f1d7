/**
 * Documents by post (SPEC §9): 覚書 (two copies) and 謝金受取口座届出書 go to every supporter who
 * wants to support, may claim (experience, or the course questionnaires), and has not been sent them
 * for the active program. A 書類送付日 before the program's start was for an earlier program, so a
 * supporter registered then is due again (seed 000). The daily job reminds once, 30 days after
 * posting, when 覚書 or 口座届 has not come back.
 */
import type { CalendarDate } from '../domain/calendar';
import { addDays, compareDates, tokyoDateOf, tokyoMidnight } from '../domain/calendar';
import { normalizeCourse, remainingCourses } from '../domain/courses';
import { parseId } from '../domain/ids';
import { catalog, languageOf } from '../domain/messages';
import { splitPostalCode } from '../domain/postal';
import type { Program } from '../domain/programs';
import { normalizeEmail, normalizeText, parseYesNo, splitList } from '../domain/text';
import { forProgram, wantsSupport } from './course';
import type { Ctx } from './ports';
import { MAILING_HEADERS, SUPPORTERS } from './schema';

/** Days after posting before the one reminder. */
export const REMINDER_DAYS = 30;

export interface MailingEntry {
  id: string;
  name: string;
  postalCode: string;
  address: string;
  items: string;
  reason: string;
}

export interface MailingPlan {
  date: CalendarDate;
  program: Program;
  entries: MailingEntry[];
  /** Due, but with no address to post to: reported, not listed (a label cannot be printed). */
  noAddress: { id: string; name: string }[];
}

/** Who is due a posting today (reads 登録者 once: the whole table is the work here). */
export function planMailing(ctx: Ctx): MailingPlan {
  const t = ctx.table(SUPPORTERS);
  const program = ctx.settings.active;
  const date = tokyoDateOf(ctx.now);
  const entries: MailingEntry[] = [];
  const noAddress: MailingPlan['noAddress'] = [];
  for (let i = 0; i < t.length; i++) {
    const id = parseId('BN', t.get(i, '伴走ネットID'));
    if (id.kind !== 'ok' || !wantsSupport(t.get(i, '希望'))) continue;
    const experience = parseYesNo(t.get(i, '支援経験')) === true;
    const courses = splitList(t.get(i, '講座アンケート'));
    if (remainingCourses(program, { experience, courses }, date).length > 0) continue;
    if (forProgram(t.get(i, '書類送付日'), program)) continue;
    const memorandum = forProgram(t.get(i, '覚書受領日'), program);
    const accountForm = forProgram(t.get(i, '口座届受領日'), program);
    if (memorandum && accountForm) continue; // handed in already (in person, at a session …)
    const name = t.text(i, '氏名');
    const { postalCode, address } = splitPostalCode(t.text(i, '住所'), t.text(i, '郵便番号'));
    if (!address) {
      noAddress.push({ id: id.id, name });
      continue;
    }
    const items = [...(memorandum ? [] : ['覚書（2通）']), ...(accountForm ? [] : ['謝金受取口座届出書']), '返信用封筒'].join('、');
    const earlier = normalizeText(t.get(i, '書類送付日'));
    const why = [
      experience ? '支援経験あり' : `講座アンケート回答済み（${program.eligibility.courses.filter((c) => courses.some((d) => normalizeCourse(d) === normalizeCourse(c))).join('・') || '必要な回答'}）`,
      earlier ? `前の事業で送付済み（${earlier}）、${program.name}の分を送付` : `${program.name}の分は未送付`,
    ];
    entries.push({ id: id.id, name, postalCode, address, items, reason: why.join('。') });
  }
  return { date, program, entries, noAddress };
}

/** The sheet's rows: header, then one row per supporter. */
export function mailingRows(plan: MailingPlan): string[][] {
  return [[...MAILING_HEADERS], ...plan.entries.map((e) => [e.id, e.name, e.postalCode, e.address, e.items, e.reason])];
}

/** The label printer's CSV: postal code, address, name, honorific, ID (UTF-8). */
export function labelRows(plan: MailingPlan): string[][] {
  return [['郵便番号', '住所', '氏名', '敬称', '伴走ネットID'], ...plan.entries.map((e) => [e.postalCode, e.address, e.name, '様', e.id])];
}

/**
 * 書類送付日 for the supporters on a confirmed list: the rows of 登録者 to write (each only in
 * that column), leaving alone anyone whose date for this program is already there.
 */
export function rowsToConfirm(ctx: Ctx, ids: readonly string[]): { index: number; id: string }[] {
  const t = ctx.table(SUPPORTERS);
  const program = ctx.settings.active;
  const out: { index: number; id: string }[] = [];
  for (const id of new Set(ids)) {
    const i = t.find('伴走ネットID', id);
    if (i < 0 || forProgram(t.get(i, '書類送付日'), program)) continue;
    out.push({ index: i, id });
  }
  return out;
}

/**
 * Daily: one reminder, in the supporter's language, 30 days after posting when 覚書 or 口座届 has
 * not come back for the active program. 書類催促日 records it, so it is sent once per posting.
 */
export function documentsFollowUp(ctx: Ctx): number {
  const t = ctx.table(SUPPORTERS);
  if (!t.has('書類送付日')) return 0;
  const program = ctx.settings.active;
  const today = tokyoDateOf(ctx.now);
  let reminded = 0;
  for (let i = 0; i < t.length; i++) {
    const sent = forProgram(t.get(i, '書類送付日'), program);
    if (!sent || compareDates(today, addDays(sent, REMINDER_DAYS)) < 0) continue;
    const remindedOn = forProgram(t.get(i, '書類催促日'), program);
    if (remindedOn && compareDates(remindedOn, sent) >= 0) continue;
    const missing: ('memorandum' | 'accountForm')[] = [
      ...(forProgram(t.get(i, '覚書受領日'), program) ? [] : ['memorandum' as const]),
      ...(forProgram(t.get(i, '口座届受領日'), program) ? [] : ['accountForm' as const]),
    ];
    if (missing.length === 0) continue;
    const id = t.text(i, '伴走ネットID');
    const to = normalizeEmail(t.get(i, 'メール'));
    t.set(i, { 書類催促日: tokyoMidnight(today) });
    if (!to) {
      ctx.log(id, '書類の返送の催促を送れません（メールアドレスなし）');
      continue;
    }
    ctx.mail.send(
      to,
      catalog(languageOf(t.get(i, '連絡言語'))).documentsReminder({ name: t.text(i, '氏名'), id, sentOn: sent, missing, contact: ctx.settings.contactIn(languageOf(t.get(i, '連絡言語'))) }),
    );
    ctx.log(id, `書類の返送の催促を送信（${sent} 送付、未着: ${missing.map((m) => (m === 'memorandum' ? '覚書' : '口座届')).join('・')}）`);
    reminded++;
  }
  return reminded;
}
