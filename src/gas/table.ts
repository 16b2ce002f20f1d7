/**
 * A sheet as a typed table, found by header text (staff may reorder columns and add their own).
 *
 * Two ways to open one:
 * - `Table.open` reads the whole table in one getValues: for runs whose work is the whole table
 *   (payout, revalidate, the daily job).
 * - `Table.lean` reads only the header row; rows are read when asked for, and `find`/`findAll`
 *   locate rows with a TextFinder on one column, so a submit or an edit costs the same whatever
 *   the sheet's size (SPEC §8).
 *
 * Either way writes are buffered and `flush` writes only the cells that were set (adjacent cells
 * of adjacent rows grouped into one setValues), never a value read earlier over a cell the run did
 * not change: staff keep typing while a script runs.
 */
import { isDateObject } from '../domain/calendar';
import { sheetText } from '../domain/text';
import type { SheetSchema } from '../app/schema';
import type { TablePort } from '../app/ports';

export type Row = Record<string, unknown>;

export class MissingHeaderError extends Error {
  constructor(
    readonly sheet: string,
    readonly headers: string[],
  ) {
    super(`シート「${sheet}」に必要な列がありません: ${headers.join('、')}（列名は1行目で探します）`);
  }
}

/** A header the sheet's schema does not declare: a bug in the code (a typo), never a staff error. */
export class UndeclaredHeaderError extends Error {
  constructor(sheet: string, header: string) {
    super(`シート「${sheet}」の定義にない列「${header}」を読み書きしようとしました（プログラムの誤り）`);
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

/** Same value as far as the sheet is concerned (a date by its instant; text as written, apostrophe aside). */
function sameCell(held: unknown, v: unknown): boolean {
  if (isDate(held) || isDate(v)) return isDate(held) && isDate(v) && held.getTime() === v.getTime();
  if (held === v) return true;
  if (typeof held === 'string' && typeof v === 'string') return unquote(held) === unquote(v);
  return false;
}

/** A cell read back: the apostrophe the system writes before text it keeps as text is not part of it. */
const unquote = (v: unknown) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);
const sameText = (v: unknown, value: string) => String(v) === value || String(unquote(v)) === value;

export class Table<H extends string = string> implements TablePort<H> {
  readonly header: string[];
  private readonly index = new Map<string, number>();
  private readonly declared: Set<string>;
  /** Existing data rows (row i is sheet row i + 2); a lean table holds only the rows it read. */
  private readonly rows: (unknown[] | undefined)[] = [];
  private complete: boolean;
  /** Number of existing data rows (appended rows come after them); asked of the sheet when first needed. */
  private baseRows?: number;
  /** Sheet rows found by a TextFinder, per column and value (a second lookup costs nothing). */
  private readonly found = new Map<string, number[]>();
  private readonly staffCols: Set<number>;
  private maxRows?: number;
  private readonly appended: unknown[][] = [];
  private readonly dirty = new Map<number, Set<number>>();
  /** Cells of rows read in part by findGroup (row → its cells from column c0), until the whole row is read. */
  private readonly part = new Map<number, { c0: number; values: unknown[] }>();
  /** Per column: value → rows, built on first find in a complete table. */
  private readonly colIndex = new Map<number, Map<string, number[]>>();
  /** Called after rows were added to the grid (new rows carry no validation or protection). */
  onGrow?: () => void;

  private constructor(
    readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    readonly schema: SheetSchema<H>,
    headerRow: unknown[],
    rows: unknown[][] | null,
  ) {
    this.header = headerRow.map(normHeader);
    while (this.header.length > 0 && this.header[this.header.length - 1] === '') this.header.pop();
    this.header.forEach((h, i) => {
      if (h && !this.index.has(h)) this.index.set(h, i);
    });
    this.declared = new Set(schema.headers.map(normHeader));
    this.complete = rows !== null;
    if (rows) {
      // Trailing rows that are entirely empty are not data (getDataRange may include them).
      let n = rows.length;
      while (n > 0 && rows[n - 1].every((c) => c === '' || c === null)) n--;
      for (let i = 0; i < n; i++) this.rows[i] = rows[i];
      this.baseRows = n;
    }
    this.staffCols = new Set(schema.staff.map((h) => this.index.get(normHeader(h))).filter((c): c is number => c !== undefined));
    const missing = schema.required.filter((h) => !this.index.has(normHeader(h)));
    if (missing.length > 0) throw new MissingHeaderError(schema.name, missing);
  }

