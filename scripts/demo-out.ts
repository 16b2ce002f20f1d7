/**
 * Demo output: turns the state of the fake runtime into files a person can open (scripts/demo.ts).
 * - out/sheets/<name>.csv  every sheet, UTF-8 with BOM, dates as 'yyyy-MM-dd HH:mm' (Asia/Tokyo)
 * - out/mail/NNN_<to>.txt  every email: headers, a blank line, the body
 * - out/drive/<name>       the Drive files byte for byte (the 全銀 file stays Shift_JIS)
 * - out/zengin-decoded.txt the 全銀 file read back field by field
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentMail } from '../test/runtime';
import { parseTransferFile, type ParsedTransferFile } from '../src/domain/zengin';

const JST_OFFSET_MS = 9 * 3600 * 1000; // Japan has no daylight saving time

/** Dates from the bundle's realm fail `instanceof Date`, so ask the object itself. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'yyyy-MM-dd HH:mm' in Asia/Tokyo. */
export function jstDateTime(d: Date): string {
  const t = new Date(d.getTime() + JST_OFFSET_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** 'yyyy-MM-dd' in Asia/Tokyo. */
export function jstDate(d: Date): string {
  return jstDateTime(d).slice(0, 10);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return jstDateTime(v);
  return String(v);
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvText(rows: unknown[][]): string {
  return `\uFEFF${rows.map((r) => r.map((v) => csvField(cellText(v))).join(',')).join('\r\n')}\r\n`;
}

/** A name that is safe as a file name on every OS (sheet names keep their spaces: '支払 2024-06.csv'). */
function fileSafe(s: string): string {
  return s.replace(/[\\/:*?"<>|\r\n\t]+/g, '_');
}

/** One or more addresses as a file-name part. */
const addressPart = (to: string) => fileSafe(to).replace(/[\s,;]+/g, '+');

/** Every sheet as CSV. Returns the file names. */
export function writeSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (const sheet of ss.getSheets()) {
    const name = `${fileSafe(sheet.getName())}.csv`;
    const values = sheet.getLastRow() > 0 ? sheet.getDataRange().getValues() : [];
    writeFileSync(join(dir, name), toCsvText(values));
    names.push(name);
  }
  return names;
}

/** Every email as a text file, numbered in sending order. */
export function writeMails(mails: SentMail[], dir: string): number {
  mkdirSync(dir, { recursive: true });
  mails.forEach((m, i) => {
    const headers = [
      `To: ${m.to}`,
      m.cc ? `Cc: ${m.cc}` : '',
      m.bcc ? `Bcc: ${m.bcc}` : '',
      m.replyTo ? `Reply-To: ${m.replyTo}` : '',
      m.name ? `From-Name: ${m.name}` : '',
      `Date: ${jstDateTime(m.at)} JST`,
      `Subject: ${m.subject}`,
      ...(m.attachments ?? []).map((a) => `Attachment: ${a.name} (${a.contentType}, ${a.bytes.length} bytes)`),
    ].filter(Boolean);
    writeFileSync(join(dir, `${pad(i + 1, 3)}_${addressPart(m.to)}.txt`), `${headers.join('\n')}\n\n${m.body}\n`);
  });
  return mails.length;
}

export interface DriveFile {
  name: string;
  mimeType: string;
  bytes: number[];
}

/** The Drive files exactly as stored (bytes may come signed from Blob.getBytes: normalised to 0..255). */
export function writeDrive(files: DriveFile[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, fileSafe(f.name)), Buffer.from(f.bytes.map((b) => b & 0xff)));
  return files.map((f) => fileSafe(f.name));
}

const ACCOUNT_TYPES: Record<string, string> = { '1': '普通', '2': '当座', '4': '貯蓄', '9': 'その他' };

/** The 全銀 総合振込 file as a readable report, plus the parse for the summary. */
export function decodeZengin(bytes: number[]): { text: string; parsed: ParsedTransferFile; countOk: boolean; sumOk: boolean } {
  const parsed = parseTransferFile(bytes);
  const lines: string[] = [];
  const h = parsed.header;
  lines.push('全銀協 総合振込ファイル（120バイト固定長・Shift_JIS）の内容', '');
  lines.push(`ファイルサイズ: ${bytes.length} バイト`, '');
  lines.push('[ヘッダー・レコード（データ区分 1）]');
  if (h) {
    lines.push(
      `  依頼人コード : ${h.requesterCode}`,
      `  依頼人名     : ${h.requesterName}`,
      `  取組日(MMDD) : ${h.transferDate}`,
      `  仕向銀行     : ${h.bankCode} ${h.bankName}`,
      `  仕向支店     : ${h.branchCode} ${h.branchName}`,
      `  預金種目     : ${h.accountType} (${ACCOUNT_TYPES[h.accountType] ?? '?'})`,
      `  口座番号     : ${h.accountNumber}`,
    );
  } else lines.push('  （なし）');
  lines.push('', '[データ・レコード（データ区分 2）]');
  lines.push('  #   銀行 支店 種目 口座番号 受取人名                        金額(円)  新規 顧客コード1 区分');
  parsed.payments.forEach((p, i) => {
    lines.push(
      `  ${pad(i + 1, 3)} ${p.bankCode} ${p.branchCode}  ${p.accountType}    ${p.accountNumber}  ${p.payeeName.padEnd(30)} ${String(p.amount.toLocaleString('en-US')).padStart(10)}  ${p.newCode}    ${p.customerCode1} ${p.transferKind}`,
    );
  });
  const sum = parsed.payments.reduce((a, p) => a + p.amount, 0);
  const t = parsed.trailer;
  const countOk = t !== null && t.count === parsed.payments.length;
  const sumOk = t !== null && t.total === sum;
  lines.push('', '[トレーラ・レコード（データ区分 8）]');
  if (t) lines.push(`  合計件数 : ${t.count}`, `  合計金額 : ${t.total.toLocaleString('en-US')} 円`);
  else lines.push('  （なし）');
  lines.push('', '[照合]');
  lines.push(`  件数: データ ${parsed.payments.length} 件 / トレーラ ${t?.count ?? '-'} 件 → ${countOk ? '一致' : '不一致'}`);
  lines.push(`  金額: データ合計 ${sum.toLocaleString('en-US')} 円 / トレーラ ${t ? t.total.toLocaleString('en-US') : '-'} 円 → ${sumOk ? '一致' : '不一致'}`);
  lines.push(`  形式エラー: ${parsed.errors.length === 0 ? 'なし' : ''}`);
  for (const e of parsed.errors) lines.push(`    - ${e}`);
  return { text: `${lines.join('\n')}\n`, parsed, countOk, sumOk };
}
