/**
 * The accounting CSV: RFC 4180 (CR LF, quotes doubled, fields with a comma, quote or line break quoted),
 * with a UTF-8 BOM so Excel opens Japanese text correctly. Text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe; numbers are written as they are.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // A non-finite number is a bug upstream; an empty cell is safer than "NaN" in the books.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text: BOM first, every row (the last too) ended by CR LF. */
export function toCsv(rows: CsvCell[][]): string {
  return `\uFEFF${rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('')}`;
}
