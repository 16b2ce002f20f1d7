/** 集計: reads 申請 once and counts a month's claims (domain/report.ts decides what is shown). */
import type { YearMonth } from '../domain/calendar';
import { parseCalendarDate, yearMonthOf } from '../domain/calendar';
import type { ReportCell, ReportClaim } from '../domain/report';
import { buildReport } from '../domain/report';
import { splitList } from '../domain/text';
import type { Ctx } from './ports';
import { CLAIMS, GRANTS, SESSIONS, SIGNUPS } from './schema';
import { isDateObject, tokyoDateOf } from '../domain/calendar';
import type { ReportGrant, ReportSignup } from '../domain/programReport';
import { grantRows, sessionRows } from '../domain/programReport';
import { purposeOf } from '../domain/sessions';
import { grantAmount } from './emergency';
import { readSessions } from './sessions';

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
  return padRows([...buildReport(claims, month), ...programReportRows(ctx, month)]);
}

/** Every row as wide as the widest (one setValues writes a rectangle). */
function padRows(rows: ReportCell[][]): ReportCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...new Array<ReportCell>(width - r.length).fill('')] : r));
}

/** Consultation sessions and emergency-support grants (issue 10 part B), when their sheets exist. */
function programReportRows(ctx: Ctx, month: YearMonth): ReportCell[][] {
  const out: ReportCell[][] = [];
  if (ctx.sheetExists(SESSIONS.name) && ctx.sheetExists(SIGNUPS.name)) {
    const sessions = [...readSessions(ctx).values()].map((s) => {
      const date = parseCalendarDate(s.when.slice(0, 10));
      return { id: s.id, title: s.title, month: date ? yearMonthOf(date) : null };
    });
    const t = ctx.table(SIGNUPS);
    const signups: ReportSignup[] = [];
    for (let i = 0; i < t.length; i++) {
      if (!t.text(i, '申込ID')) continue;
      signups.push({ sessionId: t.text(i, '相談会ID'), decision: t.text(i, '判定'), purpose: purposeOf(t.text(i, '参加目的')), attendance: t.text(i, '出欠') });
    }
    out.push(...sessionRows(sessions, signups, month));
  }
  if (ctx.sheetExists(GRANTS.name)) {
    const t = ctx.table(GRANTS);
    const grants: ReportGrant[] = [];
    for (let i = 0; i < t.length; i++) {
      const at = t.get(i, '記録日時');
      if (!t.text(i, '緊急支援ID') || !isDateObject(at)) continue;
      grants.push({ month: yearMonthOf(tokyoDateOf(at)), use: t.text(i, '用途'), decision: t.text(i, '判定'), amount: grantAmount(t.get(i, '金額')) ?? 0 });
    }
    out.push(...grantRows(grants, month));
  }
  return out;
}
