/**
 * Calendar dates in Asia/Tokyo, as plain strings.
 *
 * Japan has had no daylight saving time since 1951, so Tokyo is a fixed UTC+09:00 and every
 * conversion here is arithmetic on that offset. Nothing reads the host's time zone: the same code
 * gives the same answers under TZ=UTC (Node in CI), TZ=Asia/Tokyo and in Apps Script.
 * Date arithmetic works on UTC midnights (Date.UTC / getUTC*), which have no time-zone meaning.
 */

/** 'yyyy-MM-dd', a calendar date in Asia/Tokyo. */
export type CalendarDate = string;

/**
 * A Date, including one made in another realm (the Apps Script services, or a vm in tests), where
 * `instanceof Date` is false.
 */
export function isDateObject(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}
/** 'yyyy-MM'. */
export type YearMonth = string;

export const TOKYO_OFFSET_MS = 9 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month; month is 1–12. */
export function lastDayOfMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`invalid month: ${year}-${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function ymd(y: number, m: number, d: number): CalendarDate {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** Builds a date from parts, or null when the parts are not a real date. */
function fromParts(y: number, m: number, d: number): CalendarDate | null {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  return d <= lastDayOfMonth(y, m) ? ymd(y, m, d) : null;
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && fromParts(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** Splits a valid date; throws on anything else so that bugs surface instead of wrong dates. */
function parts(d: CalendarDate): [number, number, number] {
  if (!isCalendarDate(d)) throw new RangeError(`not a calendar date: ${String(d)}`);
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

/** The UTC midnight of the date: a day number for arithmetic, not a real instant. */
function utcDay(d: CalendarDate): number {
  const [y, m, day] = parts(d);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, day); // setUTCFullYear, unlike Date.UTC, does not remap years 0–99
  return t.getTime();
}

function fromUtcDay(ms: number): CalendarDate {
  const t = new Date(ms);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function tokyoDateOf(instant: Date): CalendarDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return fromUtcDay(ms + TOKYO_OFFSET_MS);
}

/** 'yyyy-MM-dd HH:mm' in Tokyo. */
export function tokyoDateTime(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  const t = new Date(ms + TOKYO_OFFSET_MS);
  return `${fromUtcDay(t.getTime())} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}

/** The instant 00:00:00.000 JST of the date. */
export function tokyoMidnight(date: CalendarDate): Date {
  return new Date(utcDay(date) - TOKYO_OFFSET_MS);
}

/** The instant 23:59:59.999 JST of the date (the last moment a same-day deadline is met). */
export function endOfTokyoDay(date: CalendarDate): Date {
  return new Date(utcDay(date) - TOKYO_OFFSET_MS + DAY_MS - 1);
}

/**
 * Reads a date as staff or forms give it. A Date is read as the calendar date of that instant in
 * Tokyo. Strings: 'yyyy-MM-dd', 'yyyy/M/d', 'yyyy.M.d', 'yyyy年M月d日', optionally followed by
 * ' HH:mm[:ss]' (ignored), after NFKC so full-width digits and punctuation work.
 */
export function parseCalendarDate(input: unknown): CalendarDate | null {
  if (isDateObject(input)) {
    return Number.isNaN(input.getTime()) ? null : tokyoDateOf(input);
  }
  if (typeof input !== 'string') return null;
  const s = input.normalize('NFKC').trim();
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?: +\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s) ??
    /^(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]));
  return japaneseEraDate(s);
}

/**
 * 和暦, as Japanese offices write dates (令和6年5月1日, 令和元年5月1日, 平成31年4月30日), only within the
 * era's real days: 令和 from 2019-05-01, 平成 from 1989-01-08 to 2019-04-30.
 */
const ERAS: Record<string, { offset: number; first: CalendarDate; last: CalendarDate | null }> = {
  令和: { offset: 2018, first: '2019-05-01', last: null },
  平成: { offset: 1988, first: '1989-01-08', last: '2019-04-30' },
};
function japaneseEraDate(s: string): CalendarDate | null {
  const m = /^(令和|平成)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(s);
  if (!m) return null;
  const era = ERAS[m[1]];
  const year = m[2] === '元' ? 1 : Number(m[2]);
  if (year < 1) return null;
  const d = fromParts(era.offset + year, Number(m[3]), Number(m[4]));
  if (!d || d < era.first || (era.last !== null && d > era.last)) return null;
  return d;
}

export function addDays(d: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return fromUtcDay(utcDay(d) + n * DAY_MS);
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  const x = utcDay(a);
  const y = utcDay(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Days from a to b: positive when b is later (daysBetween('2024-01-01', '2024-01-02') === 1). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function dayOfWeek(d: CalendarDate): number {
  return new Date(utcDay(d)).getUTCDay();
}

export function yearMonthOf(d: CalendarDate): YearMonth {
  parts(d);
  return d.slice(0, 7);
}

function monthParts(m: YearMonth): [number, number] {
  const r = /^(\d{4})-(\d{2})$/.exec(m);
  const y = r ? Number(r[1]) : 0;
  const mo = r ? Number(r[2]) : 0;
  if (y < 1 || mo < 1 || mo > 12) throw new RangeError(`not a year-month: ${String(m)}`);
  return [y, mo];
}

export function addMonths(m: YearMonth, n: number): YearMonth {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of months: ${n}`);
  const [y, mo] = monthParts(m);
  const total = y * 12 + (mo - 1) + n;
  return `${pad4(Math.floor(total / 12))}-${pad2((total % 12) + 1)}`;
}

/** Accepts '2026-03', '2026/3', '2026.3', '2026年3月' (NFKC, so '２０２６年３月' too). */
export function parseYearMonth(input: string): YearMonth | null {
  if (typeof input !== 'string') return null;
  const s = input.normalize('NFKC').trim();
  const r = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(s);
  if (!r) return null;
  const y = Number(r[1]);
  const mo = Number(r[2]);
  return y >= 1 && mo >= 1 && mo <= 12 ? `${pad4(y)}-${pad2(mo)}` : null;
}

/** The given day of the month, clamped to the month's last day (31 in February → 28 or 29). */
export function dateInMonth(m: YearMonth, day: number): CalendarDate {
  if (!Number.isInteger(day) || day < 1) throw new RangeError(`invalid day of month: ${day}`);
  const [y, mo] = monthParts(m);
  return ymd(y, mo, Math.min(day, lastDayOfMonth(y, mo)));
}

export type DeadlineRule = 'sameDateNextMonth' | 'dayBeforeSameDateNextMonth';

/**
 * The last day a claim may be submitted (SPEC §1).
 * 'sameDateNextMonth' (2023 program): 7/30 → 8/30. 'dayBeforeSameDateNextMonth' (2022 program):
 * 5/26 → 6/25. Under both, when the same date does not exist next month the deadline is the last
 * day of next month (1/31 → 2/28; 1/30 → 2/28 under the 2022 rule too, not 2/27), as the
 * announcements say.
 */
export function claimDeadline(supportDate: CalendarDate, rule: DeadlineRule): CalendarDate {
  const [y, m, d] = parts(supportDate);
  const [ny, nm] = monthParts(addMonths(supportDate.slice(0, 7), 1));
  const last = lastDayOfMonth(ny, nm);
  if (d > last) return ymd(ny, nm, last);
  const same = ymd(ny, nm, d);
  if (rule === 'sameDateNextMonth') return same;
  if (rule === 'dayBeforeSameDateNextMonth') return addDays(same, -1);
  throw new RangeError(`unknown deadline rule: ${String(rule)} (support date ${y}-${m}-${d})`);
}
