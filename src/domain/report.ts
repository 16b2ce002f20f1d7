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

/** A cell hidden in a breakdown (too small, or chosen so the small one cannot be found by subtraction). */
export const HIDDEN = '秘匿';

/**
 * Secondary suppression of one column of a breakdown. Counts of 1–2 are hidden; so that no hidden
 * count can be recovered by subtracting the shown ones from the total, at least two cells are hidden
 * whenever one is, and the hidden cells together hold more than one per cell (two hidden 1s would
 * add up to 2 = 1 + 1 and give both away): the smallest shown counts are hidden as well until that
 * holds. Every hidden cell reads 秘匿, so a reader cannot tell the small ones from the others.
 */
export function suppressColumn(counts: readonly number[]): ReportCell[] {
  return suppressColumnChecked(counts).cells;
}

/**
 * As suppressColumn; `totalMustHide` when even hiding every nonzero cell leaves the small ones
 * recoverable from the column total (three hidden 1s and a total of 3): the caller hides the total.
 */
export function suppressColumnChecked(counts: readonly number[]): { cells: ReportCell[]; totalMustHide: boolean } {
  const hide = counts.map((n) => n > 0 && n < 3);
  const hidden = () => hide.filter(Boolean).length;
  const hiddenSum = () => counts.reduce((s, n, i) => s + (hide[i] ? n : 0), 0);
  while (hidden() > 0 && (hidden() === 1 || hiddenSum() < hidden() + 1)) {
    let j = -1;
    counts.forEach((n, i) => {
      if (!hide[i] && n > 0 && (j < 0 || n < counts[j])) j = i;
    });
    if (j < 0) break; // nothing left to hide: the total is not shown either (it is the hidden cell)
    hide[j] = true;
  }
  const cells = counts.map((n, i) => (hide[i] ? HIDDEN : n));
  const small = counts.some((n) => n > 0 && n < 3);
  return { cells, totalMustHide: small && hiddenSum() < hidden() + 1 };
}

export function buildReport(all: readonly ReportClaim[], month: YearMonth): ReportCell[][] {
  const claims = all.filter((c) => c.month === month && c.decision !== '却下');
  const approved = claims.filter((c) => APPROVED.has(c.decision));
  const yen = approved.reduce((n, c) => n + c.amount, 0);
  const rows: ReportCell[][] = [
    [`集計 ${month}（支援日の月。却下を除く。概要の3未満の件数は「<3」。内訳では3未満の件数と、合計から差し引いて分からないように選んだ件数を「秘匿」と表示）`, '', ''],
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
    const claimsShown = suppressColumnChecked(sorted.map(([, [n]]) => n));
    const approvedShown = suppressColumnChecked(sorted.map(([, [, m]]) => m));
    hideTotal.claims ||= claimsShown.totalMustHide;
    hideTotal.approved ||= approvedShown.totalMustHide;
    sorted.forEach(([k], i) => rows.push([k, claimsShown.cells[i], approvedShown.cells[i]]));
    if (sorted.length === 0) rows.push(['（なし）', 0, 0]);
  };
  const hideTotal = { claims: false, approved: false };
  section('課題の分野', (c) => (c.issues.length > 0 ? c.issues : ['不明']));
  section('支援を行った都道府県', (c) => [c.prefecture]);
  section('相談者の国籍', (c) => [c.nationality]);
  // A breakdown whose small cells the total would give away: the total is hidden too.
  if (hideTotal.claims) rows[3][1] = HIDDEN;
  if (hideTotal.approved) rows[4][1] = rows[5][1] = HIDDEN; // 承認額 would give the count away
  return rows;
}
