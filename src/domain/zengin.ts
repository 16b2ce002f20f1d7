/**
 * 全銀協 総合振込 (bulk transfer) file: header (1), one data record (2) per payee, trailer (8), end (9).
 * Every record is 120 single-byte characters, Shift_JIS (JIS X 0201 only), see /work/shared/ZENGIN.md.
 *
 * Choices made here, and what banks commonly treat differently (check the office's bank manual):
 * - Record separator: CR LF after every record, including the end record (`finalNewline`, default true).
 *   Most bank manuals accept "120 bytes + CR LF" or "no separator at all"; CR alone or LF alone is rejected.
 *   A few upload screens reject a trailing CR LF after the end record: pass `{ finalNewline: false }`.
 * - 振込指定区分 (pos 112): '7' 電信 by default. Some banks want '0' or ignore the field; set `transferKind`.
 * - 識別表示 (pos 113): always a space, so 顧客コード1/2 (pos 92–111) are customer codes, never EDI情報.
 *   Unused customer codes are written as zeros (N fields are zero-padded); a few banks ask for spaces.
 * - 手形交換所番号 (pos 39–42): '0000' (unused). 新規コード defaults to '0' (その他).
 * - 銀行名 / 支店名 may be blank (spaces): most banks fill them from the codes; some print what we send.
 * - Names longer than their field (受取人名 30, 依頼人名 40, 銀行名/支店名 15) are cut without splitting ｶﾞ.
 * - The year of the transfer date is not in the file (取組日 is MMDD).
 */
import { fitBytes, toBankText } from './kana';
import { decodeBankBytes, encodeBankBytes } from './sjis';

export const RECORD_LENGTH = 120;
export const MAX_AMOUNT = 9_999_999_999;
export const MAX_TOTAL = 999_999_999_999;
export const MAX_COUNT = 999_999;

export interface ZenginHeader {
  /** 依頼人コード (委託者コード), 10 digits assigned by the bank. */
  requesterCode: string;
  /** 依頼人名, bank text (converted again here; at most 40 bytes are written). */
  requesterName: string;
  /** 取組日 'yyyy-MM-dd', written as MMDD. */
  transferDate: string;
  /** 仕向銀行番号, 4 digits. */
  bankCode: string;
  bankName?: string;
  /** 仕向支店番号, 3 digits. */
  branchCode: string;
  branchName?: string;
  /** 預金種目: 1 普通, 2 当座, 9 その他. */
  accountType: '1' | '2' | '9';
  /** 口座番号, 7 digits. */
  accountNumber: string;
}

export interface ZenginPayment {
  /** 被仕向銀行番号, 4 digits. */
  bankCode: string;
  bankName?: string;
  /** 被仕向支店番号, 3 digits. */
  branchCode: string;
  branchName?: string;
  /** 預金種目: 1 普通, 2 当座, 4 貯蓄, 9 その他. */
  accountType: '1' | '2' | '4' | '9';
  /** 口座番号, 7 digits. */
  accountNumber: string;
  /** 受取人名, bank text (at most 30 bytes are written). */
  payeeName: string;
  /** 振込金額 in yen, 1..9,999,999,999. */
  amount: number;
  /** 新規コード: 0 その他 (default), 1 第1回, 2 変更. */
  newCode?: '0' | '1' | '2';
  /** 顧客コード1, up to 10 digits. */
  customerCode1?: string;
  /** 顧客コード2, up to 10 digits. */
  customerCode2?: string;
  /** 振込指定区分: 7 電信 (default), 8 文書, 0 for banks that want it. */
  transferKind?: '7' | '8' | '0';
}

export interface BuildOptions {
  /** CR LF after the end record too (default true). */
  finalNewline?: boolean;
}

export interface TransferFile {
  /** Each exactly 120 half-width characters. */
  records: string[];
  /** Shift_JIS bytes (0..255), records joined by CR LF. */
  bytes: number[];
  count: number;
  total: number;
}

const CRLF = [0x0d, 0x0a];

function fail(field: string, message: string): never {
  throw new Error(`${field}: ${message}`);
}

