/**
 * Programs (プログラム): each rule set of SPEC §1 is plain data, and the code that applies it
 * (rules.ts, payout.ts) is written once. Presets ship here; 設定 may override a preset or define a
 * new program (see parseProgramDefinition and the README's "Configuring a program").
 */
import type { CalendarDate, YearMonth } from './calendar';
import { addDays, addMonths, claimDeadline, compareDates, isCalendarDate, yearMonthOf } from './calendar';

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

// ---------------------------------------------------------------- lifecycle (SPEC §1, issue 9)

/** Whether a program is open today, and if not, which one ended last and which starts next. */
export type ProgramStatus =
  | { kind: 'open'; program: Program }
  | { kind: 'none'; ended: Program | null; next: Program | null };

export function programStatus(programs: readonly Program[], today: CalendarDate): ProgramStatus {
  const open = programForDate(programs, today);
  if (open) return { kind: 'open', program: open };
  let ended: Program | null = null;
  let next: Program | null = null;
  for (const p of programs) {
    if (compareDates(p.period.end, today) < 0 && (!ended || compareDates(p.period.end, ended.period.end) > 0)) ended = p;
    if (compareDates(p.period.start, today) > 0 && (!next || compareDates(p.period.start, next.period.start) < 0)) next = p;
  }
  return { kind: 'none', ended, next };
}

/**
 * The days after a program ended while claims for support inside it are still due: support on its
 * last day may be claimed until that day's claim deadline (seed 000: 「支援実施後、1ヶ月以内」;
 * new-migrant-era-2023 ended 2026-02-28, so claims are due until 2026-03-28). The claim form stays
 * open until then. Null outside such a window.
 */
export function lateClaimWindow(programs: readonly Program[], today: CalendarDate): { program: Program; until: CalendarDate } | null {
  let best: { program: Program; until: CalendarDate } | null = null;
  for (const p of programs) {
    if (compareDates(p.period.end, today) >= 0) continue; // not ended
    const until = claimDeadline(p.period.end, p.deadlineRule);
    if (compareDates(until, today) < 0) continue;
    if (!best || compareDates(until, best.until) > 0) best = { program: p, until };
  }
  return best;
}

/** What staff read while an ended program's last claims are still due (the form stays open). */
export function lateClaimsMessage(status: Extract<ProgramStatus, { kind: 'none' }>, late: { program: Program; until: CalendarDate }): string {
  const next = status.next ? `「${status.next.name}」は ${status.next.period.start} に始まります。` : '次の事業は、メニュー「伴走ネット」→「新しい事業を設定」で設定してください。';
  return (
    `現在受付中の事業（プログラム）がありません。「${late.program.name}」（${late.program.id}）は ${late.program.period.end} に終了しましたが、期間内の支援の申請は締切の ${late.until} まで受け付けるため、申請フォームはそれまで受付を続けます（翌日に自動で停止します）。` +
    next
  );
}

/** What staff read when no program is open (setup, the daily job, the office mail). */
export function noProgramMessage(status: Extract<ProgramStatus, { kind: 'none' }>): string {
  const ended = status.ended ? `「${status.ended.name}」（${status.ended.id}）は ${status.ended.period.end} に終了しました。` : '';
  // The claim form is said to be stopped once; a next program already defined needs no defining.
  const then = status.next
    ? `「${status.next.name}」は ${status.next.period.start} に始まります。それまで申請フォームは受付を停止しています（その日に自動で再開します）。`
    : '申請フォームは受付を停止しています（事業が始まると自動で再開します）。次の事業は、メニュー「伴走ネット」→「新しい事業を設定」で設定してください。';
  return `現在受付中の事業（プログラム）がありません。${ended}${then}`;
}

/** What a respondent sees on the closed claim form, in Japanese, English and Vietnamese. */
export const NO_PROGRAM_FORM_MESSAGE =
  '現在、伴走支援の申請を受け付けている事業はありません。次の事業が始まると再開します。お問い合わせは移住連事務局へ。 / ' +
  'No support program is open for claims at the moment. Claims will reopen when the next program starts. Please contact the SMJ office with any questions. / ' +
  'Hiện không có chương trình nào đang nhận yêu cầu. Việc nhận yêu cầu sẽ mở lại khi chương trình tiếp theo bắt đầu. Nếu có thắc mắc, vui lòng liên hệ văn phòng SMJ.';

/** The answers of 新しい事業を設定, as typed (empty = the suggested default). */
export interface ProgramAnswers {
  name: string;
  start: string;
  end: string;
  /** 「時間以上:円」 separated by commas, the first hours being the minimum: `1:4000, 2:8000`. */
  amounts: string;
  /** 「相談者1人あたりの回数, 1回あたりの伴走者数」: `3, 2`. */
  limits: string;
  payday: string;
  /** Yen, or empty for no cap. */
  budget: string;
}

export type ProgramDraft =
  | { ok: true; program: Program; definition: string }
  | { ok: false; errors: string[] };

