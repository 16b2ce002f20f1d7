/**
 * ゆうちょ銀行 (Japan Post Bank): its own 記号 (5 digits) and 番号 (up to 8 digits) → the 店番, 預金種目
 * and 口座番号 that other banks (and the 全銀 file) use, under the bank code 9900.
 *
 * The rule is the bank's own, published as 「記号・番号から振込用の店名・預金種目・口座番号への変換の公式」
 * (https://www.jp-bank.japanpost.jp/kojin/tukau/sokin/koza/kj_tk_sk_kz_furikomi_ksk.html):
 *  1. 総合口座・通常貯金・通常貯蓄貯金 (記号 starting with 1): 店番 = the 2nd–3rd digits of 記号 followed
 *     by 8; 口座番号 = 番号 without its last digit (「1」), whatever its length; 預金種目 普通預金
 *     (通常貯蓄貯金 is 貯蓄預金).
 *  2. 振替口座 (記号 starting with 0): 店番 = the 2nd–3rd digits of 記号 followed by 9; 預金種目 当座預金.
 *  A single digit written between 記号 and 番号 (振替口座, e.g. 00160-0-100001) is not used for transfers.
 * 口座番号 is then right-aligned and zero-padded to 7 digits. The bank names the branch after the digits
 * in kanji (二三八 店, read ニサンハチ). The bank asks everyone to confirm against the passbook print or its
 * own lookup page; the README says so to staff.
 *
 * What we do not check: the bank's list of existing 店番 and any check digit in 記号 (neither is
 * published by the bank). What cannot be converted is a reason in Japanese, and the payout holds it.
 */

export const JAPAN_POST_BANK_CODE = '9900';

export interface JapanPostTransfer {
  /** 店番 (支店コード), 3 digits. */
  branchCode: string;
  /** 店名 as the bank writes it: 二三八. */
  branchName: string;
  /** 1 普通 (総合口座・通常貯金), 4 貯蓄 (通常貯蓄貯金), 2 当座 (振替口座). */
  type: '1' | '2' | '4';
  /** 口座番号, 7 digits. */
  number: string;
}

export type JapanPostResult = { ok: true; value: JapanPostTransfer } | { ok: false; reason: string };

const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Full-width digits and the hyphens and spaces people copy from a passbook → plain ASCII digits. */
function digitsOf(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
  if (typeof v !== 'string') return null;
  return v.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\-－‐‑–—―−ー]/g, '');
}

/**
 * 記号 and 番号 as typed in 口座 → the transfer data. `savings` is true when the 預金種目 column says
 * 貯蓄 (通常貯蓄貯金: 貯蓄預金 under the same rule). A cell that lost its leading zeros (a number)
 * is read back with them: 記号 is always 5 digits.
 */
export function convertJapanPost(kigo: unknown, bango: unknown, savings = false): JapanPostResult {
  let k = digitsOf(kigo);
  const b = digitsOf(bango);
  if (k === null || !/^[0-9]*$/.test(k) || k === '') return { ok: false, reason: 'ゆうちょ銀行の記号は5桁の数字です' };
  // 振替口座 written with its middle digit (00160-0 → 001600): that digit is not used for transfers.
  if (k.length === 6 && k.startsWith('0')) k = k.slice(0, 5);
  // A number cell drops the leading 0 of a 振替口座 記号 (00160 → 160): 記号 is always 5 digits.
  if (typeof kigo === 'number' && k.length < 5) k = k.padStart(5, '0');
  if (k.length !== 5) return { ok: false, reason: 'ゆうちょ銀行の記号は5桁の数字です' };
  if (b === null || !/^[0-9]*$/.test(b) || b === '') return { ok: false, reason: 'ゆうちょ銀行の番号は8桁以内の数字です' };
  const middle = k.slice(1, 3);
  if (k[0] === '1') {
    if (b.length > 8) return { ok: false, reason: 'ゆうちょ銀行の番号は8桁以内の数字です' };
    if (!b.endsWith('1')) return { ok: false, reason: 'ゆうちょ銀行（記号が1で始まる口座）の番号は末尾が1です。記号・番号を通帳で確認してください' };
    const number = b.slice(0, -1);
    if (number === '' || /^0+$/.test(number)) return { ok: false, reason: 'ゆうちょ銀行の番号から口座番号に変換できません（末尾の1を除くと0になります）' };
    return { ok: true, value: transfer(`${middle}8`, savings ? '4' : '1', number) };
  }
  if (k[0] === '0') {
    if (savings) return { ok: false, reason: 'ゆうちょ銀行の振替口座（記号が0で始まる口座）は当座預金です。預金種目を確認してください' };
    if (b.length > 7) return { ok: false, reason: 'ゆうちょ銀行の振替口座（記号が0で始まる口座）の番号は7桁以内の数字です' };
    if (/^0+$/.test(b)) return { ok: false, reason: 'ゆうちょ銀行の番号が0です' };
    return { ok: true, value: transfer(`${middle}9`, '2', b) };
  }
  return { ok: false, reason: 'ゆうちょ銀行の記号は0か1で始まります。記号・番号を通帳で確認してください' };
}

function transfer(branchCode: string, type: JapanPostTransfer['type'], number: string): JapanPostTransfer {
  return { branchCode, branchName: [...branchCode].map((d) => KANJI[Number(d)]).join(''), type, number: number.padStart(7, '0') };
}
