/** The 支払 YYYY-MM sheet and the transfer files in Drive (adapter side of 月次支払). */
import type { PreparedPayout } from '../app/payout';
import { payoutSheetName } from '../app/schema';
import { toSignedBytes, utf8Bytes } from '../domain/sjis';
import { toCell } from './table';

export interface SavedFiles {
  transferUrl: string | null;
  csvUrl: string | null;
  transferName: string;
  csvName: string;
}

/** Writes the whole sheet in one setValues (a rebuild replaces the previous draft: no second sheet). */
export function writePayoutSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, month: string, p: PreparedPayout, files: SavedFiles | null): GoogleAppsScript.Spreadsheet.Sheet {
  const name = payoutSheetName(month);
  let sheet = ss.getSheetByName(name);
  if (sheet) sheet.clear();
  else sheet = ss.insertSheet(name);
  const rows = p.rows.map((r) => [...r]);
  const width = rows[0].length;
  if (files) {
    const pad = (k: string, v: string) => {
      const r: (string | number | Date)[] = new Array(width).fill('');
      r[0] = k;
      r[1] = v;
      return r;
    };
    if (files.transferUrl) rows.push(pad('振込ファイル', `${files.transferName} ${files.transferUrl}`));
    if (files.csvUrl) rows.push(pad('会計用CSV', `${files.csvName} ${files.csvUrl}`));
  }
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  // Text goes through the same guard as every other write (names are user text: never a formula).
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.map(toCell)));
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e8eaed');
  return sheet;
}

/** The Drive folder of 支払フォルダ (also where the mailing list's label CSV goes). */
export function folderFor(idOrUrl: string): GoogleAppsScript.Drive.Folder {
  const v = idOrUrl.trim();
  if (v) {
    const m = /folders\/([-\w]{10,})/.exec(v);
    return DriveApp.getFolderById(m ? m[1] : v);
  }
  const it = DriveApp.getFoldersByName('伴走ネット 支払ファイル');
  while (it.hasNext()) {
    const folder = it.next();
    if (!folder.isTrashed()) return folder;
  }
  return DriveApp.createFolder('伴走ネット 支払ファイル');
}

/** The name prefix of a previous draft this run could not trash: it must never be taken for the current file. */
export const SUPERSEDED_PREFIX = '【旧・使用しない】';

/**
 * Puts an older draft out of the way: into the trash, or, where this account may not trash it (Drive:
 * "Only the file owner can trash a file"; another staff member made it), renamed as superseded so
 * the manager cannot confuse it with the current file (which the payout sheet links).
 */
function retire(file: GoogleAppsScript.Drive.File): void {
  if (file.isTrashed()) return;
  try {
    file.setTrashed(true);
  } catch {
    file.setName(`${SUPERSEDED_PREFIX}${file.getName()}`);
  }
}

/** Saves the 全銀 file (Shift_JIS bytes) and the CSV (UTF-8 with BOM); an older draft of the month is trashed or marked superseded. */
export function saveFiles(folderSetting: string, month: string, p: PreparedPayout): SavedFiles {
  const folder = folderFor(folderSetting);
  const transferName = `総合振込_${month}.txt`;
  const csvName = `支払一覧_${month}.csv`;
  for (const name of [transferName, csvName]) {
    const old = folder.getFilesByName(name);
    while (old.hasNext()) retire(old.next());
  }
  let transferUrl: string | null = null;
  if (p.file) {
    const blob = Utilities.newBlob(toSignedBytes(p.file.bytes), 'text/plain', transferName);
    transferUrl = folder.createFile(blob).getUrl();
  }
  const csvBlob = Utilities.newBlob(toSignedBytes(utf8Bytes(p.csv)), 'text/csv', csvName);
  const csvUrl = folder.createFile(csvBlob).getUrl();
  return { transferUrl, csvUrl, transferName, csvName };
}

/** After payment the sheet is read-only for everyone but the owner. */
export function protectPaidSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, month: string): void {
  const sheet = ss.getSheetByName(payoutSheetName(month));
  if (!sheet) return;
  const values = sheet.getDataRange().getValues();
  const at = values.findIndex((r) => r[0] === '状態');
  if (at >= 0) sheet.getRange(at + 1, 2).setValue('支払済（確定）');
  const header = values[0].map(String);
  const status = header.indexOf('状態');
  if (status >= 0) {
    const col = values.map((r, i) => (i === 0 ? [r[status]] : [r[status] === '支払予定' ? '支払済' : r[status]]));
    const end = values.findIndex((r, i) => i > 0 && r.every((c) => c === ''));
    const n = end > 0 ? end : values.length;
    sheet.getRange(1, status + 1, n, 1).setValues(col.slice(0, n));
  }
  const protection = sheet.protect().setDescription(`支払 ${month} は支払済です（変更不可）`);
  protection.setWarningOnly(false);
  const me = Session.getEffectiveUser();
  protection.addEditor(me);
  protection.removeEditors(protection.getEditors().map((e) => e.getEmail()).filter((email) => email !== me.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
