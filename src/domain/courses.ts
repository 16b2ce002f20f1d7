/**
 * 伴走支援講座 (the course): the nine recorded sessions and what a supporter still has to answer
 * before they may claim. Pure: the program (rules as data) says which questionnaires are required
 * and which are waived for support on or before a date (基礎5 in the first year, seed 000).
 */
import type { CalendarDate } from './calendar';
import { compareDates } from './calendar';
import type { Program } from './programs';

/** 基礎1–5 and 応用1–4, as the questionnaire form offers them and 講座アンケート lists them. */
export const COURSES = ['基礎1', '基礎2', '基礎3', '基礎4', '基礎5', '応用1', '応用2', '応用3', '応用4'] as const;

/** 基礎１, 基礎 1, 基礎①, KISO1 … all mean the same questionnaire: a key to compare by. */
export function normalizeCourse(s: string): string {
  const circled = '①②③④⑤⑥⑦⑧⑨';
  return s
    .normalize('NFKC')
    .replace(/[①-⑨]/g, (c) => String(circled.indexOf(c) + 1))
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * The course a questionnaire answer names, in its canonical form (基礎1 …), or null when it is none
 * of the nine. The answer may carry the session's title after the number (基礎①：ケースワーク).
 */
export function courseOf(answer: string): (typeof COURSES)[number] | null {
  const key = normalizeCourse(answer);
  const m = /^(基礎|応用)([1-9])(?![0-9])/.exec(key);
  if (!m) return null;
  const course = `${m[1]}${m[2]}`;
  return (COURSES as readonly string[]).includes(course) ? (course as (typeof COURSES)[number]) : null;
}

/**
 * The questionnaires still missing before a supporter may claim for support on `supportDate`
 * (SPEC §1 who may claim): none when the program asks nothing or the supporter has experience;
 * otherwise the program's required courses not answered, less those waived up to that date.
 * `supportDate` null: no waiver applies (the strictest reading).
 */
export function remainingCourses(program: Program, s: { experience: boolean; courses: readonly string[] }, supportDate: CalendarDate | null): string[] {
  const rule = program.eligibility;
  if (!rule.requireExperienceOrCourses || s.experience) return [];
  const done = new Set(s.courses.map(normalizeCourse));
  return rule.courses.filter((course) => {
    if (done.has(normalizeCourse(course))) return false;
    const waiver = rule.waivers.find((w) => normalizeCourse(w.course) === normalizeCourse(course));
    return !(waiver && supportDate && compareDates(supportDate, waiver.until) <= 0);
  });
}

/**
 * The most lenient reading: what is missing for support on the earliest day any waiver covers.
 * Empty means some claim of this program could now be eligible (the trigger to re-check claims).
 */
export function remainingAtBest(program: Program, s: { experience: boolean; courses: readonly string[] }): string[] {
  return remainingCourses(program, s, program.period.start);
}

/**
 * 登録者 講座アンケート after a questionnaire answer: what staff typed stays exactly as it is (even
 * entries the system does not recognise, and their separators), and the course is added at the end
 * unless already there. Returns null when nothing changes.
 */
export function mergeCourseList(current: string, course: string): string | null {
  const items = current
    .split(/[,、，;；\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const key = normalizeCourse(course);
  if (items.some((x) => normalizeCourse(x) === key || courseOf(x) === course)) return null;
  const kept = current.trim().replace(/[,、，;；]\s*$/, '');
  return kept === '' ? course : `${kept}, ${course}`;
}
