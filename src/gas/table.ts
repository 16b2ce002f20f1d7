/**
 * A sheet as a typed table, found by header text (staff may reorder columns and add their own).
 * One getValues reads the whole table; writes are buffered and flushed with one setValues per
 * contiguous run of written columns, so a whole operation costs a constant number of calls.
 */
import { isDateObject } from '../domain/calendar';
import { sheetText } from '../domain/text';
import type { SheetSchema } from '../app/schema';

export type Row = Record<string, unknown>;

export class MissingHeaderError extends Error {
  constructor(
    readonly sheet: string,
    readonly headers: string[],
  ) {
    super(`シート「${sheet}」に必要な列がありません: ${headers.join('、')}（列名は1行目で探します）`);
  }
}

export class MissingSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`シート「${sheet}」がありません。メニュー「伴走ネット」→「初期設定」を実行してください`);
  }
}

/** Headers are compared after NFKC, so （） and () or full-width letters typed by staff still match. */
export const normHeader = (v: unknown) => String(v ?? '').normalize('NFKC').trim();

/** A valid Date from a cell (one definition: domain/calendar's isDateObject). */
export const isDate = isDateObject;

/** Sheets refuses a cell of more than 50,000 characters: longer user text is cut, with a mark. */
const MAX_CELL_CHARS = 50000;
const CUT_MARK = '…（長すぎるため省略）';

/** A value as it goes into a cell: user text can never become a formula, a number or a date. */
export function toCell(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    const text = sheetText(v);
    return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS - CUT_MARK.length) + CUT_MARK : text;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || isDate(v)) return v;
  return sheetText(String(v));
}

export class Table {
  readonly header: string[];
  readonly rows: unknown[][];
  private readonly index = new Map<string, number>();
  private readonly dirty = new Map<number, Set<number>>();
  private readonly appended: unknown[][] = [];

  /** Data rows above the appended ones (more than rows.length for an append-only table). */
  private base: number;
  /** Called after rows were added to the grid (new rows carry no validation or protection). */
  onGrow?: () => void;

  private constructor(
    readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    readonly schema: SheetSchema,
    values: unknown[][],
    lastRow?: number,
  ) {
    this.header = (values[0] ?? []).map(normHeader);
    this.header.forEach((h, i) => {
      if (h && !this.index.has(h)) this.index.set(h, i);
    });
    this.rows = values.slice(1);
    // Trailing rows that are entirely empty are not data (getDataRange may include them).
    while (this.rows.length > 0 && this.rows[this.rows.length - 1].every((c) => c === '' || c === null)) this.rows.pop();
    this.base = lastRow === undefined ? this.rows.length : Math.max(0, lastRow - 1);
    const missing = schema.required.filter((h) => !this.index.has(normHeader(h)));
    if (missing.length > 0) throw new MissingHeaderError(schema.name, missing);
  }

  static open(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, schema: SheetSchema, name = schema.name): Table {
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new MissingSheetError(name);
    return new Table(sheet, schema, sheet.getDataRange().getValues());
  }

  /**
   * For a log that only grows (ログ): reads the header row and the last row number, not the
   * rows, so appending costs the same however long the log is. Such a table holds no rows.
   */
  static openForAppend(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, schema: SheetSchema): Table {
    const sheet = ss.getSheetByName(schema.name);
    if (!sheet) throw new MissingSheetError(schema.name);
    const lastRow = sheet.getLastRow();
    const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues();
    return new Table(sheet, schema, header, lastRow);
  }

  has(header: string): boolean {
    return this.index.has(normHeader(header));
  }

  col(header: string): number {
    const c = this.index.get(normHeader(header));
    if (c === undefined) throw new MissingHeaderError(this.schema.name, [header]);
    return c;
  }

  /**
   * A cell's value. Sheets drops the apostrophe the system writes before text it must keep as
   * text; should a sheet keep it (a plain-text cell), it is dropped here, so reads agree either way.
   */
  get(i: number, header: string): unknown {
    const c = this.index.get(normHeader(header));
    if (c === undefined) return '';
    const v = i < this.rows.length ? this.rows[i][c] : this.appended[i - this.rows.length][c];
    return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
  }

  text(i: number, header: string): string {
    const v = this.get(i, header);
    return v === null || v === undefined ? '' : String(v).trim();
  }

  get length(): number {
    return this.rows.length + this.appended.length;
  }

  /** Index of the first row whose column equals value (string compare), or -1. */
  find(header: string, value: string): number {
    const c = this.index.get(normHeader(header));
    if (c === undefined) return -1;
    const same = (v: unknown) => String(v) === value || (typeof v === 'string' && v.startsWith("'") && v.slice(1) === value);
    for (let i = 0; i < this.rows.length; i++) if (same(this.rows[i][c])) return i;
    for (let j = 0; j < this.appended.length; j++) if (String(this.appended[j][c]) === value) return this.rows.length + j;
    return -1;
  }

  /** Buffers new rows (headers not in the sheet are ignored). Returns their indexes. */
  append(row: Row): number {
    const width = this.header.length;
    const line: unknown[] = new Array(width).fill('');
    for (const [h, v] of Object.entries(row)) {
      const c = this.index.get(normHeader(h));
      if (c !== undefined) line[c] = v;
    }
    this.appended.push(line);
    return this.rows.length + this.appended.length - 1;
  }

  /** Buffers a change of some columns of an existing (or just appended) row. */
  set(i: number, patch: Row): void {
    for (const [h, v] of Object.entries(patch)) {
      const c = this.index.get(normHeader(h));
      if (c === undefined) continue;
      if (i >= this.rows.length) {
        this.appended[i - this.rows.length][c] = v;
        continue;
      }
      this.rows[i][c] = v;
      const cols = this.dirty.get(i) ?? new Set<number>();
      cols.add(c);
      this.dirty.set(i, cols);
    }
  }

  /** Writes what was buffered: one setValues per run of adjacent changed columns, one for appended rows. Returns whether it wrote. */
  flush(): boolean {
    const wrote = this.dirty.size > 0 || this.appended.length > 0;
    if (this.dirty.size > 0) {
      const allCols = new Set<number>();
      let first = Number.POSITIVE_INFINITY;
      let last = -1;
      for (const [i, cols] of this.dirty) {
        first = Math.min(first, i);
        last = Math.max(last, i);
        for (const c of cols) allCols.add(c);
      }
      for (const [c0, c1] of runs([...allCols].sort((a, b) => a - b))) {
        const block = this.rows.slice(first, last + 1).map((r) => r.slice(c0, c1 + 1).map(toCell));
        this.sheet.getRange(first + 2, c0 + 1, block.length, c1 - c0 + 1).setValues(block);
      }
      this.dirty.clear();
    }
    if (this.appended.length > 0) {
      const start = this.base + 2;
      const need = start + this.appended.length - 1;
      const max = this.sheet.getMaxRows();
      // Grow in steps of 500 so an append rarely needs the extra call.
      const grow = need > max;
      if (grow) this.sheet.insertRowsAfter(max, need - max + 500);
      this.sheet.getRange(start, 1, this.appended.length, this.header.length).setValues(this.appended.map((r) => r.map(toCell)));
      if (this.base === this.rows.length) this.rows.push(...this.appended);
      this.base += this.appended.length;
      this.appended.length = 0;
      if (grow) this.onGrow?.();
    }
    return wrote;
  }
}

function runs(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of sorted) {
    const lastRun = out[out.length - 1];
    if (lastRun && c === lastRun[1] + 1) lastRun[1] = c;
    else out.push([c, c]);
  }
  return out;
}