/** The suggested answers: the previous program's rules, a period starting after it ended (or today). */
export function programDefaults(previous: Program, today: CalendarDate): Omit<ProgramAnswers, 'name' | 'budget'> & { budget: string } {
  const after = addDays(previous.period.end, 1);
  const start = compareDates(after, today) >= 0 ? after : today;
  return {
    start,
    end: addDays(`${Number(start.slice(0, 4)) + 1}${start.slice(4)}`.replace(/-02-29$/, '-02-28'), -1),
    amounts: amountsText(previous),
    limits: `${previous.maxEventsPerRecipient}, ${previous.maxSupportersPerEvent}`,
    payday: String(previous.paydayDay),
    budget: previous.budgetYen === null ? '' : String(previous.budgetYen),
  };
}

/** `1:4000, 2:8000`: the minimum pays the first tier's amount. */
export function amountsText(p: Program): string {
  const tiers = p.tiers.filter((t) => t.fromHours > p.minHours);
  return [`${p.minHours}:${amountFor(p, p.minHours)}`, ...tiers.map((t) => `${t.fromHours}:${t.amount}`)].join(', ');
}

const numberText = (s: string) => s.normalize('NFKC').replace(/[,，円¥\s]/g, '');

/**
 * Validates the answers and builds the program (and its 設定 definition, which extends the previous
 * program: deadline rule, cut-off and eligibility stay as they were). Errors are Japanese sentences
 * naming the field and the fix.
 */
export function draftProgram(a: ProgramAnswers, previous: Program, known: readonly Program[]): ProgramDraft {
  const errors: string[] = [];
  const name = a.name.normalize('NFKC').trim();
  if (name === '') errors.push('事業の名前を入力してください（例: 2026年度伴走支援）');
  else if (/[:：]/.test(name) || name.length > 40) errors.push('事業の名前は40文字以内で、「:」を含めないでください');
  else if (known.some((p) => p.id === name)) errors.push(`事業「${name}」はすでにあります。別の名前にしてください`);
  const start = a.start.normalize('NFKC').trim().replace(/\//g, '-');
  const end = a.end.normalize('NFKC').trim().replace(/\//g, '-');
  if (!isCalendarDate(start)) errors.push(`支援期間の初日「${a.start}」は 2026-04-01 の形で入力してください`);
  if (!isCalendarDate(end)) errors.push(`支援期間の最終日「${a.end}」は 2027-03-31 の形で入力してください`);
  if (isCalendarDate(start) && isCalendarDate(end)) {
    if (compareDates(start, end) > 0) errors.push(`支援期間の初日 ${start} が最終日 ${end} より後です`);
    const overlap = known.find((p) => compareDates(p.period.start, end) <= 0 && compareDates(start, p.period.end) <= 0);
    if (overlap) errors.push(`支援期間 ${start}〜${end} が「${overlap.name}」（${overlap.period.start}〜${overlap.period.end}）と重なっています。重ならない期間にしてください`);
  }
  const tiers: AmountTier[] = [];
  for (const part of a.amounts.normalize('NFKC').split(/[,、]/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^(\d+(?:\.\d+)?)\s*(?:時間|h)?\s*(?:以上)?\s*[:=]\s*([\d,]+)\s*円?$/.exec(part.replace(/(\d),(\d{3})/g, '$1$2'));
    if (!m) {
      errors.push(`金額「${part}」は「時間:円」の形で入力してください（例: 1:4000, 2:8000）`);
      continue;
    }
    tiers.push({ fromHours: Number(m[1]), amount: Number(m[2].replace(/,/g, '')) });
  }
  if (tiers.length === 0 && !errors.some((e) => e.startsWith('金額'))) errors.push('金額を「時間:円」の形で入力してください（例: 1:4000, 2:8000）');
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i].fromHours <= tiers[i - 1].fromHours) errors.push('金額の時間は小さい順に、重ならないように書いてください（例: 1:4000, 2:8000）');
  }
  const limits = a.limits.normalize('NFKC').split(/[,、\s]+/).filter(Boolean).map(Number);
  if (limits.length !== 2 || !limits.every((n) => Number.isInteger(n) && n >= 1)) {
    errors.push(`上限「${a.limits}」は「相談者1人あたりの回数, 1回あたりの伴走者数」を1以上の整数で入力してください（例: 3, 2）`);
  }
  const payday = Number(numberText(a.payday));
  if (!Number.isInteger(payday) || payday < 1 || payday > 31) errors.push(`支払日「${a.payday}」は 1〜31 の日にちで入力してください`);
  const budgetText = numberText(a.budget);
  const budget = budgetText === '' ? null : Number(budgetText);
  if (budget !== null && (!Number.isInteger(budget) || budget < 0)) errors.push(`予算上限「${a.budget}」は円の整数で入力してください（上限なしなら空欄）`);
  if (errors.length > 0) return { ok: false, errors };

  const def = {
    extends: previous.id,
    name,
    period: { start, end },
    minHours: tiers[0].fromHours,
    tiers,
    maxEventsPerRecipient: limits[0],
    maxSupportersPerEvent: limits[1],
    paydayDay: payday,
    budgetYen: budget,
  };
  const definition = JSON.stringify(def);
  const parsed = parseProgramDefinition(name, definition, known);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  return { ok: true, program: parsed.program, definition };
}

/** The program a new one starts from: the one that ended last (or the latest preset). */
export function latestProgram(programs: readonly Program[]): Program {
  return [...programs].sort((a, b) => compareDates(b.period.end, a.period.end))[0];
}