  private static sheetOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new MissingSheetError(name);
    return sheet;
  }

  /** The whole table in one read (a run whose work is the whole table). */
  static open<H extends string>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, schema: SheetSchema<H>, name = schema.name): Table<H> {
    const sheet = Table.sheetOf(ss, name);
    const values = sheet.getDataRange().getValues();
    return new Table(sheet, schema, values[0] ?? [], values.slice(1));
  }

  /**
   * The header row only: rows are read as they are asked for, and the last row when an append or
   * a count needs it. (Opened before taking the script lock, a lean table holds nothing another
   * run could change: headers are staff's, and lookups and the last row are asked under the lock.)
   */
  static lean<H extends string>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, schema: SheetSchema<H>): Table<H> {
    const sheet = Table.sheetOf(ss, schema.name);
    // Row 1 whole (A1 "1:1", to the sheet's last column): no call to ask how wide it is.
    const header = sheet.getRange('1:1').getValues()[0] ?? [];
    return new Table(sheet, schema, header, null);
  }

  /** A lean table over a sheet whose header row the caller already read. */
  static fromHeader<H extends string>(sheet: GoogleAppsScript.Spreadsheet.Sheet, schema: SheetSchema<H>, headerRow: unknown[]): Table<H> {
    return new Table(sheet, schema, headerRow, null);
  }

  private get base(): number {
    this.baseRows ??= Math.max(0, this.sheet.getLastRow() - 1);
    return this.baseRows;
  }

  /** For a log that only grows (ログ): appending costs the same however long the log is. */
  static openForAppend<H extends string>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, schema: SheetSchema<H>): Table<H> {
    return Table.lean(ss, schema);
  }

  get isComplete(): boolean {
    return this.complete;
  }

  /** Column of a declared header (-1 when the sheet lacks that optional column). */
  private colOf(header: string): number {
    const h = normHeader(header);
    if (!this.declared.has(h)) throw new UndeclaredHeaderError(this.schema.name, header);
    return this.index.get(h) ?? -1;
  }

  has(header: H): boolean {
    return this.colOf(header) >= 0;
  }

  col(header: H): number {
    const c = this.colOf(header);
    if (c < 0) throw new MissingHeaderError(this.schema.name, [header]);
    return c;
  }

  get length(): number {
    return this.base + this.appended.length;
  }

  /** The row's cells, reading it (and nothing else) when a lean table does not hold it yet. */
  private row(i: number): unknown[] {
    const held = this.rows[i];
    if (held && (this.baseRows === undefined || i < this.baseRows)) return held;
    if (i >= this.base) {
      const a = this.appended[i - this.base];
      if (!a) throw new RangeError(`シート「${this.schema.name}」に行 ${i + 2} はありません`);
      return a;
    }
    if (!this.rows[i]) this.load([i]);
    return this.rows[i] as unknown[];
  }

  /** Reads the rows not held yet: one getValues per run of adjacent rows. */
  load(indexes: readonly number[], inSheet = false): void {
    const need = [...new Set(indexes)].filter((i) => i >= 0 && !this.rows[i] && (inSheet || i < this.base)).sort((a, b) => a - b);
    const width = Math.max(1, this.header.length);
    for (const [r0, r1] of runs(need)) {
      const values = this.sheet.getRange(r0 + 2, 1, r1 - r0 + 1, width).getValues();
      for (let k = 0; k <= r1 - r0; k++) {
        const line = values[k];
        while (line.length < this.header.length) line.push('');
        this.rows[r0 + k] = line;
      }
    }
  }

  /** Reads every row the table does not hold yet (one getValues), keeping what this run set. */
  loadAll(): void {
    if (this.complete) return;
    if (this.base > 0) {
      const width = Math.max(1, this.header.length);
      const values = this.sheet.getRange(2, 1, this.base, width).getValues();
      for (let i = 0; i < this.base; i++) if (!this.rows[i]) this.rows[i] = values[i];
    }
    this.complete = true;
  }

  /**
   * A cell's value. Sheets drops the apostrophe the system writes before text it must keep as
   * text; should a sheet keep it (a plain-text cell), it is dropped here, so reads agree either way.
   */
  get(i: number, header: H): unknown {
    const c = this.colOf(header);
    if (c < 0) return '';
    if (this.rows[i] === undefined) {
      const p = this.part.get(i);
      if (p && c >= p.c0 && c < p.c0 + p.values.length) return unquote(p.values[c - p.c0]);
    }
    return unquote(this.row(i)[c]);
  }

  text(i: number, header: H): string {
    const v = this.get(i, header);
    return v === null || v === undefined ? '' : String(v).trim();
  }

  /** Index of the first row whose cell equals value (string compare), or -1. */
  find(header: H, value: string): number {
    return this.findAll(header, value)[0] ?? -1;
  }

  /**
   * Every row whose cell equals `value` (string compare, after the trim staff may leave), in sheet
   * order. A lean table asks a TextFinder on that column (matchEntireCell; its default is case-
   * insensitive, so each match is checked again here) and reads only the rows it found.
   * `matches` replaces the exact compare (e.g. an email in any case); the TextFinder still finds
   * the candidates, so a cell that does not show `value` (case aside) is never found.
   */
  findAll(header: H, value: string, matches?: (cell: unknown) => boolean): number[] {
    const c = this.colOf(header);
    if (c < 0 || value === '') return [];
    const ok = matches ?? ((v: unknown) => sameText(v, value) || String(v ?? '').trim() === value);
    const out = new Set<number>();
    if (this.complete) {
      if (matches) {
        for (let i = 0; i < this.base; i++) if (matches(unquote(this.rows[i]?.[c]))) out.add(i);
      } else for (const i of this.columnIndex(c).get(value) ?? []) out.add(i);
    } else {
      const key = `${c}\u0000${value}`;
      let rows = this.found.get(key);
      if (!rows) {
        // The whole column (open-ended A1: no need to ask the last row), the header's hit dropped. Not
        // "X2:X": a sheet trimmed to its header row has no row 2, and Google refuses a range outside
        // the sheet ("The coordinates of the range are outside the dimensions of the sheet.").
        // Whole cells only: a value inside a longer text (C-42 in C-420) is no candidate to read.
        const letter = columnLetter(c + 1);
        const hits = this.sheet.getRange(`${letter}:${letter}`).createTextFinder(value).matchEntireCell(true).findAll();
        rows = hits.map((r) => r.getRow() - 2).filter((i) => i >= 0);
        this.found.set(key, rows);
      }
      this.load(rows, true);
      for (const i of rows) if (ok(unquote(this.rows[i]?.[c]))) out.add(i);
      // Rows this run changed to the value are not in the sheet yet.
      for (const [i, cols] of this.dirty) if (cols.has(c) && ok(unquote(this.rows[i]?.[c]))) out.add(i);
    }
    for (let j = 0; j < this.appended.length; j++) if (ok(unquote(this.appended[j][c]))) out.add(this.base + j);
    return [...out].sort((a, b) => a - b);
  }

  /**
   * Every row whose cell equals `value`, as findAll, for rows that lie close together (one session's
   * sign-ups, received within weeks of each other): the TextFinder's first and last match bound a
   * block, and the columns `cols` (with `header`) of that block are read, in one call (the whole rows
   * while the other columns cost less than one call); the rows of the block that match are the group.
   * A call costs what about 6,000 cells read cost (60 ms at 10 µs), so the block is read only while
   * it costs less than one call per row found; otherwise, or
   * should the block not hold exactly the matches the TextFinder counted (the sheet changed, or its
   * matches did not come in sheet order), the rows are found and read one by one as findAll does.
   */
  findGroup(header: H, value: string, cols: readonly H[]): number[] {
    const c = this.colOf(header);
    if (c < 0 || value === '') return [];
    if (this.complete) return this.findAll(header, value);
    const want = [c, ...cols.map((h) => this.colOf(h))].filter((x) => x >= 0);
    const c0 = Math.min(...want);
    const width = Math.max(...want) - c0 + 1;
    const letter = columnLetter(c + 1);
    // The whole column, as findAll (a sheet trimmed to its header row has no row 2); the header's hit dropped.
    let hits = this.sheet.getRange(`${letter}:${letter}`).createTextFinder(value).matchEntireCell(true).findAll();
    const ok = (v: unknown) => sameText(v, value) || String(v ?? '').trim() === value;
    const out = new Set<number>();
    let rows: number[] | null = null;
    let first = hits.length > 0 ? hits[0].getRow() - 2 : -1;
    if (first < 0 && hits.length > 0) {
      hits = hits.slice(1);
      first = hits.length > 0 ? hits[0].getRow() - 2 : -1;
    }
    if (hits.length > 0) {
      const r0 = first;
      const r1 = hits.length === 1 ? r0 : hits[hits.length - 1].getRow() - 2;
      const span = r1 - r0 + 1;
      if (r0 >= 0 && span >= hits.length && span * width <= GROUP_CELLS_PER_CALL * hits.length) {
        // Whole rows when the other columns cost less than a call: the rows are then held (a row
        // moved up needs no read of its own, and writes to adjacent rows go in one call).
        const full = Math.max(1, this.header.length);
        const whole = span * (full - width) <= GROUP_CELLS_PER_CALL;
        const from = whole ? 0 : c0;
        const values = this.sheet.getRange(r0 + 2, from + 1, span, whole ? full : width).getValues();
        // What the TextFinder matched: the whole cell, case aside (its default is case-insensitive).
        const lower = value.toLowerCase();
        const matched = values.filter((line) => String(line[c - from] ?? '').toLowerCase() === lower).length;
        if (matched === hits.length) {
          rows = [];
          values.forEach((line, k) => {
            const i = r0 + k;
            if (whole) {
              while (line.length < this.header.length) line.push('');
              this.rows[i] ??= line;
            }
            if (!ok(unquote(line[c - from]))) return;
            rows?.push(i);
            if (!whole && this.rows[i] === undefined) this.part.set(i, { c0, values: line });
          });
        }
      }
      if (rows === null) {
        rows = hits.map((r) => r.getRow() - 2).filter((i) => i >= 0);
        this.load(rows, true);
        rows = rows.filter((i) => ok(unquote(this.rows[i]?.[c])));
      }
    }
    // Rows this run holds or changed: as they are now (a held row wins over the block read).
    for (const i of rows ?? []) if (this.rows[i] === undefined || ok(unquote(this.rows[i]?.[c]))) out.add(i);
    for (const [i, cols2] of this.dirty) if (cols2.has(c) && ok(unquote(this.rows[i]?.[c]))) out.add(i);
    for (let j = 0; j < this.appended.length; j++) if (ok(unquote(this.appended[j][c]))) out.add(this.base + j);
    return [...out].sort((a, b) => a - b);
  }

  private columnIndex(c: number): Map<string, number[]> {
    let m = this.colIndex.get(c);
    if (!m) {
      m = new Map();
      for (let i = 0; i < this.base; i++) {
        const v = this.rows[i]?.[c];
        if (v === '' || v === null || v === undefined) continue;
        const key = String(unquote(v)).trim();
        const list = m.get(key) ?? [];
        list.push(i);
        m.set(key, list);
        // The raw text too, so a value that differs only by the trim is still found as before.
        if (String(v) !== key) m.set(String(v), [...(m.get(String(v)) ?? []), i]);
      }
      this.colIndex.set(c, m);
    }
    return m;
  }

  /** Every value of one column (one column read for a lean table): for a scan no index can answer. */
  column(header: H): unknown[] {
    const c = this.colOf(header);
    if (c < 0) return new Array(this.length).fill('');
    if (!this.complete && this.base > 0) {
      const values = this.sheet.getRange(2, c + 1, this.base, 1).getValues();
      return [...values.map((r, i) => unquote(this.rows[i] ? this.rows[i]?.[c] : r[0])), ...this.appended.map((r) => unquote(r[c]))];
    }
    const out: unknown[] = [];
    for (let i = 0; i < this.length; i++) out.push(unquote(this.row(i)[c]));
    return out;
  }

  /** Buffers a new row (headers the sheet lacks are left out). Returns its index. */
  append(row: Partial<Record<H, unknown>>): number {
    const line: unknown[] = new Array(this.header.length).fill('');
    for (const [h, v] of Object.entries(row)) {
      const c = this.colOf(h);
      if (c >= 0) line[c] = v;
    }
    this.appended.push(line);
    return this.base + this.appended.length - 1;
  }

  /**
   * Writes one row at once at the bottom of the sheet (Sheet.appendRow: "Appends a row to the
   * bottom of the current data region in the sheet", growing it as needed): for a log's line.
   */
  appendNow(row: Partial<Record<H, unknown>>): void {
    if (this.appended.length > 0) throw new Error('appendNow: rows are buffered; flush first');
    const line: unknown[] = new Array(this.header.length).fill('');
    for (const [h, v] of Object.entries(row)) {
      const c = this.colOf(h);
      if (c >= 0) line[c] = v;
    }
    this.sheet.appendRow(line.map(toCell));
    if (this.baseRows !== undefined) this.rows[this.baseRows++] = line;
    this.maxRows = undefined;
    this.colIndex.clear();
    this.found.clear();
  }

  /** Buffers a change of some cells of an existing (or just appended) row. */
  set(i: number, patch: Partial<Record<H, unknown>>): void {
    const line = this.row(i);
    // A row held and not appended is a sheet row (no need to ask the sheet its last row).
    const inSheet = this.rows[i] === line;
    for (const [h, v] of Object.entries(patch)) {
      const c = this.colOf(h);
      if (c < 0) continue;
      // A cell set to what it holds is not a change: nothing to write.
      if (inSheet && sameCell(line[c], v) && !this.dirty.get(i)?.has(c)) continue;
      line[c] = v;
      this.colIndex.delete(c);
      if (!inSheet) continue;
      const cols = this.dirty.get(i) ?? new Set<number>();
      cols.add(c);
      this.dirty.set(i, cols);
    }
  }

  /**
   * Writes what was buffered, never a value this run did not set over a cell staff may type into:
   * - cells of staff columns (判定, 審査メモ …): exactly the cells set; the same value in many
   *   cells goes in one RangeList.setValue ("Sets the value for each Range in the RangeList").
   * - cells of system columns: rectangles of adjacent set cells, which may span rows between them
   *   that this run holds (their values were read under the script lock, and only the system
   *   writes these columns, so what is written back there is what the sheet holds).
   * - appended rows: one setValues. Returns whether it wrote.
   */
  flush(): boolean {
    const wrote = this.dirty.size > 0 || this.appended.length > 0;
    if (this.dirty.size > 0) {
      const staff = new Map<number, Set<number>>();
      const system = new Map<number, Set<number>>();
      for (const [i, cols] of this.dirty) {
        for (const c of cols) {
          const into = this.staffCols.has(c) ? staff : system;
          const set = into.get(i) ?? new Set<number>();
          set.add(c);
          into.set(i, set);
        }
      }
      const held = (r: number) => this.rows[r] !== undefined;
      // Only the system's own declared columns: never a staff column, nor a column staff added; and
      // only while the cells written again cost less than the call saved (60 ms ≈ 3,000 cells at 20 µs).
      const systemOnly = (c0: number, c1: number) => {
        if ((c1 - c0 + 1) * system.size > BRIDGE_MAX_CELLS) return false;
        for (let c = c0; c <= c1; c++) if (this.staffCols.has(c) || !this.declared.has(this.header[c])) return false;
        return true;
      };
      for (const b of blocks(system, held, systemOnly)) this.writeBlock(b);
      this.writeStaffCells(staff);
      this.dirty.clear();
    }
    if (this.appended.length === 1 && !this.onGrow) {
      // One row to a sheet whose new rows need no formatting: appendRow, one call, growing the sheet itself.
      const line = this.appended[0];
      this.appended.length = 0;
      this.appendNow(Object.fromEntries(this.header.map((h, c) => [h, line[c]]).filter(([h]) => this.declared.has(h as string))) as Partial<Record<H, unknown>>);
    } else if (this.appended.length > 0) {
      const start = this.base + 2;
      const need = start + this.appended.length - 1;
      // (Only this run adds rows while it holds the lock: the number asked once stays true.)
      const max = (this.maxRows ??= this.sheet.getMaxRows());
      // Grow in steps of 500 so an append rarely needs the extra call.
      const grow = need > max;
      if (grow) {
        this.sheet.insertRowsAfter(max, need - max + 500);
        this.maxRows = need + 500;
      }
      this.sheet.getRange(start, 1, this.appended.length, Math.max(1, this.header.length)).setValues(this.appended.map((r) => r.map(toCell)));
      let at = this.base;
      for (const r of this.appended) this.rows[at++] = r;
      this.baseRows = at;
      this.appended.length = 0;
      this.colIndex.clear();
      if (grow) this.onGrow?.();
    }
    this.found.clear();
    return wrote;
  }

  private writeBlock(b: { r0: number; r1: number; c0: number; c1: number }): void {
    const values: unknown[][] = [];
    for (let r = b.r0; r <= b.r1; r++) values.push((this.rows[r] as unknown[]).slice(b.c0, b.c1 + 1).map(toCell));
    this.sheet.getRange(b.r0 + 2, b.c0 + 1, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1).setValues(values);
  }

  /** Staff-column cells: exact blocks, and one RangeList per value where a value repeats in scattered cells. */
  private writeStaffCells(cells: Map<number, Set<number>>): void {
    const exact = blocks(cells, () => false);
    if (exact.length <= 2) {
      for (const b of exact) this.writeBlock(b);
      return;
    }
    const byValue = new Map<string, { value: unknown; c: number; rows: number[] }>();
    for (const [i, cols] of cells) {
      for (const c of cols) {
        const value = toCell((this.rows[i] as unknown[])[c]);
        const key = `${c}\u0000${isDate(value) ? `d${value.getTime()}` : `${typeof value}:${String(value)}`}`;
        const g = byValue.get(key) ?? { value, c, rows: [] };
        g.rows.push(i);
        byValue.set(key, g);
      }
    }
    for (const g of byValue.values()) {
      const letter = columnLetter(g.c + 1);
      const a1 = runs(g.rows.sort((a, b) => a - b)).map(([r0, r1]) => (r0 === r1 ? `${letter}${r0 + 2}` : `${letter}${r0 + 2}:${letter}${r1 + 2}`));
      if (a1.length === 1) this.sheet.getRange(a1[0]).setValue(g.value);
      else this.sheet.getRangeList(a1).setValue(g.value);
    }
  }
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
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

