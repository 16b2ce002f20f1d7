/**
 * 集計 (SPEC §5 Reports): a month's claims counted for grant reports and policy proposals, by
 * issue, region and nationality. Counts of 1 or 2 are shown as "<3" so no one can be singled out.
 * The month is the support date's month (the activity, not the paperwork).
 */
import type { YearMonth } from './calendar';

export interface ReportClaim {
  /** Month of the support date. */
  month: YearMonth;
  decision: string;
  amount: number;
  supporterId: string;
  caseId: string;
  issues: string[];
  prefecture: string;
  nationality: string;
}

export type ReportCell = string | number;

const APPROVED = new Set(['承認', '支払済']);

/** A count as published: 0, "<3", or the number. */
export function suppress(n: number): ReportCell {
  return n > 0 && n < 3 ? '<3' : n;
}

export function buildReport(all: readonly ReportClaim[], month: YearMonth): ReportCell[][] {
  const claims = all.filter((c) => c.month === month && c.decision !== '却下');
  const approved = claims.filter((c) => APPROVED.has(c.decision));
  const yen = approved.reduce((n, c) => n + c.amount, 0);
  const rows: ReportCell[][] = [
    [`集計 ${month}（支援日の月。却下を除く。3未満の件数は「<3」と表示）`, '', ''],
    ['', '', ''],
    ['概要', '件数', ''],
    ['申請', suppress(claims.length), ''],
    ['承認・支払済', suppress(approved.length), ''],
    ['承認額（円）', approved.length >= 3 ? yen : approved.length === 0 ? 0 : '<3件のため非表示', ''],
    ['伴走者（人）', suppress(new Set(claims.map((c) => c.supporterId)).size), ''],
    ['相談者（人）', suppress(new Set(claims.map((c) => c.caseId).filter(Boolean)).size), ''],
  ];
  const section = (title: string, keys: (c: ReportClaim) => string[]) => {
    const counts = new Map<string, [number, number]>();
    for (const c of claims) {
      for (const k of new Set(keys(c).map((x) => x.trim() || '不明'))) {
        const n = counts.get(k) ?? [0, 0];
        n[0]++;
        if (APPROVED.has(c.decision)) n[1]++;
        counts.set(k, n);
      }
    }
    rows.push(['', '', ''], [title, '申請', '承認・支払済']);
    const sorted = [...counts].sort((a, b) => b[1][0] - a[1][0] || (a[0] < b[0] ? -1 : 1));
    for (const [k, [n, m]] of sorted) rows.push([k, suppress(n), suppress(m)]);
    if (sorted.length === 0) rows.push(['（なし）', 0, 0]);
  };
  section('課題の分野', (c) => (c.issues.length > 0 ? c.issues : ['不明']));
  section('支援を行った都道府県', (c) => [c.prefecture]);
  section('相談者の国籍', (c) => [c.nationality]);
  return rows;
}
