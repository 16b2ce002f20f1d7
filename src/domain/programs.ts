/**
 * Programs (プログラム): each rule set of SPEC §1 is plain data, and the code that applies it
 * (rules.ts, payout.ts) is written once. Presets ship here; 設定 may override a preset or define a
 * new program (see parseProgramDefinition and the README's "Configuring a program").
 */
import type { CalendarDate, YearMonth } from './calendar';
import { addMonths, compareDates, isCalendarDate, yearMonthOf } from './calendar';

/** An amount tier: `amount` yen when hours ≥ fromHours (the highest matching tier wins). */
export interface AmountTier {
  fromHours: number;
  amount: number;
}

export interface Program {
  id: string;
  /** 表示名 (staff-facing). */
  name: string;
  /** 支援期間: support dates on or between these are judged by this program. */
  period: { start: CalendarDate; end: CalendarDate };
  /** 申請期限: the same date next month (2023), or the day before it (2022). */
  deadlineRule: 'sameDateNextMonth' | 'dayBeforeSameDateNextMonth';
  /** 最低時間 in hours. */
  minHours: number;
  tiers: AmountTier[];
  /** 相談者1人あたりの支援回数の上限 (distinct support events). */
  maxEventsPerRecipient: number;
  /** 1回の支援につき伴走者の上限. */
  maxSupportersPerEvent: number;
  /** 申請資格: experience, or these basic-course questionnaires (講座アンケート). */
  eligibility: {
    requireExperienceOrCourses: boolean;
    courses: string[];
    /** A course that is not required for support on or before `until`. */
    waivers: { course: string; until: CalendarDate }[];
  };
  /** 締め日: claims received by this day of month (or month end) are paid next month. */
  cutoffDay: number | 'monthEnd';
  /** 支払日 (day of month, moved back to the previous bank business day). */
  paydayDay: number;
  /** 差戻しへの回答期限 (days). */
  needsInfoDays: number;
  /** 予算上限 in yen, null for none. */
  budgetYen: number | null;
}

export const PRESETS: readonly Program[] = [
  {
    id: 'covid-2022',
    name: '新型コロナ緊急伴走支援（2022）',
    period: { start: '2022-05-25', end: '2023-02-28' },
    deadlineRule: 'dayBeforeSameDateNextMonth',
    minHours: 1,
    tiers: [
      { fromHours: 0, amount: 6000 },
      { fromHours: 3, amount: 10000 },
    ],
    maxEventsPerRecipient: 5,
    maxSupportersPerEvent: 2,
    eligibility: { requireExperienceOrCourses: false, courses: [], waivers: [] },
    cutoffDay: 20,
    paydayDay: 10,
    needsInfoDays: 7,
    budgetYen: null,
  },
  {
    id: 'new-migrant-era-2023',
    name: '新移民時代型伴走支援（2023–2026）',
    period: { start: '2023-07-10', end: '2026-02-28' },
    deadlineRule: 'sameDateNextMonth',
    minHours: 1,
    tiers: [
      { fromHours: 0, amount: 4000 },
      { fromHours: 2, amount: 8000 },
    ],
    maxEventsPerRecipient: 3,
    maxSupportersPerEvent: 2,
    eligibility: {
      requireExperienceOrCourses: true,
      courses: ['基礎1', '基礎2', '基礎3', '基礎4', '基礎5'],
      waivers: [{ course: '基礎5', until: '2024-03-31' }],
    },
    cutoffDay: 'monthEnd',
    paydayDay: 10,
    needsInfoDays: 7,
    budgetYen: null,
  },
];

/** The program whose support period contains `date`, if any. */
export function programForDate(programs: readonly Program[], date: CalendarDate): Program | undefined {
  return programs.find((p) => compareDates(p.period.start, date) <= 0 && compareDates(date, p.period.end) <= 0);
}

export function programById(programs: readonly Program[], id: string): Program | undefined {
  return programs.find((p) => p.id === id);
}

/**
 * 覚書 and 謝金受取口座届出書 count for a program only when received on or after its first day
 * (documents are submitted again for each program, SPEC §4). The one rule for receipts and payouts.
 */
export function documentReceivedFor(program: Program, received: CalendarDate | null): boolean {
  return received !== null && compareDates(received, program.period.start) >= 0;
}

/** The amount the tiers give for `hours` (0 under the minimum). */
export function amountFor(program: Program, hours: number): number {
  if (hours < program.minHours) return 0;
  let amount = 0;
  for (const tier of program.tiers) if (hours >= tier.fromHours) amount = tier.amount;
  return amount;
}

/**
 * The month whose payout pays a claim received on `received` (SPEC §1 cut-off row):
 * 2022: received by the 20th → next month, after the 20th → the month after;
 * 2023: received by the month's end → next month.
 */
export function payoutMonthFor(program: Program, received: CalendarDate): YearMonth {
  const month = yearMonthOf(received);
  if (program.cutoffDay === 'monthEnd') return addMonths(month, 1);
  const day = Number(received.slice(8, 10));
  return addMonths(month, day <= program.cutoffDay ? 1 : 2);
}

export type ProgramParse = { ok: true; program: Program } | { ok: false; error: string };

