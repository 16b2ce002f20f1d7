/** 集計: reads 申請 once and counts a month's claims (domain/report.ts decides what is shown). */
import type { YearMonth } from '../domain/calendar';
import { parseCalendarDate, yearMonthOf } from '../domain/calendar';
import type { ReportCell, ReportClaim } from '../domain/report';
import { buildReport } from '../domain/report';
import { splitList } from '../domain/text';
import type { Ctx } from './ports';
import { CLAIMS } from './schema';

export function reportRows(ctx: Ctx, month: YearMonth): ReportCell[][] {
  const t = ctx.table(CLAIMS);
  const claims: ReportClaim[] = [];
  for (let i = 0; i < t.length; i++) {
    const date = parseCalendarDate(t.get(i, '支援日'));
    if (!date || !t.text(i, '申請ID')) continue;
    claims.push({
      month: yearMonthOf(date),
      decision: t.text(i, '判定'),
      amount: Number(t.get(i, '金額')) || 0,
      supporterId: t.text(i, '伴走ネットID'),
      caseId: t.text(i, '相談者ID'),
      issues: splitList(t.get(i, '課題の分野')),
      prefecture: t.text(i, '都道府県'),
      nationality: t.text(i, '相談者の国籍'),
    });
  }
  return buildReport(claims, month);
}
