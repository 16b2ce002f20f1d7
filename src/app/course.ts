/**
 * Course questionnaire submit (SPEC §9, onCourseSubmit): read the answer → find the supporter by ID
 * (one lookup) → one row in 講座アンケート回答 per supporter and course (a repeat adds nothing; a
 * mistyped or unknown ID is kept with the reason, reported to the office and told to the respondent)
 * → 講座アンケート in 登録者 gains the course (what staff typed stays) → thanks in the supporter's
 * language with what remains before they may claim. Each recorded answer re-checks that supporter's
 * pending claims (found by ID), so their NOT_ELIGIBLE line lists what still remains; completing the
 * required set puts them on the next documents mailing (createMailingList).
 */
import { parseCalendarDate, tokyoDateOf } from '../domain/calendar';
import type { CalendarDate } from '../domain/calendar';
import { compareDates } from '../domain/calendar';
import { courseOf, mergeCourseList, normalizeCourse, remainingCourses } from '../domain/courses';
import { parseId } from '../domain/ids';
import { catalog, languageOf, LANGUAGES } from '../domain/messages';
import type { Mail } from '../domain/messages';
import type { Program } from '../domain/programs';
import { documentReceivedFor } from '../domain/programs';
import { normalizeEmail, normalizeText, parseYesNo, splitList } from '../domain/text';
import { Ledger, reportUnmapped } from './ledger';
import type { Ctx, ResponseData, TablePort } from './ports';
import { recheckSupporterClaims } from './revalidate';
import type { HeaderOf } from './schema';
import { COURSE_ANSWERS, SUPPORTERS } from './schema';
import type { CourseField } from './settings';

export type CourseOutcome =
  | { kind: 'recorded'; id: string; course: string; remaining: string[]; rechecked: boolean }
  | { kind: 'repeat'; id: string; course: string }
  | { kind: 'kept'; problems: string[] }
  | { kind: 'unchanged' }
  | { kind: 'unmapped'; titles: string[] };

/** 希望すること: the answer that means the person wants to give accompanying support. */
export const WANTS_SUPPORT = '伴走支援を行いたい';

export function wantsSupport(wishes: unknown): boolean {
  return splitList(wishes).some((w) => w.includes('伴走支援'));
}

/** The date documents count from for a program: a date before its start was for an earlier one. */
export function forProgram(v: unknown, program: Program): CalendarDate | null {
  const d = parseCalendarDate(v);
  return documentReceivedFor(program, d) ? d : null;
}

const REQUIRED: CourseField[] = ['supporterId', 'course'];