/**
 * A program defined or overridden in 設定 (key `プログラム定義:<id>`), as JSON. `extends` names a
 * preset (or an earlier definition) to start from, so a new program only states what differs:
 *   {"extends":"new-migrant-era-2023","name":"2026年度","period":{"start":"2026-04-01","end":"2027-03-31"}}
 */
export function parseProgramDefinition(id: string, json: string, known: readonly Program[]): ProgramParse {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: `プログラム定義:${id} の値が JSON として読めません` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: `プログラム定義:${id} はオブジェクト（{…}）で書いてください` };
  }
  const def = raw as Record<string, unknown>;
  const baseId = typeof def.extends === 'string' ? def.extends : id;
  const base = known.find((p) => p.id === baseId);
  if (!base) {
    if (typeof def.extends === 'string') return { ok: false, error: `プログラム定義:${id} の extends「${baseId}」が見つかりません` };
    return { ok: false, error: `プログラム定義:${id} には extends（元にするプログラム）が必要です` };
  }
  const merged: Program = {
    ...base,
    eligibility: { ...base.eligibility },
    period: { ...base.period },
    id,
  };
  const errors: string[] = [];
  const num = (key: string, min: number): number | undefined => {
    const v = def[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
      errors.push(`${key} は ${min} 以上の数値です`);
      return undefined;
    }
    return v;
  };
  if (typeof def.name === 'string') merged.name = def.name;
  if (def.period !== undefined) {
    const p = def.period as Record<string, unknown>;
    if (typeof p?.start === 'string' && isCalendarDate(p.start) && typeof p?.end === 'string' && isCalendarDate(p.end)) {
      merged.period = { start: p.start, end: p.end };
    } else errors.push('period は {"start":"yyyy-MM-dd","end":"yyyy-MM-dd"} です');
  }
  if (def.deadlineRule !== undefined) {
    if (def.deadlineRule === 'sameDateNextMonth' || def.deadlineRule === 'dayBeforeSameDateNextMonth') {
      merged.deadlineRule = def.deadlineRule;
    } else errors.push('deadlineRule は sameDateNextMonth か dayBeforeSameDateNextMonth です');
  }
  const minHours = num('minHours', 0);
  if (minHours !== undefined) merged.minHours = minHours;
  if (def.tiers !== undefined) {
    const tiers = def.tiers;
    if (
      Array.isArray(tiers) &&
      tiers.length > 0 &&
      tiers.every((t) => typeof t?.fromHours === 'number' && Number.isInteger(t?.amount) && t.amount >= 0)
    ) {
      merged.tiers = [...tiers].map((t) => ({ fromHours: t.fromHours, amount: t.amount })).sort((a, b) => a.fromHours - b.fromHours);
    } else errors.push('tiers は [{"fromHours":0,"amount":4000},{"fromHours":2,"amount":8000}] の形です');
  }
  const maxEvents = num('maxEventsPerRecipient', 1);
  if (maxEvents !== undefined) merged.maxEventsPerRecipient = Math.floor(maxEvents);
  const maxSupporters = num('maxSupportersPerEvent', 1);
  if (maxSupporters !== undefined) merged.maxSupportersPerEvent = Math.floor(maxSupporters);
  if (def.cutoffDay !== undefined) {
    if (def.cutoffDay === 'monthEnd') merged.cutoffDay = 'monthEnd';
    else if (Number.isInteger(def.cutoffDay) && (def.cutoffDay as number) >= 1 && (def.cutoffDay as number) <= 28) {
      merged.cutoffDay = def.cutoffDay as number;
    } else errors.push('cutoffDay は 1〜28 の日付か "monthEnd" です');
  }
  const payday = num('paydayDay', 1);
  if (payday !== undefined) merged.paydayDay = Math.min(31, Math.floor(payday));
  const needsInfo = num('needsInfoDays', 1);
  if (needsInfo !== undefined) merged.needsInfoDays = Math.floor(needsInfo);
  if (def.budgetYen !== undefined) {
    if (def.budgetYen === null) merged.budgetYen = null;
    else {
      const b = num('budgetYen', 0);
      if (b !== undefined) merged.budgetYen = Math.floor(b);
    }
  }
  if (def.eligibility !== undefined) {
    const e = def.eligibility as Record<string, unknown>;
    if (typeof e?.requireExperienceOrCourses === 'boolean') merged.eligibility.requireExperienceOrCourses = e.requireExperienceOrCourses;
    if (Array.isArray(e?.courses) && e.courses.every((c) => typeof c === 'string')) merged.eligibility.courses = e.courses as string[];
    if (Array.isArray(e?.waivers)) {
      const ok = e.waivers.every((w) => typeof w?.course === 'string' && typeof w?.until === 'string' && isCalendarDate(w.until));
      if (ok) merged.eligibility.waivers = (e.waivers as { course: string; until: string }[]).map((w) => ({ course: w.course, until: w.until }));
      else errors.push('eligibility.waivers は [{"course":"基礎5","until":"2024-03-31"}] の形です');
    }
  }
  if (compareDates(merged.period.start, merged.period.end) > 0) errors.push('period の start が end より後です');
  if (errors.length > 0) return { ok: false, error: `プログラム定義:${id}: ${errors.join(' / ')}` };
  return { ok: true, program: merged };
}
