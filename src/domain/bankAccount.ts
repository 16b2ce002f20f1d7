/**
 * A supporter's bank account (口座 sheet / 謝金受取口座届出書), checked before it reaches the transfer file.
 * Reasons are short Japanese sentences for staff; the account number is never quoted in them.
 */
import { convertJapanPost, JAPAN_POST_BANK_CODE } from './japanPost';
import { toBankText } from './kana';

export { JAPAN_POST_BANK_CODE } from './japanPost';

/** 預金種目: 1 普通, 2 当座, 4 貯蓄. */
export type AccountType = '1' | '2' | '4';

export interface BankAccount {
  /** 金融機関コード, 4 digits. */
  bankCode: string;
  /** 支店コード, 3 digits. */
  branchCode: string;
  type: AccountType;
  /** 口座番号, 7 digits. */
  number: string;
  /** 口座名義（カナ）, already half-width bank text. */
  holderKana: string;
}

export interface RawAccount {
  bankCode: unknown;
  branchCode: unknown;
  type: unknown;
  number: unknown;
  holder: unknown;
  /** ゆうちょ銀行 記号 and 番号 (口座 columns 記号 / 番号), converted to 店番 and 口座番号 by the bank's rule. */
  kigo?: unknown;
  bango?: unknown;
  /** 口座 状態: 要確認 after a returned transfer (staff clear it once the account is checked). */
  status?: unknown;
}

/** The word in 口座 状態 that holds a supporter's payments until staff have checked the account. */
export const NEEDS_CHECK = '要確認';

/**
 * A 口座 row marked 要確認 (a transfer to it came back) is not paid to, whatever its data: the hold
 * lifts when staff clear 要確認 from 状態 (after correcting the account, or confirming it with the
 * supporter). The reason quotes the cell, which says which month came back and why.
 */
export function needsCheckReason(status: unknown): string | null {
  const text = typeof status === 'string' ? status.trim() : '';
  if (!text.includes(NEEDS_CHECK)) return null;
  return `口座が要確認です（${text}）。口座を確認・修正したら、口座シートの状態から「${NEEDS_CHECK}」を消してください`;
}

export type AccountValidation = { ok: true; account: BankAccount } | { ok: false; reasons: string[] };

const TYPES: Record<string, AccountType> = {
  '1': '1',
  '2': '2',
  '4': '4',
  普通: '1',
  普通預金: '1',
  ふつう: '1',
  フツウ: '1',
  当座: '2',
  当座預金: '2',
  とうざ: '2',
  トウザ: '2',
  貯蓄: '4',
  貯蓄預金: '4',
  ちょちく: '4',
  チョチク: '4',
};

/** 預金種目 as staff write it (普通 / 当座 / 貯蓄, or its code) → the 全銀 code; undefined when it is neither. */
export function accountTypeOf(v: unknown): AccountType | undefined {
  const s = cellText(v);
  return s === null ? undefined : TYPES[s.normalize('NFKC').trim()] ?? TYPES[s];
}

/** The 全銀 code → the name staff see (the 口座 dropdown and the payout sheet). */
export const ACCOUNT_TYPE_NAMES: Record<AccountType, string> = { '1': '普通', '2': '当座', '4': '貯蓄' };

/** Cell value → trimmed text with full-width digits made ASCII; null for what no sheet cell can mean. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v !== 'string') return null;
  return v.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
}

/** A code that may have lost its leading zeros: 1..width digits → zero-padded to width. */
function code(v: unknown, width: number): string | null {
  const s = cellText(v);
  if (s === null || !/^[0-9]+$/.test(s) || s.length > width) return null;
  return s.padStart(width, '0');
}

