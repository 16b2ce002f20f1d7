/**
 * Japanese public holidays by rule (国民の祝日に関する法律), so no yearly table needs updating.
 *
 * Correct for 2000–2099 as the law stands (checked against the Cabinet Office lists 2016–2027).
 * 春分の日/秋分の日 are fixed each February by the National Astronomical Observatory; the
 * approximation formula used here matches it for 1980–2099. A future change of the law (a new
 * holiday or a one-off move like the 2020/2021 Olympics) needs an entry in SPECIAL below.
 */
import {
  addDays,
  type CalendarDate,
  dateInMonth,
  dayOfWeek,
  type YearMonth,
} from './calendar';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const md = (y: number, m: number, d: number): CalendarDate => `${y}-${pad2(m)}-${pad2(d)}`;

/** The n-th Monday of a month (Happy Monday holidays). */
function nthMonday(y: number, m: number, n: number): CalendarDate {
  const first = md(y, m, 1);
  const offset = (8 - dayOfWeek(first)) % 7; // days from the 1st to the first Monday
  return addDays(first, offset + 7 * (n - 1));
}

/** Day of March of the vernal equinox (valid 1980–2099). */
function vernalEquinoxDay(y: number): number {
  return Math.floor(20.8431 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

/** Day of September of the autumnal equinox (valid 1980–2099). */
function autumnalEquinoxDay(y: number): number {
  return Math.floor(23.2488 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

/** One-off holidays and moves by special laws (2019 enthronement, 2020/2021 Olympics). */
const SPECIAL: Record<number, Record<string, string>> = {
  2019: { '05-01': '即位の日', '10-22': '即位礼正殿の儀の行われる日' },
  2020: { '07-23': '海の日', '07-24': 'スポーツの日', '08-10': '山の日' },
  2021: { '07-22': '海の日', '07-23': 'スポーツの日', '08-08': '山の日' },
};
/** Years whose 海の日, スポーツの日 and 山の日 were moved to the dates in SPECIAL. */
const OLYMPIC_YEARS = new Set([2020, 2021]);

/** The 国民の祝日 proper (article 2), without substitute or sandwiched days. */
function statutoryHolidays(y: number): Map<CalendarDate, string> {
  const h = new Map<CalendarDate, string>();
  const add = (d: CalendarDate, name: string): void => {
    h.set(d, name);
  };
  add(md(y, 1, 1), '元日');
  add(y >= 2000 ? nthMonday(y, 1, 2) : md(y, 1, 15), '成人の日');
  add(md(y, 2, 11), '建国記念の日');
  if (y >= 2020) add(md(y, 2, 23), '天皇誕生日');
  add(md(y, 3, vernalEquinoxDay(y)), '春分の日');
  add(md(y, 4, 29), y >= 2007 ? '昭和の日' : y >= 1989 ? 'みどりの日' : '天皇誕生日');
  add(md(y, 5, 3), '憲法記念日');
  if (y >= 2007) add(md(y, 5, 4), 'みどりの日');
  add(md(y, 5, 5), 'こどもの日');
  if (!OLYMPIC_YEARS.has(y)) {
    if (y >= 2003) add(nthMonday(y, 7, 3), '海の日');
    else if (y >= 1996) add(md(y, 7, 20), '海の日');
    if (y >= 2016) add(md(y, 8, 11), '山の日');
    if (y >= 2000) add(nthMonday(y, 10, 2), y >= 2020 ? 'スポーツの日' : '体育の日');
    else add(md(y, 10, 10), '体育の日');
  }
  add(y >= 2003 ? nthMonday(y, 9, 3) : md(y, 9, 15), '敬老の日');
  add(md(y, 9, autumnalEquinoxDay(y)), '秋分の日');
  add(md(y, 11, 3), '文化の日');
  add(md(y, 11, 23), '勤労感謝の日');
  if (y >= 1989 && y <= 2018) add(md(y, 12, 23), '天皇誕生日');
  for (const [mmdd, name] of Object.entries(SPECIAL[y] ?? {})) add(`${y}-${mmdd}`, name);
  return h;
}

/** All holidays of a year: 祝日, then 振替休日 (article 3.2), then 国民の休日 (article 3.3). */
function holidaysOfYear(y: number): Map<CalendarDate, string> {
  const statutory = statutoryHolidays(y);
  const all = new Map(statutory);
  for (const d of statutory.keys()) {
    if (dayOfWeek(d) !== 0) continue;
    // Since 2007 the substitute is the first following day that is not a 祝日; before, the Monday.
    let s = addDays(d, 1);
    if (y >= 2007) while (statutory.has(s)) s = addDays(s, 1);
    if (!statutory.has(s)) all.set(s, '振替休日');
  }
  for (const d of statutory.keys()) {
    const mid = addDays(d, 1);
    // Before 2007 a sandwiched Sunday stayed an ordinary Sunday.
    if (statutory.has(addDays(d, 2)) && !all.has(mid) && (y >= 2007 || dayOfWeek(mid) !== 0)) {
      all.set(mid, '国民の休日');
    }
  }
  return all;
}

const cache = new Map<number, Map<CalendarDate, string>>();

function holidaysFor(y: number): Map<CalendarDate, string> {
  let h = cache.get(y);
  if (!h) {
    h = holidaysOfYear(y);
    cache.set(y, h);
  }
  return h;
}

/** The holiday's Japanese name ('振替休日', '国民の休日' for those), or null on other days. */
export function holidayName(d: CalendarDate): string | null {
  dayOfWeek(d); // validates the date
  return holidaysFor(Number(d.slice(0, 4))).get(d) ?? null;
}

/** All holidays of a year, sorted, as [date, name] pairs. */
export function holidaysInYear(year: number): Array<[CalendarDate, string]> {
  return [...holidaysFor(year).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Banks are closed on weekends, holidays and 12/31–1/3 (全銀 year-end closure). */
export function isBankBusinessDay(d: CalendarDate): boolean {
  const dow = dayOfWeek(d);
  if (dow === 0 || dow === 6) return false;
  const mmdd = d.slice(5);
  if (mmdd === '12-31' || mmdd <= '01-03') return false;
  return holidayName(d) === null;
}

export function businessDayOnOrBefore(d: CalendarDate): CalendarDate {
  let x = d;
  while (!isBankBusinessDay(x)) x = addDays(x, -1);
  return x;
}

/** The payday of a month: that day (clamped to the month's length), or the bank business day before. */
export function payday(month: YearMonth, day: number): CalendarDate {
  return businessDayOnOrBefore(dateInMonth(month, day));
}