/** Cells findGroup may read per row found instead of one call per row (60 ms per call ÷ 10 µs per cell read). */
const GROUP_CELLS_PER_CALL = 6000;

/** Cells a write may rewrite to save one call (60 ms per call ÷ 20 µs per cell written). */
const BRIDGE_MAX_CELLS = 3000;

/**
 * The set cells as rectangles: runs of adjacent columns in a row, stacked while the next row has
 * the same run, or (`bridge`) while every row in between may be written again as held.
 */
function blocks(
  dirty: Map<number, Set<number>>,
  bridge: (row: number) => boolean,
  bridgeCols: (c0: number, c1: number) => boolean = () => false,
): { r0: number; r1: number; c0: number; c1: number }[] {
  const out: { r0: number; r1: number; c0: number; c1: number }[] = [];
  const open = new Map<string, { r0: number; r1: number; c0: number; c1: number }>();
  // Rows between two written ones are written again only while that costs less than the call it
  // saves (60 ms ≈ 3,000 cells at 20 µs): a claim at row 5 and one at row 9,500 are two writes, not
  // 9,500 rows rewritten.
  const bridgeable = (from: number, to: number, width: number) => {
    if ((to - from) * width > BRIDGE_MAX_CELLS) return false;
    for (let r = from; r < to; r++) if (!bridge(r)) return false;
    return true;
  };
  for (const i of [...dirty.keys()].sort((a, b) => a - b)) {
    const rowRuns: [number, number][] = [];
    for (const run of runs([...(dirty.get(i) as Set<number>)].sort((a, b) => a - b))) {
      const prev = rowRuns[rowRuns.length - 1];
      // Columns between two runs may be written again as held, when the row is held and they may be.
      if (prev && bridge(i) && bridgeCols(prev[1] + 1, run[0] - 1)) prev[1] = run[1];
      else rowRuns.push(run);
    }
    for (const [c0, c1] of rowRuns) {
      const key = `${c0}:${c1}`;
      const b = open.get(key);
      if (b && (b.r1 === i - 1 || bridgeable(b.r1 + 1, i, c1 - c0 + 1))) b.r1 = i;
      else {
        const nb = { r0: i, r1: i, c0, c1 };
        out.push(nb);
        open.set(key, nb);
      }
    }
  }
  return out;
}
