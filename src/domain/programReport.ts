/**
 * 集計, the rest of the program (issue 10): consultation sessions held in the month (sign-ups and
 * attendance, never names) and emergency-support grants by 用途. Small counts are shown as "<3",
 * as in the claims part (domain/report.ts).
 */
import type { YearMonth } from './calendar';
import type { ReportCell } from './report';
import { suppress } from './report';

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
    const n = (f: (x: ReportSignup) => boolean) => suppress(list.filter(f).length);
    rows.push([
      `${s.id} ${s.title}`.trim(),
      suppress(list.length),
      n((x) => x.decision === '参加可'),
      n((x) => x.decision === 'キャンセル待ち'),
      n((x) => x.decision === '要確認'),
      n((x) => x.purpose === 'participant'),
      n((x) => x.purpose === 'trainee'),
      n((x) => x.attendance === '出席'),
      n((x) => x.attendance === '欠席'),
    ]);
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
  const yen = (n: number, sum: number): ReportCell => (n >= 3 ? sum : n === 0 ? 0 : '<3件のため非表示');
  const rows: ReportCell[][] = [['', '', ''], ['緊急支援費（記録がこの月のもの。承認・支払済）', '件数', '金額（円）']];
  const sorted = [...byUse].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  for (const [use, v] of sorted) rows.push([use, suppress(v.n), yen(v.n, v.yen)]);
  if (sorted.length === 0) rows.push(['（なし）', 0, 0]);
  rows.push(['合計', suppress(list.length), yen(list.length, list.reduce((s, g) => s + g.amount, 0))]);
  return rows;
}