/** An N field whose value must already have exactly `width` digits. The value is quoted unless secret. */
function exactDigits(value: unknown, width: number, field: string, secret = false): string {
  if (typeof value !== 'string' || value.length !== width || !/^[0-9]+$/.test(value)) {
    fail(field, `must be exactly ${width} digits${secret ? '' : `, got ${JSON.stringify(value)}`}`);
  }
  return value;
}

/** An optional N field of up to `width` digits, zero-padded; absent → zeros. */
function optionalDigits(value: unknown, width: number, field: string): string {
  if (value === undefined || value === '') return '0'.repeat(width);
  if (typeof value !== 'string' || !/^[0-9]+$/.test(value) || value.length > width) {
    fail(field, `must be 1 to ${width} digits, got ${JSON.stringify(value)}`);
  }
  return value.padStart(width, '0');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T | undefined, field: string): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!allowed.includes(value as T)) fail(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** A C field: bank text, cut and padded to `width`. */
function textField(
  value: unknown,
  width: number,
  kind: 'name' | 'bankName',
  field: string,
  required: boolean,
): string {
  const text = value === undefined || value === null ? '' : value;
  if (typeof text !== 'string') fail(field, 'must be text');
  const converted = toBankText(text, kind);
  if (!converted.ok) fail(field, `contains characters a bank file cannot hold: ${converted.invalid.join(', ')}`);
  if (required && converted.value === '') fail(field, 'must not be empty');
  return fitBytes(converted.value, width);
}

function mmdd(date: unknown, field: string): string {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) fail(field, `must be a date 'yyyy-MM-dd', got ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) fail(field, `is not a calendar date: ${date}`);
  return m[2] + m[3];
}

function headerRecord(h: ZenginHeader): string {
  return [
    '1',
    '21', // 種別コード: 総合振込
    '0', // コード区分: JIS
    exactDigits(h.requesterCode, 10, 'header.requesterCode (依頼人コード)'),
    textField(h.requesterName, 40, 'name', 'header.requesterName (依頼人名)', true),
    mmdd(h.transferDate, 'header.transferDate (取組日)'),
    exactDigits(h.bankCode, 4, 'header.bankCode (仕向銀行番号)'),
    textField(h.bankName, 15, 'bankName', 'header.bankName (仕向銀行名)', false),
    exactDigits(h.branchCode, 3, 'header.branchCode (仕向支店番号)'),
    textField(h.branchName, 15, 'bankName', 'header.branchName (仕向支店名)', false),
    oneOf(h.accountType, ['1', '2', '9'] as const, undefined, 'header.accountType (預金種目)'),
    exactDigits(h.accountNumber, 7, 'header.accountNumber (口座番号)', true),
    ' '.repeat(17),
  ].join('');
}

function dataRecord(p: ZenginPayment, i: number): string {
  const f = (name: string) => `payments[${i}].${name}`;
  if (!Number.isSafeInteger(p.amount) || p.amount < 1 || p.amount > MAX_AMOUNT) {
    fail(f('amount (振込金額)'), `must be an integer from 1 to 9,999,999,999, got ${p.amount}`);
  }
  return [
    '2',
    exactDigits(p.bankCode, 4, f('bankCode (被仕向銀行番号)')),
    textField(p.bankName, 15, 'bankName', f('bankName (被仕向銀行名)'), false),
    exactDigits(p.branchCode, 3, f('branchCode (被仕向支店番号)')),
    textField(p.branchName, 15, 'bankName', f('branchName (被仕向支店名)'), false),
    '0000', // 手形交換所番号: unused
    oneOf(p.accountType, ['1', '2', '4', '9'] as const, undefined, f('accountType (預金種目)')),
    exactDigits(p.accountNumber, 7, f('accountNumber (口座番号)'), true),
    textField(p.payeeName, 30, 'name', f('payeeName (受取人名)'), true),
    String(p.amount).padStart(10, '0'),
    oneOf(p.newCode, ['0', '1', '2'] as const, '0', f('newCode (新規コード)')),
    optionalDigits(p.customerCode1, 10, f('customerCode1 (顧客コード1)')),
    optionalDigits(p.customerCode2, 10, f('customerCode2 (顧客コード2)')),
    oneOf(p.transferKind, ['7', '8', '0'] as const, '7', f('transferKind (振込指定区分)')),
    ' ', // 識別表示: not EDI
    ' '.repeat(7),
  ].join('');
}

/**
 * Builds the 総合振込 file. Throws an Error naming the field (and the payment index) on anything that
 * cannot be written exactly: callers validate accounts first (validateAccount), so an error here is a bug.
 */
export function buildTransferFile(
  header: ZenginHeader,
  payments: ZenginPayment[],
  options: BuildOptions = {},
): TransferFile {
  if (payments.length === 0) fail('payments', 'a transfer file needs at least one payment');
  if (payments.length > MAX_COUNT) fail('payments', `at most ${MAX_COUNT} payments fit in one file`);
  const data = payments.map(dataRecord);
  const total = payments.reduce((sum, p) => sum + p.amount, 0);
  if (total > MAX_TOTAL) fail('payments', `the total ${total} exceeds 12 digits`);
  const records = [
    headerRecord(header),
    ...data,
    `8${String(payments.length).padStart(6, '0')}${String(total).padStart(12, '0')}${' '.repeat(101)}`,
    `9${' '.repeat(119)}`,
  ];
  const bytes: number[] = [];
  records.forEach((record, i) => {
    const encoded = encodeBankBytes(record);
    // Guards against any slip above: a record that is not 120 bytes shifts every field after it.
    if (encoded.length !== RECORD_LENGTH) throw new Error(`record ${i + 1} is ${encoded.length} bytes, not 120`);
    bytes.push(...encoded);
    if (i < records.length - 1 || options.finalNewline !== false) bytes.push(...CRLF);
  });
  return { records, bytes, count: payments.length, total };
}

export interface ParsedHeader {
  requesterCode: string;
  requesterName: string;
  /** 取組日 as written: MMDD. */
  transferDate: string;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: string;
  accountNumber: string;
}

export interface ParsedPayment {
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: string;
  accountNumber: string;
  payeeName: string;
  amount: number;
  newCode: string;
  customerCode1: string;
  customerCode2: string;
  transferKind: string;
  ediFlag: string;
}

export interface ParsedTransferFile {
  /** null when the file has no header record (an error is listed). */
  header: ParsedHeader | null;
  payments: ParsedPayment[];
  /** null when the file has no trailer record (an error is listed). */
  trailer: { count: number; total: number } | null;
  /** Everything wrong with the file; empty when it is well formed. */
  errors: string[];
}

/** Splits on CR LF, or every 120 bytes when the file has no separators. Bare CR or LF is an error. */
function splitRecords(bytes: number[], errors: string[]): number[][] {
  const hasSeparator = bytes.some((b) => b === 0x0d || b === 0x0a);
  const records: number[][] = [];
  if (!hasSeparator) {
    for (let i = 0; i < bytes.length; i += RECORD_LENGTH) records.push(bytes.slice(i, i + RECORD_LENGTH));
    return records;
  }
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x0d && b !== 0x0a) continue;
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      records.push(bytes.slice(start, i));
      start = i + 2;
      i++;
    } else {
      errors.push(`record ${records.length + 1}: ends with ${b === 0x0d ? 'CR' : 'LF'} alone (CR LF expected)`);
      records.push(bytes.slice(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) records.push(bytes.slice(start));
  return records;
}

/**
 * Reads a 総合振込 file back (signed or unsigned bytes): for checking what was built, or a file from
 * another tool. Never throws on a bad file; every problem is a line in `errors`.
 */
export function parseTransferFile(input: number[]): ParsedTransferFile {
  const errors: string[] = [];
  const bytes = input.map((b) => (b < 0 ? b + 256 : b));
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0x1a) bytes.pop(); // DOS end-of-file mark
  let header: ParsedHeader | null = null;
  let trailer: { count: number; total: number } | null = null;
  const payments: ParsedPayment[] = [];
  const follows: Record<string, string> = { '': '1', '1': '28', '2': '28', '8': '9', '9': '' };
  let previous = '';

  for (const [index, raw] of splitRecords(bytes, errors).entries()) {
    const n = index + 1;
    if (raw.length !== RECORD_LENGTH) {
      errors.push(`record ${n}: ${raw.length} bytes (120 expected)`);
      continue;
    }
    let s: string;
    try {
      s = decodeBankBytes(raw);
    } catch (e) {
      errors.push(`record ${n}: ${(e as Error).message}`);
      continue;
    }
    const field = (from: number, length: number) => s.slice(from - 1, from - 1 + length);
    const digits = (from: number, length: number, label: string) => {
      const v = field(from, length);
      if (!/^[0-9]+$/.test(v)) errors.push(`record ${n}: ${label} is not numeric`);
      return v;
    };
    const kind = s[0];
    if (!'1289'.includes(kind)) {
      errors.push(`record ${n}: unknown データ区分 ${JSON.stringify(kind)}`);
      continue;
    }
    if (!follows[previous].includes(kind)) {
      errors.push(
        `record ${n}: データ区分 ${kind} cannot follow ${previous === '' ? 'the start of the file' : `データ区分 ${previous}`}`,
      );
    }
    previous = kind;
    if (kind === '1') {
      if (header !== null) {
        errors.push(`record ${n}: a second header; only one 依頼人 per file is supported`);
        continue;
      }
      if (field(2, 2) !== '21') errors.push(`record ${n}: 種別コード ${field(2, 2)} is not 21 (総合振込)`);
      if (field(4, 1) !== '0') errors.push(`record ${n}: コード区分 ${field(4, 1)} is not 0 (JIS)`);
      header = {
        requesterCode: digits(5, 10, '依頼人コード'),
        requesterName: field(15, 40).trimEnd(),
        transferDate: digits(55, 4, '取組日'),
        bankCode: digits(59, 4, '仕向銀行番号'),
        bankName: field(63, 15).trimEnd(),
        branchCode: digits(78, 3, '仕向支店番号'),
        branchName: field(81, 15).trimEnd(),
        accountType: digits(96, 1, '預金種目'),
        accountNumber: digits(97, 7, '口座番号'),
      };
    } else if (kind === '2') {
      const amount = digits(81, 10, '振込金額');
      payments.push({
        bankCode: digits(2, 4, '被仕向銀行番号'),
        bankName: field(6, 15).trimEnd(),
        branchCode: digits(21, 3, '被仕向支店番号'),
        branchName: field(24, 15).trimEnd(),
        accountType: digits(43, 1, '預金種目'),
        accountNumber: digits(44, 7, '口座番号'),
        payeeName: field(51, 30).trimEnd(),
        amount: /^[0-9]+$/.test(amount) ? Number(amount) : 0,
        newCode: field(91, 1),
        customerCode1: field(92, 10),
        customerCode2: field(102, 10),
        transferKind: field(112, 1),
        ediFlag: field(113, 1),
      });
    } else if (kind === '8') {
      if (trailer !== null) {
        errors.push(`record ${n}: a second trailer`);
        continue;
      }
      const count = digits(2, 6, '合計件数');
      const total = digits(8, 12, '合計金額');
      trailer = { count: Number(count) || 0, total: Number(total) || 0 };
    }
  }

  if (header === null) errors.push('no header record (データ区分 1)');
  if (trailer === null) {
    errors.push('no trailer record (データ区分 8)');
  } else {
    const t = trailer;
    const sum = payments.reduce((acc, p) => acc + p.amount, 0);
    if (t.count !== payments.length) {
      errors.push(`trailer 合計件数 ${t.count} does not match ${payments.length} data records`);
    }
    if (t.total !== sum) errors.push(`trailer 合計金額 ${t.total} does not match the data records' sum ${sum}`);
  }
  if (previous !== '9') errors.push('the file does not end with an end record (データ区分 9)');
  return { header, payments, trailer, errors };
}

/**
 * 源泉徴収税額 on 報酬・料金 paid to an individual (所得税法 204条1項1号, including 復興特別所得税):
 * 10.21% of the gross up to 1,000,000 yen and 20.42% of the part above, rounded down to the yen.
 * Integer arithmetic (per 10,000) so 8,000 → 816 exactly. Whether a 謝金 is subject to it is the office's call.
 */
export function withholdingTax(gross: number): number {
  if (!Number.isSafeInteger(gross) || gross < 0) throw new RangeError(`gross must be a non-negative integer: ${gross}`);
  if (gross <= 1_000_000) return Math.floor((gross * 1021) / 10000);
  return 102_100 + Math.floor(((gross - 1_000_000) * 2042) / 10000);
}