export function handleCourse(ctx: Ctx, r: ResponseData, formTitles: () => string[]): CourseOutcome {
  const ledger = new Ledger(ctx);
  if (ledger.status(r).kind === 'done') return { kind: 'unchanged' };
  const titles = ctx.settings.courseTitles;
  const answer = (f: CourseField) => r.answers.get(titles[f]);
  const absent = REQUIRED.filter((f) => answer(f) === undefined);
  const unmapped = reportUnmapped(ctx, ledger, '講座', r, absent.map((f) => titles[f]), formTitles);
  if (unmapped.length > 0) return { kind: 'unmapped', titles: unmapped };

  const typedId = normalizeText(answer('supporterId'));
  const courseText = normalizeText(answer('course'));
  const course = courseOf(courseText);
  const email = normalizeEmail(answer('email')) || normalizeEmail(r.respondentEmail);
  const comment = String(answer('comment') ?? '').trim();
  const parsed = parseId('BN', typedId);

  const answers = ctx.lookup(COURSE_ANSWERS);
  const own = answers.find('回答ID', r.id); // the same response, edited
  const supporters = ctx.lookup(SUPPORTERS);
  const at = parsed.kind === 'ok' ? supporters.find('伴走ネットID', parsed.id) : -1;

  const problems: string[] = [];
  if (parsed.kind !== 'ok') problems.push(`ID_FORMAT: 伴走ネットID「${typedId || '（未記入）'}」の形式または確認用の数字が正しくありません`);
  else if (at < 0) problems.push(`ID_UNKNOWN: 伴走ネットID ${parsed.id} は登録されていません`);
  if (!course) problems.push(`COURSE_UNKNOWN: 講座「${courseText || '（未記入）'}」は基礎1〜5・応用1〜4のどれでもありません`);

  const id = parsed.kind === 'ok' ? parsed.id : typedId;
  const key = problems.length === 0 ? `${id} ${course}` : '';
  const row = {
    回答ID: r.id,
    受付日時: own >= 0 ? answers.get(own, '受付日時') : r.timestamp,
    伴走ネットID: id,
    講座: course ?? courseText,
    確認: problems.length === 0 ? 'OK' : problems.join('\n'),
    メール: email,
    感想: comment,
    キー: key,
    回答日時: r.timestamp,
  };

  if (problems.length > 0) return keepProblem(ctx, ledger, r, answers, own, row, problems, parsed.kind === 'ok' && at < 0 ? 'unknown' : parsed.kind !== 'ok' ? 'format' : null, email);

  // A repeated answer (another response for the same supporter and course) adds nothing.
  const first = answers.find('キー', key);
  if (first >= 0 && first !== own) {
    if (own >= 0) answers.set(own, { ...row, キー: '', 確認: `重複: ${answers.text(first, '回答ID')} で記録済み` });
    ledger.record('講座', r, '重複', id, `${course} は記録済み`);
    ctx.log(id, `講座アンケート ${course} の重複回答（記録済みのため追加しません）`);
    thank(ctx, supporters, at, course as string, true);
    return { kind: 'repeat', id, course: course as string };
  }
  if (own >= 0) noteEditedCourse(ctx, answers, own, id, course as string);
  if (own >= 0) answers.set(own, row);
  else answers.append(row);

  const merged = mergeCourseList(supporters.text(at, '講座アンケート'), course as string);
  if (merged !== null) supporters.set(at, { 講座アンケート: merged });
  ledger.record('講座', r, '講座', id, course as string);
  ctx.log(id, `講座アンケート ${course} を記録${merged !== null ? '（登録者の講座アンケートに追加）' : '（登録者にはすでに記載あり）'}`);

  // ---- questionnaire progress (helper 12c) ----
  // Every recorded answer re-checks that supporter's 審査待ち claims (found by ID, never all of 申請),
  // so NOT_ELIGIBLE names what still remains, or goes when the set is complete.
  const rechecked = recheckSupporterClaims(ctx, id).checked > 0;
  // ---- end: questionnaire progress ----
  const experience = parseYesNo(supporters.get(at, '支援経験')) === true;
  const remaining = thank(ctx, supporters, at, course as string, false);
  if (remaining.length === 0 && !experience && wantsSupport(supporters.get(at, '希望')) && merged !== null) {
    ctx.log(id, '講座アンケートの必要な回答がそろいました。次の書類送付リストに載ります');
  }
  return { kind: 'recorded', id, course: course as string, remaining, rechecked };
}

/**
 * The same response edited to another course (or another supporter): the row follows the edit, and
 * the course first recorded stays in 登録者 講座アンケート (staff may have typed it too, so the
 * system never removes an entry there); the office is told, to remove it if it was a mistake.
 */
function noteEditedCourse(ctx: Ctx, answers: TablePort<HeaderOf<typeof COURSE_ANSWERS>>, own: number, id: string, course: string): void {
  const was = answers.text(own, 'キー');
  if (!was || was === `${id} ${course}`) return;
  ctx.log(id, `講座アンケートの回答 ${answers.text(own, '回答ID')} が編集されました: ${was} → ${id} ${course}`);
  ctx.mail.notifyOffice(
    '講座アンケートの回答が編集されました',
    `回答 ${answers.text(own, '回答ID')} が編集され、「${was}」から「${id} ${course}」に変わりました。\n講座アンケート回答シートの行は編集後の内容にしました。登録者シートの「講座アンケート」に前の講座が残っています。誤りだった場合は、その講座を消してください。`,
  );
}

