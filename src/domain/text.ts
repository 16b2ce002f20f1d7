/** Normalisation of what people type into forms and sheets, and guarding text written to Sheets. */
import { isDateObject, tokyoDateOf, tokyoDateTime, tokyoMidnight } from './calendar';

/**
 * NFKC (full-width letters and digits to ASCII, half-width kana to full-width), trimmed, runs of
 * whitespace (including the ideographic space U+3000) collapsed to one space. Numbers and booleans
 * become their String; a Date becomes its Tokyo date, or date and time when not at midnight; an
 * array is joined with ', '; null, undefined and other objects become ''.
 */
export function normalizeText(input: unknown): string {
  let s: string;
  if (typeof input === 'string') s = input;
  else if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') {
    s = String(input);
  } else if (isDateObject(input)) {
    if (Number.isNaN(input.getTime())) return '';
    const day = tokyoDateOf(input);
    s = tokyoMidnight(day).getTime() === input.getTime() ? day : tokyoDateTime(input);
  } else if (Array.isArray(input)) {
    s = input.map(normalizeText).filter((x) => x !== '').join(', ');
  } else return '';
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * An address MailApp will send to: RFC 5322's unquoted form (dot-atom), which is what Gmail accepts
 * in a recipient. Local part: letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~ with dots
 * (old Japanese mobile addresses with dots in odd places, like `a..b.@docomo.ne.jp`, still pass,
 * as Gmail delivers them); at most 64 characters. Domain: labels of letters, digits and inner
 * hyphens, a top-level label of 2+ letters. What this refuses (`mailto:a@b.jp`, `a b@c.jp`,
 * `"a"@b.jp`, `a(b)@c.jp`, `<a@b.jp>`, non-ASCII) is not an address the system can use.
 */
export function isPlausibleEmail(s: string): boolean {
  const at = s.lastIndexOf('@');
  if (at < 1) return false;
  const local = s.slice(0, at);
  if (local.length > 64 || !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) || !/[A-Za-z0-9]/.test(local)) return false;
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(s.slice(at + 1));
}

/** Lower-cased, without spaces (NFKC maps '＠' to '@'); '' when not a plausible address. */
export function normalizeEmail(input: unknown): string {
  const s = normalizeText(input).toLowerCase().replace(/\s+/g, '');
  return isPlausibleEmail(s) ? s : '';
}

/**
 * A yes/no answer (SPEC §3: はい / いいえ; also the English and Vietnamese words, and y/n):
 * true, false, or null when it is neither. The one reading of yes/no for every form and sheet.
 */
/** The choices of every yes/no question the forms ask (SPEC §3). */
export const YES_NO = ['はい', 'いいえ'] as const;

export function parseYesNo(input: unknown): boolean | null {
  const s = normalizeText(Array.isArray(input) ? input.join(' ') : input).toLowerCase();
  if (s.startsWith('はい') || s === 'yes' || s === 'y' || s.startsWith('có') || s === 'co') return true;
  if (s.startsWith('いいえ') || s === 'no' || s === 'n' || s.startsWith('không') || s === 'khong') return false;
  return null;
}

/**
 * Digits only, with a leading '+' kept: '090-1234-5678' → '09012345678', '+81 90…' → '+8190…'.
 * A number from a sheet that already lost its leading zero (9012345678) is kept as given: guessing
 * the zero back would be wrong for international numbers.
 */
export function normalizePhone(input: unknown): string {
  const s = normalizeText(input);
  const digits = s.replace(/\D/g, '');
  if (digits === '') return '';
  return s.startsWith('+') ? `+${digits}` : digits;
}

/**
 * A list answer: a checkbox array, or text separated by , 、 ; / or new lines (full-width forms
 * too, through NFKC). Items are normalised; empty items and repeats are dropped, order is kept.
 * Array items are not split further: a checkbox label is one item even if it contains a comma.
 */
export function splitList(input: unknown): string[] {
  const items = Array.isArray(input)
    ? input.map(normalizeText)
    : normalizeText(typeof input === 'string' ? input.normalize('NFKC').replace(/[\r\n]+/g, ',') : input)
        .split(/[,、;/]/)
        .map((x) => x.trim());
  return [...new Set(items.filter((x) => x !== ''))];
}

const MONTH_NAME =
  '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\\.?';
const VALUE_LIKE: RegExp[] = [
  // numbers, thousands separators, decimals, percentages, currency, dates and times made of digits
  /^[-+(]?\s*[¥$€£]?\s*[\d\s,./:\-()%]*\d[\d\s,./:\-()%]*\s*(?:am|pm|a\.m\.|p\.m\.|円)?$/i,
  /^[-+]?(?:\d+\.?\d*|\.\d+)e[-+]?\d+$/i, // 1e5
  /^(?:true|false)$/i,
  /^\d+\s*年(?:\s*\d+\s*月(?:\s*\d+\s*日)?)?$|^\d+\s*月\s*\d+\s*日$/, // 2024年1月5日, 1月5日
  /^\d+\s*時(?:\s*\d+\s*分(?:\s*\d+\s*秒)?)?$/, // 12時30分
  new RegExp(`^${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*\\d{2,4})?$`, 'i'), // May 5, 2024
  new RegExp(`^\\d{1,2}\\s+${MONTH_NAME}(?:,?\\s*\\d{2,4})?$`, 'i'), // 5 May 2024
];

/**
 * True when Google Sheets would not keep the string as typed: a formula or an operator start
 * (= + - @), an apostrophe (which Sheets would swallow), or a value it would convert (number,
 * percentage, currency, date, time, boolean). Errs on the side of guarding: a guarded string that
 * Sheets would have kept anyway still comes back unchanged.
 */
export function needsTextGuard(s: string): boolean {
  const t = s.normalize('NFKC').trim();
  if (t === '') return false;
  if (/^[=+\-@']/.test(t)) return true;
  return VALUE_LIKE.some((re) => re.test(t));
}

/** The string to write into a cell so that Sheets stores exactly s, as text. */
export function sheetText(s: string): string {
  return needsTextGuard(s) ? `'${s}` : s;
}
