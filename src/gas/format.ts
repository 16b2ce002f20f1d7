/**
 * The sheets' look and guard rails: validation, highlighting, protection. Used by setup, and again
 * for 申請 when new rows are added past the formatted ones (new rows carry none of it).
 */
import { ACCOUNT_TYPE_NAMES } from '../domain/bankAccount';
import { ACCOUNTS, CLAIMS, SUPPORTERS } from '../app/schema';
import { catalog, LANGUAGES } from '../domain/messages';
import { DECISIONS } from '../domain/rules';
import { normHeader } from './table';

export function headerIndex(sheet: GoogleAppsScript.Spreadsheet.Sheet): { get(name: string): number | undefined } {
  const lastCol = sheet.getLastColumn();
  const header = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normHeader(h);
    if (key && !m.has(key)) m.set(key, i + 1);
  });
  return { get: (name: string) => m.get(normHeader(name)) };
}

export function formatClaims(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(CLAIMS.name);
  if (!sheet) return;
  const cols = headerIndex(sheet);
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const decision = cols.get('判定');
  if (decision) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...DECISIONS], true)
      .setAllowInvalid(false)
      .setHelpText('判定: 審査待ち / 承認 / 差戻し / 却下（支払済は月次支払の確定で自動的に設定されます）')
      .build();
    sheet.getRange(2, decision, rows, 1).setDataValidation(rule);
  }
  const check = cols.get('自動チェック');
  if (check && decision) {
    const letter = columnLetter(check);
    const decisionLetter = columnLetter(decision);
    const whole = sheet.getRange(2, 1, rows, sheet.getLastColumn());
    const rule = (formula: string, style: (b: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder) => GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder) =>
      style(SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula)).setRanges([whole]).build();
    const urgent = cols.get('緊急');
    const ours = [
      // 緊急支援が必要 (issue 10): first, so its colour wins over the others.
      ...(urgent ? [rule(`=$${columnLetter(urgent)}2="はい"`, (b) => b.setBackground('#f9cb9c'))] : []),
      rule(`=$${decisionLetter}2="却下"`, (b) => b.setFontColor('#9aa0a6')),
      rule(`=AND($${letter}2<>"",$${letter}2<>"OK",$${decisionLetter}2="審査待ち")`, (b) => b.setBackground('#fce8e6')),
      rule(`=$${decisionLetter}2="差戻し"`, (b) => b.setBackground('#fef7e0')),
    ];
    // Staff's own rules stay; ours (recognised by their formula, wherever the columns moved) are replaced.
    const isOurs = (r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) =>
      (r.getBooleanCondition()?.getCriteriaValues() ?? []).some((v) => /^=(\$[A-Z]+2="(却下|差戻し|はい)"|AND\(\$[A-Z]+2<>"",\$[A-Z]+2<>"OK",)/.test(String(v)));
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules().filter((r) => !isOurs(r)), ...ours]);
    sheet.getRange(2, check, rows, 1).setWrap(true);
  }
  // System columns warn before an edit; 判定 and 審査メモ are for staff.
  const staff = CLAIMS.staff.map((h) => cols.get(h)).filter((c): c is number => c !== undefined);
  protectWarn(sheet, '申請: システムが書き込む列です。判定と審査メモを編集してください', staff.map((c) => sheet.getRange(2, c, rows, 1)));
}

export function formatSupporters(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(SUPPORTERS.name);
  if (!sheet) return;
  const cols = headerIndex(sheet);
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  for (const h of ['覚書受領日', '口座届受領日']) {
    const c = cols.get(h);
    if (c) {
      const rule = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText(`${h}: 日付（例 2025-04-01）`).build();
      sheet.getRange(2, c, rows, 1).setDataValidation(rule);
    }
  }
  const lang = cols.get('連絡言語');
  if (lang) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(LANGUAGES.map((l) => catalog(l).label), true)
      .setAllowInvalid(true)
      .build();
    sheet.getRange(2, lang, rows, 1).setDataValidation(rule);
  }
}

export function formatAccounts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(ACCOUNTS.name);
  if (!sheet) return;
  const cols = headerIndex(sheet);
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const type = cols.get('預金種目');
  if (type) {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(Object.values(ACCOUNT_TYPE_NAMES), true).setAllowInvalid(true).build();
    sheet.getRange(2, type, rows, 1).setDataValidation(rule);
  }
}

export function protectWarn(sheet: GoogleAppsScript.Spreadsheet.Sheet | null, description: string, unprotected: GoogleAppsScript.Spreadsheet.Range[] = []): void {
  if (!sheet) return;
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  const protection = existing.length > 0 ? existing[0] : sheet.protect();
  protection.setDescription(description);
  protection.setWarningOnly(true);
  if (unprotected.length > 0) protection.setUnprotectedRanges(unprotected);
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