export function validateAccount(raw: RawAccount): AccountValidation {
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  // A ゆうちょ 記号 typed into 支店コード (5 digits cannot be a branch code) is read as the 記号 it is.
  const kigoInBranch = blank(raw.kigo) && !blank(raw.number) && code(raw.bankCode, 4) === JAPAN_POST_BANK_CODE && /^[0-9]{5,6}$/.test(cellText(raw.branchCode) ?? '');
  if (!blank(raw.kigo) || !blank(raw.bango) || kigoInBranch) {
    return kigoInBranch ? validateJapanPost({ ...raw, kigo: raw.branchCode, bango: raw.number, branchCode: '', number: '' }) : validateJapanPost(raw);
  }
  const reasons: string[] = [];

  const bankCode = code(raw.bankCode, 4);
  if (bankCode === null) reasons.push('金融機関コードは4桁の数字です');
  const branchCode = code(raw.branchCode, 3);
  if (branchCode === null) reasons.push('支店コードは3桁の数字です');

  const type = accountTypeOf(raw.type);
  if (type === undefined) reasons.push('預金種目は普通・当座・貯蓄のいずれかです');

  const numberText = cellText(raw.number);
  const digits = numberText === null ? null : numberText.replace(HYPHENS, '');
  let accountNumber: string | null = null;
  if (digits === null || !/^[0-9]{1,7}$/.test(digits)) {
    reasons.push(
      bankCode === JAPAN_POST_BANK_CODE && digits !== null && /^[0-9]{8,}$/.test(digits)
        ? 'ゆうちょ銀行の記号・番号は「記号」「番号」の列に入力してください（振込用の店番・口座番号に変換します）'
        : '口座番号は7桁以内の数字です',
    );
  } else if (/^0+$/.test(digits)) {
    reasons.push('口座番号が0です');
  } else {
    accountNumber = digits.padStart(7, '0');
  }

  const holderKana = holderOf(raw.holder, reasons);
  if (bankCode === null || branchCode === null || type === undefined || accountNumber === null || holderKana === null) {
    return { ok: false, reasons };
  }
  return { ok: true, account: { bankCode, branchCode, type, number: accountNumber, holderKana } };
}

// Hyphens and spaces inside a number are how people copy it from a passbook; tolerate them.
const HYPHENS = /[\s\-－‐‑–—―−ー]/g;

function holderOf(value: unknown, reasons: string[]): string | null {
  const holder = typeof value === 'number' ? String(value) : value;
  if (holder === null || holder === undefined || (typeof holder === 'string' && holder.trim() === '')) {
    reasons.push('口座名義（カナ）が空です');
    return null;
  }
  if (typeof holder !== 'string') {
    reasons.push('口座名義（カナ）が文字ではありません');
    return null;
  }
  const converted = toBankText(holder, 'name');
  if (!converted.ok) reasons.push(`口座名義に使えない文字があります: ${converted.invalid.join(', ')}`);
  else if (converted.value === '') reasons.push('口座名義（カナ）が空です');
  else return converted.value;
  return null;
}

/**
 * ゆうちょ銀行 by 記号 / 番号: converted by the bank's rule (domain/japanPost.ts). 金融機関コード,
 * 支店コード, 預金種目 and 口座番号 may be left empty; what staff did fill in must agree with the
 * conversion, so a row with two different accounts in it is held rather than paid to either.
 */
function validateJapanPost(raw: RawAccount): AccountValidation {
  const reasons: string[] = [];
  const bankText = cellText(raw.bankCode);
  if (bankText !== '' && code(raw.bankCode, 4) !== JAPAN_POST_BANK_CODE) {
    reasons.push('記号・番号はゆうちょ銀行（金融機関コード9900）の口座にだけ使えます');
  }
  const typeText = cellText(raw.type);
  const given = typeText === '' ? undefined : accountTypeOf(raw.type);
  if (typeText !== '' && given === undefined) reasons.push('預金種目は普通・当座・貯蓄のいずれかです');
  const converted = convertJapanPost(raw.kigo, raw.bango, given === '4');
  let account: Omit<BankAccount, 'holderKana'> | null = null;
  if (!converted.ok) reasons.push(converted.reason);
  else {
    const v = converted.value;
    if (given !== undefined && given !== v.type) {
      reasons.push(`預金種目が記号・番号からの変換（${ACCOUNT_TYPE_NAMES[v.type]}）と一致しません`);
    }
    const branchText = cellText(raw.branchCode);
    if (branchText !== '' && code(raw.branchCode, 3) !== v.branchCode) {
      reasons.push(`支店コードが記号からの変換（店番${v.branchCode}）と一致しません。支店コードを空欄にするか、記号を確認してください`);
    }
    const numberText = cellText(raw.number);
    const typed = numberText === null ? null : numberText.replace(HYPHENS, '');
    if (typed !== '' && (typed === null || !/^[0-9]{1,7}$/.test(typed) || typed.padStart(7, '0') !== v.number)) {
      reasons.push('口座番号が番号からの変換と一致しません。口座番号を空欄にするか、番号を確認してください');
    }
    account = { bankCode: JAPAN_POST_BANK_CODE, branchCode: v.branchCode, type: v.type, number: v.number };
  }
  const holderKana = holderOf(raw.holder, reasons);
  if (reasons.length > 0 || account === null || holderKana === null) return { ok: false, reasons };
  return { ok: true, account: { ...account, holderKana } };
}

/** '1234567' → '****567': only the last 3 digits are ever shown outside the 口座 sheet and the file. */
export function maskAccountNumber(n: string): string {
  const s = String(n).trim();
  if (s.length <= 3) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 3) + s.slice(-3);
}
