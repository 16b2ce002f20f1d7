/**
 * Bansou Net IDs ('BN-00042-7') and recipient case IDs ('R-00042-7') of SPEC §2.
 * The Damm check digit lets a lookup tell a mistyped ID (checkDigit) from an unknown one.
 */
import { dammCheckDigit } from './damm';

export type IdPrefix = 'BN' | 'R';

export type ParsedId =
  | { kind: 'ok'; id: string; seq: number }
  | { kind: 'empty' }
  | { kind: 'malformed' }
  | { kind: 'checkDigit' };

const MIN_DIGITS = 5;

/** 'BN-00042-7': at least 5 digits, more when seq ≥ 100000; check digit over the digits as written. */
export function formatId(prefix: IdPrefix, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`invalid ID sequence: ${seq}`);
  const digits = String(seq).padStart(MIN_DIGITS, '0');
  return `${prefix}-${digits}-${dammCheckDigit(digits)}`;
}

/** Hyphen look-alikes people and IMEs type; NFKC already maps full-width '－' to '-'. */
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70\uff0d]/g;

/**
 * Reads a typed ID. Accepts full-width characters, any case, spaces, any dash or none
 * ('bn000427', 'ＢＮ－００４２－７'), and fewer than 5 digits when a hyphen precedes the check
 * digit ('BN-42-7'): without it, 'BN427' could be 42+7 or 4+27, so 5 digits are required.
 * Spaces are removed, not read as separators. A sheet number is malformed: an ID is text.
 */
export function parseId(prefix: IdPrefix, input: unknown): ParsedId {
  if (input === null || input === undefined) return { kind: 'empty' };
  if (typeof input !== 'string') return { kind: 'malformed' };
  const s = input.normalize('NFKC').replace(DASHES, '-').replace(/\s+/g, '').toUpperCase();
  if (s === '') return { kind: 'empty' };
  if (!s.startsWith(prefix)) return { kind: 'malformed' };
  const m = /^-?(\d+)(-?)(\d)$/.exec(s.slice(prefix.length));
  if (!m) return { kind: 'malformed' };
  const [, digits, hyphen, check] = m;
  if (hyphen === '' && digits.length < MIN_DIGITS) return { kind: 'malformed' };
  const seq = Number(digits);
  if (!Number.isSafeInteger(seq)) return { kind: 'malformed' };
  const id = formatId(prefix, seq);
  // Damm ignores leading zeros, so the digits as typed and the padded form agree.
  if (dammCheckDigit(digits) !== Number(check)) return { kind: 'checkDigit' };
  return { kind: 'ok', id, seq };
}
