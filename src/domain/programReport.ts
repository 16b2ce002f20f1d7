/**
 * 集計, the rest of the program (issue 10): consultation sessions held in the month (sign-ups and
 * attendance, never names) and emergency-support grants by 用途. As in the claims breakdowns
 * (domain/report.ts suppressGroup), counts of 1–2 are hidden as 秘匿 together with enough other cells
 * that none can be recovered by subtracting the shown ones from the total.
 */
import type { YearMonth } from './calendar';
import type { ReportCell } from './report';
import { HIDDEN, suppressGroup } from './report';

export interface ReportSession {
  id: string;
  title: string;
  /** Month of the session's 日時 (null when it has none). */
  month: YearMonth | null;
}

export interface ReportSignup {
  sessionId: string;
  decision: string;
  /** 'participant' / 'trainee' / null */
  purpose: string | null;
  attendance: string;
}

export interface ReportGrant {
  /** Month the grant was recorded. */
  month: YearMonth;
  use: string;
  decision: string;
  amount: number;
}

/** Sessions whose 日時 is in the month: sign-ups (キャンセル left out), places, waiting list, attendance. */
export function sessionRows(sessions: readonly ReportSession[], signups: readonly ReportSignup[], month: YearMonth): ReportCell[][] {
  const rows: ReportCell[][] = [
    ['', '', ''],
    ['オンライン相談会（日時がこの月のもの。キャンセルを除く）', '申込', '参加可', 'キャンセル待ち', '要確認', '伴走者として', '研修として', '出席', '欠席'],
  ];
  const held = sessions.filter((s) => s.month === month);
  for (const s of held) {
    const list = signups.filter((x) => x.sessionId === s.id && x.decision !== 'キャンセル');
    const total = list.length;
    const count = (f: (x: ReportSignup) => boolean) => list.filter(f).length;
    // Three breakdowns of the same total, each suppressed so no hidden cell follows by subtraction.
    const group = (counts: number[]) => suppressGroup(counts, total - counts.reduce((a, b) => a + b, 0));
    const decisions = group([count((x) => x.decision === '参加可'), count((x) => x.decision === 'キャンセル待ち'), count((x) => x.decision === '要確認')]);
    const purposes = group([count((x) => x.purpose === 'participant'), count((x) => x.purpose === 'trainee')]);
    const attendance = group([count((x) => x.attendance === '出席'), count((x) => x.attendance === '欠席')]);
    const hideTotal = (total > 0 && total < 3) || decisions.totalMustHide || purposes.totalMustHide || attendance.totalMustHide;
    rows.push([`${s.id} ${s.title}`.trim(), hideTotal ? HIDDEN : total, ...decisions.cells, ...purposes.cells, ...attendance.cells]);
  }
  if (held.length === 0) rows.push(['（なし）', 0, 0, 0, 0, 0, 0, 0, 0]);
  return rows;
}

/** Grants recorded in the month that are 承認 or 支払済, by 用途: count and yen (yen hidden under 3). */
export function grantRows(grants: readonly ReportGrant[], month: YearMonth): ReportCell[][] {
  const list = grants.filter((g) => g.month === month && (g.decision === '承認' || g.decision === '支払済'));
  const byUse = new Map<string, { n: number; yen: number }>();
  for (const g of list) {
    const k = g.use.trim() || '未記入';
    const v = byUse.get(k) ?? { n: 0, yen: 0 };
    v.n++;
    v.yen += g.amount;
    byUse.set(k, v);
  }
  const rows: ReportCell[][] = [['', '', ''], ['緊急支援費（記録がこの月のもの。承認・支払済）', '件数', '金額（円）']];
  const sorted = [...byUse].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  // 用途 counts add up to 合計: suppressed together; a hidden count hides its yen too.
  const shown = suppressGroup(sorted.map(([, v]) => v.n));
  sorted.forEach(([use, v], i) => rows.push([use, shown.cells[i], shown.cells[i] === HIDDEN ? HIDDEN : v.yen]));
  if (sorted.length === 0) rows.push(['（なし）', 0, 0]);
  const hideTotal = (list.length > 0 && list.length < 3) || shown.totalMustHide;
  rows.push(['合計', hideTotal ? HIDDEN : list.length, hideTotal ? HIDDEN : list.reduce((s, g) => s + g.amount, 0)]);
  return rows;
}
