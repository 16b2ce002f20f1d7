/**
 * Damm check digit: detects every single-digit error and every adjacent transposition, with a
 * single decimal digit (unlike Luhn, which misses 09↔90). Leading zeros do not change it
 * (TABLE[0][0] is 0), so '42' and '00042' have the same check digit.
 */

/** The standard weakly totally anti-symmetric quasigroup of order 10 (Damm 2004). */
const TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function interim(digits: string): number {
  let x = 0;
  for (const c of digits) x = TABLE[x][c.charCodeAt(0) - 48];
  return x;
}

/** The check digit to append to an ASCII digit string; throws on anything but digits. */
export function dammCheckDigit(digits: string): number {
  if (!/^\d*$/.test(digits)) throw new RangeError(`not a digit string: ${digits}`);
  return interim(digits);
}

/** True when the last digit is the Damm check digit of the others (at least 2 digits). */
export function isDammValid(digitsWithCheck: string): boolean {
  return /^\d{2,}$/.test(digitsWithCheck) && interim(digitsWithCheck) === 0;
}
