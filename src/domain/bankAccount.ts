/**
 * A supporter's bank account (口座 sheet / 謝金受取口座届出書), checked before it reaches the transfer file.
 * Reasons are short Japanese sentences for staff; the account number is never quoted in them.
 */
import { toBankText } from './kana';

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
}

export type AccountValidation = { ok: true; account: BankAccount } | { ok: false; reasons: string[] };

/** ゆうちょ銀行: its 記号番号 must be converted to a 店名 (branch) and 7-digit number for 全銀 transfers. */
export const JAPAN_POST_BANK_CODE = '9900';

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
  const reasons: string[] = [];

  const bankCode = code(raw.bankCode, 4);
  if (bankCode === null) reasons.push('金融機関コードは4桁の数字です');
  const branchCode = code(raw.branchCode, 3);
  if (branchCode === null) reasons.push('支店コードは3桁の数字です');

  const type = accountTypeOf(raw.type);
  if (type === undefined) reasons.push('預金種目は普通・当座・貯蓄のいずれかです');

  // Hyphens and spaces inside the number are how people copy it from a passbook; tolerate them.
  const numberText = cellText(raw.number);
  const digits = numberText === null ? null : numberText.replace(/[\s\-－‐‑–—―−ー]/g, '');
  let accountNumber: string | null = null;
  if (digits === null || !/^[0-9]{1,7}$/.test(digits)) {
    reasons.push(
      bankCode === JAPAN_POST_BANK_CODE && digits !== null && /^[0-9]{8,}$/.test(digits)
        ? 'ゆうちょ銀行は記号・番号ではなく、振込用の店番（支店コード3桁）と口座番号7桁を入力してください'
        : '口座番号は7桁以内の数字です',
    );
  } else if (/^0+$/.test(digits)) {
    reasons.push('口座番号が0です');
  } else {
    accountNumber = digits.padStart(7, '0');
  }

  let holderKana: string | null = null;
  const holder = typeof raw.holder === 'number' ? String(raw.holder) : raw.holder;
  if (holder === null || holder === undefined || (typeof holder === 'string' && holder.trim() === '')) {
    reasons.push('口座名義（カナ）が空です');
  } else if (typeof holder !== 'string') {
    reasons.push('口座名義（カナ）が文字ではありません');
  } else {
    const converted = toBankText(holder, 'name');
    if (!converted.ok) reasons.push(`口座名義に使えない文字があります: ${converted.invalid.join(', ')}`);
    else if (converted.value === '') reasons.push('口座名義（カナ）が空です');
    else holderKana = converted.value;
  }

  if (bankCode === null || branchCode === null || type === undefined || accountNumber === null || holderKana === null) {
    return { ok: false, reasons };
  }
  return { ok: true, account: { bankCode, branchCode, type, number: accountNumber, holderKana } };
}

/** '1234567' → '****567': only the last 3 digits are ever shown outside the 口座 sheet and the file. */
export function maskAccountNumber(n: string): string {
  const s = String(n).trim();
  if (s.length <= 3) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 3) + s.slice(-3);
}