/** Thanks in the supporter's language, to the registered address. Returns what remains. */
function thank(ctx: Ctx, supporters: TablePort, at: number, course: string, already: boolean): string[] {
  const program = ctx.settings.active;
  const today = tokyoDateOf(ctx.now);
  const experience = parseYesNo(supporters.get(at, '支援経験')) === true;
  const courses = splitList(supporters.get(at, '講座アンケート'));
  const remaining = remainingCourses(program, { experience, courses }, today);
  const done = new Set(courses.map(normalizeCourse));
  const waived = experience
    ? []
    : program.eligibility.waivers.filter(
        (w) => program.eligibility.courses.some((c) => normalizeCourse(c) === normalizeCourse(w.course)) && !done.has(normalizeCourse(w.course)) && compareDates(today, w.until) <= 0,
      );
  const to = normalizeEmail(supporters.get(at, 'メール'));
  const documentsNext =
    remaining.length === 0 &&
    wantsSupport(supporters.get(at, '希望')) &&
    !forProgram(supporters.get(at, '書類送付日'), program) &&
    !(forProgram(supporters.get(at, '覚書受領日'), program) && forProgram(supporters.get(at, '口座届受領日'), program));
  if (to) {
    const mail = catalog(languageOf(supporters.get(at, '連絡言語'))).courseThanks({
      name: supporters.text(at, '氏名'),
      id: supporters.text(at, '伴走ネットID'),
      course,
      already,
      experience,
      remaining,
      waived: waived.map((w) => ({ course: w.course, until: w.until })),
      documentsNext,
      contact: ctx.settings.contactIn(languageOf(supporters.get(at, '連絡言語'))),
    });
    ctx.mail.send(to, mail); // Reply-To 事務局メール: the outbox adds it to every supporter mail
  }
  return remaining;
}

/** A mistyped or unknown ID (or a course that is none of the nine): kept, reported, told where possible. */
function keepProblem(
  ctx: Ctx,
  ledger: Ledger,
  r: ResponseData,
  answers: TablePort,
  own: number,
  row: Record<string, unknown>,
  problems: string[],
  idProblem: 'format' | 'unknown' | null,
  email: string,
): CourseOutcome {
  if (own >= 0) answers.set(own, row);
  else answers.append(row);
  const codes = problems.map((p) => p.slice(0, p.indexOf(':')));
  ledger.record('講座', r, '要確認', String(row.伴走ネットID), codes.join(', '));
  ctx.log(`講座回答 ${r.id}`, `講座アンケートを記録できません（回答は講座アンケート回答シートに保存）: ${problems.join(' / ')}`);
  ctx.mail.notifyOffice(
    '講座アンケートの回答を確認してください',
    `講座アンケートの回答を登録者に結びつけられませんでした。回答は「講座アンケート回答」シートに保存しています。\n\n${problems.map((p) => `・${p}`).join('\n')}\n入力されたメール: ${email || '（なし）'}\n回答ID: ${r.id}\n\n正しい伴走ネットIDがわかったら、登録者シートの「講座アンケート」に講座を追記してください。`,
  );
  if (idProblem && email) {
    // Who wrote it is unknown, so the mail goes in all three languages.
    const mails: Mail[] = LANGUAGES.map((l) =>
      catalog(l).courseIdProblem({ typedId: String(row.伴走ネットID), course: String(row.講座), kind: idProblem, contact: ctx.settings.contactIn(l) }),
    );
    ctx.mail.send(email, { subject: mails.map((m) => m.subject).join(' / '), body: mails.map((m) => m.body).join('\n\n==========\n\n') });
  }
  return { kind: 'kept', problems: codes };
}
