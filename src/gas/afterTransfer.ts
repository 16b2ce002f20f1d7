/**
 * After the transfer (SPEC §10, issue 11): a returned transfer (振込不能) and the yearly totals
 * (年間支払 YYYY). The decisions are in app/returns.ts and app/annual.ts; this file reads and writes
 * the sheets around them.
 */
import { annualSheetName, annualStatement } from '../app/annual';
import { payoutId } from '../app/payout';
import type { ReturnOutcome } from '../app/returns';
import { recordReturn } from '../app/returns';
import type { SheetSchema } from '../app/schema';
import { ACCOUNTS } from '../app/schema';
import type { YearMonth } from '../domain/calendar';
import { parseId } from '../domain/ids';
import { normalizeText } from '../domain/text';
import { withCtx } from './entry';
import { notePayoutReturn, readPaidSheet } from './payoutSheet';
import { normHeader, toCell } from './table';

/** Adds headers a sheet made before them lacks (口座 状態), in one write; the rest of the sheet is untouched. */
function ensureColumns(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, schema: SheetSchema, headers: string[]): void {
  const sheet = ss.getSheetByName(schema.name);
  if (!sheet) return;
  const last = sheet.getLastColumn();
  const have = last > 0 ? sheet.getRange(1, 1, 1, last).getValues()[0].map(normHeader) : [];
  const missing = headers.filter((h) => !have.includes(normHeader(h)));
  if (missing.length === 0) return;
  if (last + missing.length > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), last + missing.length - sheet.getMaxColumns());
  sheet.getRange(1, last + 1, 1, missing.length).setValues([missing]);
}

/** 振込不能を記録: see app/returns.ts. A refusal is a result (with its message), not an error. */
export function recordReturnRun(month: YearMonth, supporterId: string, reason: string, actor: string): ReturnOutcome & { sheetNoted?: boolean } {
  return withCtx(`振込不能の記録 ${month}`, actor, (ctx) => {
    ensureColumns(ctx.ss, ACCOUNTS, ['状態']);
    const paid = readPaidSheet(ctx.ss, month);
    const parsed = parseId('BN', normalizeText(supporterId));
    const line = parsed.kind === 'ok' ? paid?.lines.get(parsed.id) : undefined;
    const outcome = recordReturn(ctx, { month, supporterId, reason, sheet: { payday: paid?.payday ?? null, transferred: line?.transferred ?? null } });
    if (outcome.kind !== 'recorded') return outcome;
    ctx.flush(); // the claims and the account are final before the protected sheet is touched
    let sheetNoted = false;
    try {
      sheetNoted = notePayoutReturn(ctx.ss, month, outcome.supporterId, outcome.note);
      if (!sheetNoted) ctx.log(payoutId(month), `支払シート「支払 ${month}」に ${outcome.supporterId} の支払行がないため、振込不能はログにだけ記録しました`);
    } catch (e) {
      ctx.log(payoutId(month), `支払シート「支払 ${month}」に振込不能を書き込めませんでした（シートの保護: 支払済にしたアカウントで実行してください）。記録はこのログにあります: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { ...outcome, sheetNoted, message: sheetNoted ? outcome.message : `${outcome.message}\n（支払シートには書き込めませんでした。ログを確認してください）` };
  });
}

/** 年間支払 YYYY: rebuilt whole (cleared, one write), so rebuilding gives the same sheet. */
export function buildAnnualStatement(year: number, actor: string): { year: number; sheet: string; supporters: number; total: number } {
  return withCtx(`年間支払 ${year}`, actor, (ctx) => {
    const statement = annualStatement(ctx, year, (month) => {
      const sheet = readPaidSheet(ctx.ss, month);
      if (!sheet) return null;
      return { payday: sheet.payday, withholding: sheet.withholding, tax: (id) => sheet.lines.get(id)?.tax ?? null };
    });
    const name = annualSheetName(year);
    let sheet = ctx.ss.getSheetByName(name);
    if (sheet) sheet.clear();
    else sheet = ctx.ss.insertSheet(name);
    const rows = statement.rows;
    if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows.map((r) => r.map(toCell)));
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, rows[0].length).setFontWeight('bold').setBackground('#e8eaed');
    ctx.log(name, `年間支払を作成しました: ${statement.supporters}人、${statement.total}円（対象の支払: ${statement.months.map((m) => m.month).join('、') || 'なし'}）`);
    return { year, sheet: name, supporters: statement.supporters, total: statement.total };
  });
}
