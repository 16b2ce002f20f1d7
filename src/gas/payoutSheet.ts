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
  /** the folder the files went to, and whether it was created by this run */
  folderId: string;
  folderCreated: boolean;
  /** what staff must know about the files (a folder this account cannot open, an old draft it cannot mark) */
  notes: string[];
}

/** Script property: the IDs of a month's current draft files (JSON), and of drafts not yet put away. */
export const draftKey = (month: string) => `payout.files.${month}`;
export const staleKey = (month: string) => `payout.stale.${month}`;

/** The script properties saveFiles needs (GasCtx: read once, written with the run's other writes). */
export interface PropStore {
  prop(key: string): string | null;
  setProp(key: string, value: string): void;
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

const DEFAULT_FOLDER = '伴走ネット 支払ファイル';

/**
 * The folder named in 支払フォルダ; without one, the first 「伴走ネット 支払ファイル」 this account can
 * see, else a new one. Drive shows each account only its own files and what is shared with it: when
 * the configured folder cannot be opened by this account, the files go to its own folder and staff are
 * told (a rebuild by another staff member must still succeed).
 */
export function folderFor(idOrUrl: string, notes: string[]): { folder: GoogleAppsScript.Drive.Folder; created: boolean } {
  const v = idOrUrl.trim();
  if (v) {
    const m = /folders\/([-\w]{10,})/.exec(v);
    try {
      return { folder: DriveApp.getFolderById(m ? m[1] : v), created: false };
    } catch (e) {
      notes.push(`支払フォルダ（設定: ${v}）をこのアカウントでは開けません（共有されていないか、削除されています）: ${e instanceof Error ? e.message : String(e)}。このアカウントのドライブの「${DEFAULT_FOLDER}」に保存しました。支払フォルダを、月次支払を作成する人と共有してください`);
    }
  }
  const it = DriveApp.getFoldersByName(DEFAULT_FOLDER);
  while (it.hasNext()) {
    const folder = it.next();
    if (!folder.isTrashed()) return { folder, created: false };
  }
  return { folder: DriveApp.createFolder(DEFAULT_FOLDER), created: true };
}

/** The name prefix of a previous draft this run could not trash: it must never be taken for the current file. */
export const SUPERSEDED_PREFIX = '【旧・使用しない】';

/**
 * Puts an older draft out of the way: into the trash, or, where this account may not trash it (Drive:
 * "Only the file owner can trash a file"; another staff member made it), renamed as superseded so
 * the manager cannot confuse it with the current file (which the payout sheet links).
 */
export function retire(file: GoogleAppsScript.Drive.File): void {
  if (file.isTrashed() || file.getName().startsWith(SUPERSEDED_PREFIX)) return;
  try {
    file.setTrashed(true);
  } catch {
    file.setName(`${SUPERSEDED_PREFIX}${file.getName()}`);
  }
}

function parseIds(raw: string | null): string[] {
  try {
    const v: unknown = JSON.parse(raw || '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Saves the 全銀 file (Shift_JIS bytes) and the CSV (UTF-8 with BOM). Every earlier draft of the month
 * (found by name in the folder, and by the IDs recorded at the last build, wherever they are) is
 * trashed or marked superseded; a draft this account cannot open is remembered and put away by the
 * next build that can, and staff are told about it now.
 */
export function saveFiles(props: PropStore, folderSetting: string, month: string, p: PreparedPayout): SavedFiles {
  const notes: string[] = [];
  const { folder, created } = folderFor(folderSetting, notes);
  const transferName = `総合振込_${month}.txt`;
  const csvName = `支払一覧_${month}.csv`;
  for (const name of [transferName, csvName]) {
    const old = folder.getFilesByName(name);
    while (old.hasNext()) retire(old.next());
  }
  const unreachable: string[] = [];
  for (const id of [...new Set([...parseIds(props.prop(draftKey(month))), ...parseIds(props.prop(staleKey(month)))])]) {
    let file: GoogleAppsScript.Drive.File;
    try {
      file = DriveApp.getFileById(id);
    } catch {
      unreachable.push(id);
      continue;
    }
    retire(file);
  }
  if (unreachable.length > 0) {
    notes.push(
      `前に作成した ${month} の振込ファイル・CSV（${unreachable.length}件）はこのアカウントから開けないため、「${SUPERSEDED_PREFIX}」の印を付けられませんでした。支払シートのリンク先が最新です。古いファイルは使わないでください`,
    );
  }
  let transferFile: GoogleAppsScript.Drive.File | null = null;
  if (p.file) transferFile = folder.createFile(Utilities.newBlob(toSignedBytes(p.file.bytes), 'text/plain', transferName));
  const csvBlob = Utilities.newBlob(toSignedBytes(utf8Bytes(p.csv)), 'text/csv', csvName);
  const csvFile = folder.createFile(csvBlob);
  const ids = [...(transferFile ? [transferFile.getId()] : []), csvFile.getId()];
  props.setProp(draftKey(month), JSON.stringify(ids));
  props.setProp(staleKey(month), JSON.stringify(unreachable));
  return { transferUrl: transferFile ? transferFile.getUrl() : null, csvUrl: csvFile.getUrl(), transferName, csvName, folderId: folder.getId(), folderCreated: created, notes };
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

// ---- issue 11: what a paid month's sheet recorded (returns, yearly totals) -------------------------

export interface PaidSheetLine {
  /** Sheet row (1-based). */
  row: number;
  status: string;
  gross: number | null;
  /** 源泉徴収税 (null when the month was built without withholding). */
  tax: number | null;
  /** 振込額 with withholding, else 金額: what the transfer carried. */
  transferred: number | null;
}

export interface PaidSheet {
  payday: string | null;
  withholding: boolean;
  /** The supporter lines of the 支払 section, by 伴走ネットID (held lines are not included). */
  lines: Map<string, PaidSheetLine>;
  statusCol: number;
  reasonCol: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : v === '' || v === null || v === undefined ? null : Number.isFinite(Number(v)) ? Number(v) : null);

/** Reads `支払 YYYY-MM` (one getValues); null when the sheet is not there. */
export function readPaidSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, month: string): PaidSheet | null {
  const sheet = ss.getSheetByName(payoutSheetName(month));
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => String(h).normalize('NFKC').trim());
  const col = (h: string) => header.indexOf(h);
  const [id, status, gross, tax, net, reason] = ['伴走ネットID', '状態', '金額', '源泉徴収税', '振込額', '理由'].map(col);
  const lines = new Map<string, PaidSheetLine>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (row.every((c) => c === '')) break; // the summary below the blank row
    const s = String(row[status] ?? '');
    if (s === '保留') continue;
    const g = num(row[gross]);
    const line = { row: r + 1, status: s, gross: g, tax: tax >= 0 ? num(row[tax]) : null, transferred: net >= 0 ? num(row[net]) : g };
    const key = String(row[id]).trim();
    const first = lines.get(key);
    // A supporter's 緊急支援費 has its own line below the honoraria (issue 10): one transfer, so the
    // amounts add up; the first line (the honoraria's) is the one a note is written on.
    if (first) {
      first.transferred = first.transferred === null && line.transferred === null ? null : (first.transferred ?? 0) + (line.transferred ?? 0);
      first.tax = first.tax === null && line.tax === null ? null : (first.tax ?? 0) + (line.tax ?? 0);
    } else lines.set(key, line);
  }
  const paydayRow = values.find((r) => r[0] === '支払日');
  const p = paydayRow ? paydayRow[1] : null;
  const payday =
    Object.prototype.toString.call(p) === '[object Date]'
      ? Utilities.formatDate(p as Date, 'Asia/Tokyo', 'yyyy-MM-dd')
      : typeof p === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.replace(/^'/, ''))
        ? p.replace(/^'/, '')
        : null;
  return { payday, withholding: tax >= 0, lines, statusCol: status + 1, reasonCol: reason + 1 };
}

/**
 * A returned transfer on the paid (protected) sheet: that supporter's 状態 and 理由, nothing else.
 * Returns false when the sheet or the line is not there. Throws when the sheet refuses the write
 * (protected against the account running this): the caller logs it.
 */
export function notePayoutReturn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, month: string, supporterId: string, note: string): boolean {
  const sheet = ss.getSheetByName(payoutSheetName(month));
  const paid = readPaidSheet(ss, month);
  const line = paid?.lines.get(supporterId);
  if (!sheet || !paid || !line || paid.statusCol < 1 || paid.reasonCol < 1) return false;
  if (paid.reasonCol === paid.statusCol + 1) sheet.getRange(line.row, paid.statusCol, 1, 2).setValues([['振込不能', toCell(note)]]);
  else {
    sheet.getRange(line.row, paid.statusCol).setValue('振込不能');
    sheet.getRange(line.row, paid.reasonCol).setValue(toCell(note));
  }
  return true;
}
