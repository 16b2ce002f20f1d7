/** SpreadsheetApp: spreadsheets, sheets, ranges, validation, conditional formats, protections. */
import {
  type A1,
  type Cell,
  type CellValue,
  columnLetter,
  DEFAULT_NUMBER_FORMAT,
  displayValue,
  evaluateFormula,
  interpret,
  parseA1,
  serialOf,
} from './cells';
import { dateMs, Fake, fail, isDate } from './core';
import type { Env } from './env';
import { FakeUi, FakeUser } from './ui';

export const MAX_ROWS_DEFAULT = 1000;
export const MAX_COLS_DEFAULT = 26;
export const MAX_CELLS = 10_000_000;

const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
const DataValidationCriteria = {
  CHECKBOX: 'CHECKBOX',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

// ---------------------------------------------------------------- data validation

export class FakeDataValidation extends Fake {
  readonly _cls = 'DataValidation';
  constructor(
    readonly _type: string,
    readonly _values: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {
    super();
  }
  getCriteriaType() {
    return this._type;
  }
  getCriteriaValues() {
    return [...this._values];
  }
  getAllowInvalid() {
    return this._allowInvalid;
  }
  getHelpText() {
    return this._helpText;
  }
  copy() {
    const b = new FakeDataValidationBuilder();
    b._type = this._type;
    b._values = [...this._values];
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }
  /** Whether a user-typed value passes (used by runtime.editCell). */
  _accepts(v: CellValue, tz: string): boolean {
    if (v === '') return true;
    const vals = this._values;
    const num = typeof v === 'number' ? v : null;
    const ms = isDate(v) ? dateMs(v) : null;
    const dayMs = (d: unknown) => (isDate(d) ? dateMs(d) : Number.NaN);
    switch (this._type) {
      case 'VALUE_IN_LIST':
        return (vals[0] as unknown[]).some((x) => String(x) === displayValue({ v }, tz) || x === v);
      case 'CHECKBOX':
        return typeof v === 'boolean' || vals.some((x) => x === v);
      case 'NUMBER_BETWEEN':
        return num !== null && num >= Number(vals[0]) && num <= Number(vals[1]);
      case 'NUMBER_NOT_BETWEEN':
        return num !== null && (num < Number(vals[0]) || num > Number(vals[1]));
      case 'NUMBER_EQUAL_TO':
        return num === Number(vals[0]);
      case 'NUMBER_NOT_EQUAL_TO':
        return num !== null && num !== Number(vals[0]);
      case 'NUMBER_GREATER_THAN':
        return num !== null && num > Number(vals[0]);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return num !== null && num >= Number(vals[0]);
      case 'NUMBER_LESS_THAN':
        return num !== null && num < Number(vals[0]);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return num !== null && num <= Number(vals[0]);
      case 'DATE_IS_VALID_DATE':
        return ms !== null;
      case 'DATE_AFTER':
        return ms !== null && ms > dayMs(vals[0]);
      case 'DATE_ON_OR_AFTER':
        return ms !== null && ms >= dayMs(vals[0]);
      case 'DATE_BEFORE':
        return ms !== null && ms < dayMs(vals[0]);
      case 'DATE_ON_OR_BEFORE':
        return ms !== null && ms <= dayMs(vals[0]);
      case 'DATE_BETWEEN':
        return ms !== null && ms >= dayMs(vals[0]) && ms <= dayMs(vals[1]);
      case 'TEXT_CONTAINS':
        return String(v).includes(String(vals[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !String(v).includes(String(vals[0]));
      case 'TEXT_EQUAL_TO':
        return String(v) === String(vals[0]);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v));
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/\S+$/.test(String(v));
      default:
        return true;
    }
  }
}

export class FakeDataValidationBuilder extends Fake {
  readonly _cls = 'DataValidationBuilder';
  _type = '';
  _values: unknown[] = [];
  _allowInvalid = true;
  _helpText = '';
  private _set(type: string, values: unknown[]) {
    this._type = type;
    this._values = values;
    return this;
  }
  requireValueInList(values: unknown[], showDropdown?: boolean) {
    if (!Array.isArray(values)) fail('Invalid argument: values');
    return this._set('VALUE_IN_LIST', [[...values], showDropdown ?? true]);
  }
  requireValueInRange(range: FakeRange, showDropdown?: boolean) {
    return this._set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    return this._set('CHECKBOX', checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked]);
  }
  requireDate() {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date) {
    return this._set('DATE_AFTER', [d]);
  }
  requireDateBefore(d: Date) {
    return this._set('DATE_BEFORE', [d]);
  }
  requireDateOnOrAfter(d: Date) {
    return this._set('DATE_ON_OR_AFTER', [d]);
  }
  requireDateOnOrBefore(d: Date) {
    return this._set('DATE_ON_OR_BEFORE', [d]);
  }
  requireDateBetween(a: Date, b: Date) {
    return this._set('DATE_BETWEEN', [a, b]);
  }
  requireNumberBetween(a: number, b: number) {
    return this._set('NUMBER_BETWEEN', [a, b]);
  }
  requireNumberNotBetween(a: number, b: number) {
    return this._set('NUMBER_NOT_BETWEEN', [a, b]);
  }
  requireNumberEqualTo(n: number) {
    return this._set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number) {
    return this._set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number) {
    return this._set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextContains(s: string) {
    return this._set('TEXT_CONTAINS', [s]);
  }
  requireTextDoesNotContain(s: string) {
    return this._set('TEXT_DOES_NOT_CONTAIN', [s]);
  }
  requireTextEqualTo(s: string) {
    return this._set('TEXT_EQUAL_TO', [s]);
  }
  requireTextIsEmail() {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string) {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allow: boolean) {
    this._allowInvalid = !!allow;
    return this;
  }
  setHelpText(text: string) {
    this._helpText = String(text);
    return this;
  }
  getCriteriaType() {
    return this._type;
  }
  getCriteriaValues() {
    return [...this._values];
  }
  getAllowInvalid() {
    return this._allowInvalid;
  }
  getHelpText() {
    return this._helpText;
  }
  build() {
    if (!this._type) fail('You must specify a criteria for data validation.');
    return new FakeDataValidation(this._type, [...this._values], this._allowInvalid, this._helpText);
  }
}

// ---------------------------------------------------------------- conditional formats

export class FakeConditionalFormatRule extends Fake {
  readonly _cls = 'ConditionalFormatRule';
  constructor(
    readonly _condition: { type: string; values: unknown[] },
    readonly _format: Record<string, unknown>,
    readonly _ranges: FakeRange[],
  ) {
    super();
  }
  getRanges() {
    return [...this._ranges];
  }
  getBooleanCondition() {
    return new FakeBooleanCondition(this._condition, this._format);
  }
  getGradientCondition() {
    return null;
  }
  copy() {
    const b = new FakeConditionalFormatRuleBuilder();
    b._condition = { ...this._condition };
    b._format = { ...this._format };
    b._ranges = [...this._ranges];
    return b;
  }
}

export class FakeBooleanCondition extends Fake {
  readonly _cls = 'BooleanCondition';
  constructor(
    readonly _condition: { type: string; values: unknown[] },
    readonly _format: Record<string, unknown>,
  ) {
    super();
  }
  getCriteriaType() {
    return this._condition.type;
  }
  getCriteriaValues() {
    return [...this._condition.values];
  }
  getBackground() {
    return (this._format.background as string) ?? null;
  }
  getFontColor() {
    return (this._format.fontColor as string) ?? null;
  }
  getBold() {
    return (this._format.bold as boolean) ?? null;
  }
}

export class FakeConditionalFormatRuleBuilder extends Fake {
  readonly _cls = 'ConditionalFormatRuleBuilder';
  _condition: { type: string; values: unknown[] } | null = null;
  _format: Record<string, unknown> = {};
  _ranges: FakeRange[] = [];
  private _when(type: string, values: unknown[]) {
    this._condition = { type, values };
    return this;
  }
  whenFormulaSatisfied(formula: string) {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenTextContains(t: string) {
    return this._when('TEXT_CONTAINS', [t]);
  }
  whenTextDoesNotContain(t: string) {
    return this._when('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  whenTextEqualTo(t: string) {
    return this._when('TEXT_EQUAL_TO', [t]);
  }
  whenTextStartsWith(t: string) {
    return this._when('TEXT_STARTS_WITH', [t]);
  }
  whenTextEndsWith(t: string) {
    return this._when('TEXT_ENDS_WITH', [t]);
  }
  whenCellEmpty() {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number) {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberLessThan(n: number) {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberEqualTo(n: number) {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }
  setBackground(c: string | null) {
    this._format.background = c;
    return this;
  }
  setFontColor(c: string | null) {
    this._format.fontColor = c;
    return this;
  }
  setBold(b: boolean | null) {
    this._format.bold = b;
    return this;
  }
  setItalic(b: boolean | null) {
    this._format.italic = b;
    return this;
  }
  setStrikethrough(b: boolean | null) {
    this._format.strikethrough = b;
    return this;
  }
  setRanges(ranges: FakeRange[]) {
    if (!Array.isArray(ranges)) fail('Invalid argument: ranges');
    this._ranges = [...ranges];
    return this;
  }
  getRanges() {
    return [...this._ranges];
  }
  build() {
    if (!this._condition) fail('Conditional format rule must have a condition.');
    if (this._ranges.length === 0) fail('Conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(this._condition, { ...this._format }, [...this._ranges]);
  }
}

// ---------------------------------------------------------------- protection

export class FakeProtection extends Fake {
  readonly _cls = 'Protection';
  _description = '';
  _warningOnly = false;
  _editors: string[];
  _unprotected: FakeRange[] = [];
  _removed = false;
  _domainEdit = false;
  constructor(
    readonly _env: Env,
    readonly _sheet: FakeSheet,
    readonly _type: 'RANGE' | 'SHEET',
    readonly _range: FakeRange,
  ) {
    super();
    const owner = _sheet._ss._owner;
    const me = _env.exec.user || _env.effectiveUser;
    this._editors = [...new Set([owner, me].filter((x) => x))];
  }
  getProtectionType() {
    return this._type;
  }
  getRange() {
    return this._range;
  }
  getDescription() {
    return this._description;
  }
  setDescription(d: string) {
    this._description = String(d);
    return this;
  }
  isWarningOnly() {
    return this._warningOnly;
  }
  setWarningOnly(w: boolean) {
    this._warningOnly = !!w;
    return this;
  }
  getEditors() {
    return this._editors.map((e) => new FakeUser(e));
  }
  addEditor(e: string | FakeUser) {
    const email = typeof e === 'string' ? e : e.getEmail();
    if (!this._editors.includes(email)) this._editors.push(email);
    return this;
  }
  addEditors(list: string[]) {
    for (const e of list) this.addEditor(e);
    return this;
  }
  removeEditor(e: string | FakeUser) {
    return this.removeEditors([typeof e === 'string' ? e : e.getEmail()]);
  }
  removeEditors(list: (string | FakeUser)[]) {
    const keep = new Set([this._sheet._ss._owner, this._env.exec.user || this._env.effectiveUser]);
    const drop = new Set(list.map((e) => (typeof e === 'string' ? e : e.getEmail())));
    this._editors = this._editors.filter((e) => keep.has(e) || !drop.has(e));
    return this;
  }
  canEdit() {
    const me = this._env.exec.user || this._env.effectiveUser;
    return this._editors.includes(me) || me === this._sheet._ss._owner;
  }
  canDomainEdit() {
    return this._domainEdit;
  }
  setDomainEdit(b: boolean) {
    this._domainEdit = !!b;
    return this;
  }
  setUnprotectedRanges(ranges: FakeRange[]) {
    if (this._type !== 'SHEET') fail('Unprotected ranges can only be set on sheet protections.');
    this._unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges() {
    return [...this._unprotected];
  }
  remove() {
    this._removed = true;
    const list = this._sheet._protections;
    const i = list.indexOf(this);
    if (i >= 0) list.splice(i, 1);
  }
  /** Whether the user may type into row/col. */
  _allows(user: string, row: number, col: number): boolean {
    if (this._warningOnly || this._editors.includes(user) || user === this._sheet._ss._owner) return true;
    if (!this._range._contains(row, col)) return true;
    return this._unprotected.some((r) => r._contains(row, col));
  }
}

// ---------------------------------------------------------------- SpreadsheetApp

export class FakeSpreadsheetApp extends Fake {
  readonly _cls = 'SpreadsheetApp';
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = {
    CELL_EMPTY: 'CELL_EMPTY',
    CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
    CUSTOM_FORMULA: 'CUSTOM_FORMULA',
    TEXT_CONTAINS: 'TEXT_CONTAINS',
    TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  constructor(readonly _env: Env) {
    super();
  }
  _all(): Map<string, FakeSpreadsheet> {
    return this._env.spreadsheets as Map<string, FakeSpreadsheet>;
  }
  _create(name: string): FakeSpreadsheet {
    const id = this._env.nextId('ss');
    const ss = new FakeSpreadsheet(this._env, id, name);
    this._all().set(id, ss);
    return ss;
  }
  create(name: string, rows?: number, columns?: number) {
    const ss = this._create(String(name));
    if (rows !== undefined) ss._sheets[0]._maxRows = rows;
    if (columns !== undefined) ss._sheets[0]._maxCols = columns;
    return ss;
  }
  getActiveSpreadsheet() {
    const id = this._env.boundSpreadsheetId;
    return id ? (this._all().get(id) ?? null) : null;
  }
  getActive() {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet() {
    const ss = this.getActiveSpreadsheet();
    return ss ? ss.getActiveSheet() : null;
  }
  openById(id: string) {
    const ss = this._all().get(String(id));
    if (!ss) fail('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return ss;
  }
  openByUrl(url: string) {
    const m = /\/spreadsheets\/d\/([^/?#]+)/.exec(String(url));
    const ss = m ? this._all().get(m[1]) : undefined;
    if (!ss) fail('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return ss;
  }
  flush() {}
  getUi() {
    if (this._env.exec.kind !== 'ui') fail('Cannot call SpreadsheetApp.getUi() from this context.');
    return new FakeUi(this._env);
  }
  newDataValidation() {
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule() {
    return new FakeConditionalFormatRuleBuilder();
  }
}

// ---------------------------------------------------------------- Spreadsheet

let nextSheetId = 1;

export class FakeSpreadsheet extends Fake {
  readonly _cls = 'Spreadsheet';
  _sheets: FakeSheet[] = [];
  _tz = 'Asia/Tokyo';
  _locale = 'ja_JP';
  _active: FakeSheet;
  _owner: string;
  constructor(
    readonly _env: Env,
    readonly _id: string,
    public _name: string,
  ) {
    super();
    this._owner = _env.effectiveUser;
    const first = new FakeSheet(_env, this, 'Sheet1', 0);
    this._sheets.push(first);
    this._active = first;
  }
  getId() {
    return this._id;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getName() {
    return this._name;
  }
  rename(name: string) {
    this._name = String(name);
  }
  getSheets() {
    return [...this._sheets];
  }
  getNumSheets() {
    return this._sheets.length;
  }
  getSheetByName(name: string) {
    return this._sheets.find((s) => s._name === String(name)) ?? null;
  }
  getSheetById(id: number) {
    return this._sheets.find((s) => s._sheetId === id) ?? null;
  }
  getActiveSheet() {
    return this._active;
  }
  setActiveSheet(sheet: FakeSheet) {
    this._active = sheet;
    return sheet;
  }
  insertSheet(a?: unknown, b?: unknown) {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this.getSheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.getSheetByName(name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._checkCells(MAX_ROWS_DEFAULT * MAX_COLS_DEFAULT);
    const sheet = new FakeSheet(this._env, this, name, nextSheetId++ * 1000003);
    const at = index === undefined ? this._sheets.indexOf(this._active) + 1 : Math.max(0, Math.min(index, this._sheets.length));
    this._sheets.splice(at, 0, sheet);
    this._active = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
    const i = this._sheets.indexOf(sheet);
    if (i < 0) fail('Sheet not found');
    if (this._sheets.length === 1) fail("You can't remove all the sheets in a document.");
    this._sheets.splice(i, 1);
    if (this._active === sheet) this._active = this._sheets[0];
  }
  /**
   * A spreadsheet holds at most 10 million cells (every sheet's getMaxRows() x getMaxColumns()); an
   * action that would pass it is refused with Google's "This action would increase the number of cells
   * in the workbook above the limit of 10000000 cells."
   */
  _checkCells(adding: number): void {
    const cells = this._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
    if (cells + adding > MAX_CELLS) fail(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
  }
  getSpreadsheetTimeZone() {
    return this._tz;
  }
  setSpreadsheetTimeZone(tz: string) {
    this._tz = String(tz);
  }
  getSpreadsheetLocale() {
    return this._locale;
  }
  setSpreadsheetLocale(l: string) {
    this._locale = String(l);
  }
  toast(message: string, title?: string, _timeoutSeconds?: number) {
    this._env.ui.toasts.push({ message: String(message), title: title === undefined ? '' : String(title) });
  }
  getRange(a1: string) {
    const p = parseA1(String(a1));
    if (!p) fail(`Range not found`);
    const sheet = p.sheet === undefined ? this._active : this.getSheetByName(p.sheet);
    if (!sheet) fail(`Range not found`);
    return sheet._rangeFromA1(p);
  }
  getRangeByName(_name: string) {
    return null;
  }
  getProtections(type: string) {
    return this._sheets.flatMap((s) => s.getProtections(type));
  }
  getOwner() {
    return new FakeUser(this._owner);
  }
  getEditors() {
    return [new FakeUser(this._owner)];
  }
  addEditor(_e: string) {
    return this;
  }
  getSheetValues(r: number, c: number, nr: number, nc: number) {
    return this._active.getSheetValues(r, c, nr, nc);
  }

  // -- the user's selection (set by rt.select): what a menu run or a sidebar call sees
  _selection: FakeRange[] = [];
  /** "Returns the selected range in the active sheet, or null if there is no active range." */
  getActiveRange() {
    const sel = this._selection.filter((r) => r._sheet === this._active);
    return sel.length > 0 ? sel[sel.length - 1] : null;
  }
  /** "Returns the list of active ranges in the active sheet or null if there are no active ranges." */
  getActiveRangeList() {
    const sel = this._selection.filter((r) => r._sheet === this._active);
    return sel.length > 0 ? new FakeRangeList(sel) : null;
  }
}

// ---------------------------------------------------------------- Sheet

export class FakeSheet extends Fake {
  readonly _cls = 'Sheet';
  _grid: (Cell | undefined)[][] = [];
  _maxRows = MAX_ROWS_DEFAULT;
  _maxCols = MAX_COLS_DEFAULT;
  _frozenRows = 0;
  _frozenCols = 0;
  _hiddenCols = new Set<number>();
  _hiddenRows = new Set<number>();
  _colWidths = new Map<number, number>();
  _protections: FakeProtection[] = [];
  _cfRules: FakeConditionalFormatRule[] = [];
  _tabColor: string | null = null;
  _hidden = false;
  constructor(
    readonly _env: Env,
    readonly _ss: FakeSpreadsheet,
    public _name: string,
    readonly _sheetId: number,
  ) {
    super();
  }
  _cell(row: number, col: number): Cell | undefined {
    return this._grid[row - 1]?.[col - 1];
  }
  /**
   * A range must lie inside the sheet's grid (getMaxRows() x getMaxColumns()): Google refuses one that
   * does not, for reads and writes alike, with "The coordinates of the range are outside the dimensions
   * of the sheet." (the exception text of Sheet.getRange / Range.offset past the last row or column;
   * the reference has no sentence for it: the text was looked up in public Apps Script execution logs
   * and in an error-normalising library's table of Google's own messages, next to "Range not found").
   * Only appendRow and insertRows…/insertColumns… grow the grid.
   */
  _checkInside(row: number, col: number, numRows: number, numCols: number): void {
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  _cellForWrite(row: number, col: number): Cell {
    // A range made before rows were deleted may now reach past the grid: Google does not grow the sheet.
    this._checkInside(row, col, 1, 1);
    let r = this._grid[row - 1];
    if (!r) {
      r = [];
      this._grid[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = { v: '' };
      r[col - 1] = c;
    }
    return c;
  }
  /** Writes a value as setValue does (strings parsed as typed). */
  _write(row: number, col: number, input: unknown): void {
    const c = this._cellForWrite(row, col);
    const r = interpret(input, c.fmt, this._ss._tz, evaluateFormula, this._env.clock.nowMs());
    c.v = r.v;
    c.f = r.f;
    c.auto = r.auto;
  }
  _rangeFromA1(p: A1): FakeRange {
    const lastRow = p.lastRow ?? this._maxRows;
    const lastCol = p.lastCol ?? this._maxCols;
    // "A1001" on a 1000-row sheet, or "A1001:C" (open end before its start), is outside the grid.
    this._checkInside(p.row, p.col, Math.max(1, lastRow - p.row + 1), Math.max(1, lastCol - p.col + 1));
    return new FakeRange(this._env, this, p.row, p.col, lastRow - p.row + 1, lastCol - p.col + 1);
  }
  getName() {
    return this._name;
  }
  setName(name: string) {
    const n = String(name);
    if (this._ss._sheets.some((s) => s !== this && s._name === n)) fail(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this._name = n;
    return this;
  }
  getSheetId() {
    return this._sheetId;
  }
  getSheetName() {
    return this._name;
  }
  getIndex() {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getParent() {
    return this._ss;
  }
  getRange(a: unknown, col?: unknown, numRows?: unknown, numCols?: unknown) {
    if (typeof a === 'string' && col === undefined) {
      const p = parseA1(a);
      if (!p || p.sheet !== undefined) fail('Range not found');
      return this._rangeFromA1(p);
    }
    const row = Number(a);
    const c = Number(col);
    if (Number.isNaN(row) || Number.isNaN(c)) fail('Range not found');
    if (row < 1) fail('The starting row of the range is too small.');
    if (c < 1) fail('The starting column of the range is too small.');
    const nr = numRows === undefined ? 1 : Number(numRows);
    const nc = numCols === undefined ? 1 : Number(numCols);
    if (nr < 1) fail('The number of rows in the range must be at least 1.');
    if (nc < 1) fail('The number of columns in the range must be at least 1.');
    this._checkInside(Math.floor(row), Math.floor(c), Math.floor(nr), Math.floor(nc));
    return new FakeRange(this._env, this, Math.floor(row), Math.floor(c), Math.floor(nr), Math.floor(nc));
  }
  getDataRange() {
    return new FakeRange(this._env, this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /** Sheet.getRangeList(a1Notations): the ranges of a non-empty list of A1 notations in this sheet. */
  getRangeList(a1Notations: string[]) {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) fail('The parameters (number[]) don\'t match the method signature for SpreadsheetApp.Sheet.getRangeList.');
    return new FakeRangeList(a1Notations.map((a1) => this.getRange(String(a1)) as FakeRange));
  }
  getSheetValues(r: number, c: number, nr: number, nc: number) {
    const rows = nr === -1 ? Math.max(1, this.getLastRow() - r + 1) : nr;
    const cols = nc === -1 ? Math.max(1, this.getLastColumn() - c + 1) : nc;
    return this.getRange(r, c, rows, cols).getValues();
  }
  getLastRow() {
    for (let r = this._grid.length; r >= 1; r--) {
      const row = this._grid[r - 1];
      if (row?.some((c) => c && (c.v !== '' || c.f))) return r;
    }
    return 0;
  }
  getLastColumn() {
    let last = 0;
    for (const row of this._grid) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell && (cell.v !== '' || cell.f)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  getMaxRows() {
    return this._maxRows;
  }
  getMaxColumns() {
    return this._maxCols;
  }
  appendRow(values: unknown[]) {
    if (!Array.isArray(values)) fail('Invalid argument: rowContents');
    const row = this.getLastRow() + 1;
    // A row past a protected sheet's end is still the protected sheet: refused like setValues.
    if (values.length > 0) new FakeRange(this._env, this, row, 1, 1, values.length)._checkProtected();
    this._env.meter.write(values.length);
    // appendRow grows the sheet ("Appends a row to the bottom of the current data region in the sheet"):
    // a row past the last one, or more values than columns, adds them.
    const rows = Math.max(row, this._maxRows);
    const cols = Math.max(values.length, this._maxCols);
    this._ss._checkCells(rows * cols - this._maxRows * this._maxCols);
    this._maxRows = rows;
    this._maxCols = cols;
    values.forEach((v, i) => {
      this._write(row, i + 1, v);
    });
    return this;
  }
  insertRowsAfter(after: number, howMany: number) {
    if (after < 1 || after > this._maxRows) fail('Those rows are out of bounds.');
    this._ss._checkCells(howMany * this._maxCols);
    this._grid.splice(after, 0, ...new Array(howMany).fill(undefined));
    this._maxRows += howMany;
    return this;
  }
  insertRowAfter(after: number) {
    return this.insertRowsAfter(after, 1);
  }
  insertRowsBefore(before: number, howMany: number) {
    if (before < 1 || before > this._maxRows) fail('Those rows are out of bounds.');
    this._ss._checkCells(howMany * this._maxCols);
    this._grid.splice(before - 1, 0, ...new Array(howMany).fill(undefined));
    this._maxRows += howMany;
    return this;
  }
  insertRowBefore(before: number) {
    return this.insertRowsBefore(before, 1);
  }
  insertRows(before: number, howMany = 1) {
    this.insertRowsBefore(before, howMany);
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after < 1 || after > this._maxCols) fail('Those columns are out of bounds.');
    this._ss._checkCells(howMany * this._maxRows);
    for (const row of this._grid) if (row) row.splice(after, 0, ...new Array(howMany).fill(undefined));
    this._maxCols += howMany;
    return this;
  }
  insertColumnAfter(after: number) {
    return this.insertColumnsAfter(after, 1);
  }
  deleteRows(pos: number, howMany: number) {
    if (pos < 1 || howMany < 1 || pos + howMany - 1 > this._maxRows) fail('Those rows are out of bounds.');
    if (howMany >= this._maxRows) fail("You can't delete all the rows on the sheet.");
    // A sheet keeps at least one row below its frozen ones: Sheets refuses the rest with "Sorry, it is
    // not possible to delete all non-frozen rows." (looked up: the text scripts meet from
    // Sheet.deleteRows and the Sheets API alike; the reference has no sentence for it).
    if (this._maxRows - howMany <= this._frozenRows) fail('Sorry, it is not possible to delete all non-frozen rows.');
    this._grid.splice(pos - 1, howMany);
    this._maxRows -= howMany;
  }
  deleteRow(pos: number) {
    this.deleteRows(pos, 1);
    return this;
  }
  deleteColumns(pos: number, howMany: number) {
    if (pos < 1 || howMany < 1 || pos + howMany - 1 > this._maxCols) fail('Those columns are out of bounds.');
    for (const row of this._grid) if (row) row.splice(pos - 1, howMany);
    this._maxCols -= howMany;
  }
  deleteColumn(pos: number) {
    this.deleteColumns(pos, 1);
    return this;
  }
  /** Sheets cannot freeze every row: "You can't freeze all visible rows on the sheet." (a header-only grid). */
  setFrozenRows(n: number) {
    if (n >= this._maxRows) fail("You can't freeze all visible rows on the sheet.");
    this._frozenRows = n;
  }
  getFrozenRows() {
    return this._frozenRows;
  }
  setFrozenColumns(n: number) {
    this._frozenCols = n;
  }
  getFrozenColumns() {
    return this._frozenCols;
  }
  hideColumns(col: number, num = 1) {
    for (let c = col; c < col + num; c++) this._hiddenCols.add(c);
  }
  hideColumn(range: FakeRange) {
    this.hideColumns(range._col, range._nc);
  }
  showColumns(col: number, num = 1) {
    for (let c = col; c < col + num; c++) this._hiddenCols.delete(c);
  }
  unhideColumn(range: FakeRange) {
    this.showColumns(range._col, range._nc);
  }
  isColumnHiddenByUser(col: number) {
    return this._hiddenCols.has(col);
  }
  hideRows(row: number, num = 1) {
    for (let r = row; r < row + num; r++) this._hiddenRows.add(r);
  }
  showRows(row: number, num = 1) {
    for (let r = row; r < row + num; r++) this._hiddenRows.delete(r);
  }
  isRowHiddenByUser(row: number) {
    return this._hiddenRows.has(row);
  }
  setColumnWidth(col: number, width: number) {
    this._colWidths.set(col, width);
    return this;
  }
  setColumnWidths(col: number, num: number, width: number) {
    for (let c = col; c < col + num; c++) this._colWidths.set(c, width);
    return this;
  }
  getColumnWidth(col: number) {
    return this._colWidths.get(col) ?? 100;
  }
  autoResizeColumns(_start: number, _num: number) {
    return this;
  }
  autoResizeColumn(_col: number) {
    return this;
  }
  setRowHeight(_row: number, _h: number) {
    return this;
  }
  protect() {
    const p = new FakeProtection(this._env, this, 'SHEET', new FakeRange(this._env, this, 1, 1, this._maxRows, this._maxCols));
    this._protections.push(p);
    return p;
  }
  getProtections(type: string) {
    if (type !== 'RANGE' && type !== 'SHEET') fail('Invalid argument: type');
    return this._protections.filter((p) => p._type === type);
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]) {
    if (!Array.isArray(rules)) fail('Invalid argument: rules');
    // Google's text (as its error tables list it): a rule's ranges must be on the sheet it is set on.
    if (rules.some((r) => r._ranges.some((g) => g._sheet !== this))) fail('Conditional format rule cannot reference a different sheet.');
    this._cfRules = [...rules];
  }
  getConditionalFormatRules() {
    return [...this._cfRules];
  }
  clearConditionalFormatRules() {
    this._cfRules = [];
  }
  clear(options?: Record<string, boolean>) {
    new FakeRange(this._env, this, 1, 1, this._maxRows, this._maxCols).clear(options);
    return this;
  }
  clearContents() {
    new FakeRange(this._env, this, 1, 1, this._maxRows, this._maxCols).clearContent();
    return this;
  }
  clearFormats() {
    new FakeRange(this._env, this, 1, 1, this._maxRows, this._maxCols).clearFormat();
    return this;
  }
  setTabColor(color: string | null) {
    this._tabColor = color;
    return this;
  }
  getTabColor() {
    return this._tabColor;
  }
  activate() {
    this._ss._active = this;
    return this;
  }
  hideSheet() {
    if (this._ss._sheets.filter((s) => !s._hidden).length <= 1) fail("You can't hide all the sheets in a document.");
    this._hidden = true;
    return this;
  }
  showSheet() {
    this._hidden = false;
    return this;
  }
  isSheetHidden() {
    return this._hidden;
  }
  createTextFinder(text: string) {
    return new FakeTextFinder(new FakeRange(this._env, this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())), String(text));
  }
}

// ---------------------------------------------------------------- Range

type Grid<T> = T[][];

function shape(values: unknown, nr: number, nc: number): unknown[][] {
  if (!Array.isArray(values)) fail('The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
  if (values.length !== nr) fail(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${nr}.`);
  for (const row of values) {
    if (!Array.isArray(row)) fail("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
    if (row.length !== nc) fail(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${nc}.`);
    for (const cell of row) checkCellLength(cell);
  }
  return values as unknown[][];
}

/** Sheets holds at most 50,000 characters in a cell; a longer string is refused, not cut. */
const MAX_CELL_CHARS = 50000;
function checkCellLength(v: unknown): void {
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
    fail(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
}

export class FakeRange extends Fake {
  readonly _cls = 'Range';
  constructor(
    readonly _env: Env,
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {
    super();
  }
  _contains(row: number, col: number): boolean {
    return row >= this._row && row < this._row + this._nr && col >= this._col && col < this._col + this._nc;
  }
  _map<T>(fn: (cell: Cell | undefined, r: number, c: number) => T): Grid<T> {
    const out: Grid<T> = [];
    for (let r = 0; r < this._nr; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._nc; c++) row.push(fn(this._sheet._cell(this._row + r, this._col + c), this._row + r, this._col + c));
      out.push(row);
    }
    return out;
  }
  _each(fn: (cell: Cell, r: number, c: number) => void): void {
    for (let r = 0; r < this._nr; r++) {
      for (let c = 0; c < this._nc; c++) fn(this._sheet._cellForWrite(this._row + r, this._col + c), r, c);
    }
  }
  /** Only visits cells that exist (for clearing). */
  _eachExisting(fn: (cell: Cell) => void): void {
    const g = this._sheet._grid;
    const lastRow = Math.min(g.length, this._row + this._nr - 1);
    for (let r = this._row; r <= lastRow; r++) {
      const row = g[r - 1];
      if (!row) continue;
      const lastCol = Math.min(row.length, this._col + this._nc - 1);
      for (let c = this._col; c <= lastCol; c++) {
        const cell = row[c - 1];
        if (cell) fn(cell);
      }
    }
  }
  _value(cell: Cell | undefined): CellValue {
    if (!cell) return '';
    return isDate(cell.v) ? new Date(dateMs(cell.v)) : cell.v;
  }
  getValues() {
    this._env.meter.read(this._nr * this._nc);
    return this._map((c) => this._value(c));
  }
  getValue() {
    this._env.meter.read(1);
    return this._value(this._sheet._cell(this._row, this._col));
  }
  getDisplayValues() {
    this._env.meter.read(this._nr * this._nc);
    const tz = this._sheet._ss._tz;
    return this._map((c) => displayValue(c, tz));
  }
  getDisplayValue() {
    this._env.meter.read(1);
    return displayValue(this._sheet._cell(this._row, this._col), this._sheet._ss._tz);
  }
  /**
   * A script writes with the rights of the account it runs as: a protected (not warning-only) range it
   * may not edit refuses the write, with the message Google gives.
   */
  _checkProtected(): void {
    const user = this._env.exec.user || this._env.effectiveUser;
    for (let r = 0; r < this._nr; r++) {
      for (let c = 0; c < this._nc; c++) {
        if (this._sheet._protections.some((p) => !p._allows(user, this._row + r, this._col + c))) {
          fail('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
        }
      }
    }
  }
  setValues(values: unknown[][]) {
    const v = shape(values, this._nr, this._nc);
    this._checkProtected();
    this._env.meter.write(this._nr * this._nc);
    for (let r = 0; r < this._nr; r++) for (let c = 0; c < this._nc; c++) this._sheet._write(this._row + r, this._col + c, v[r][c]);
    return this;
  }
  setValue(value: unknown) {
    checkCellLength(value);
    this._checkProtected();
    this._env.meter.write(this._nr * this._nc);
    for (let r = 0; r < this._nr; r++) for (let c = 0; c < this._nc; c++) this._sheet._write(this._row + r, this._col + c, value);
    return this;
  }
  getFormulas() {
    this._env.meter.read(this._nr * this._nc);
    return this._map((c) => c?.f ?? '');
  }
  getFormula() {
    return this._sheet._cell(this._row, this._col)?.f ?? '';
  }
  setFormula(formula: string) {
    const f = String(formula);
    this._each((cell) => {
      cell.f = f.startsWith('=') ? f : undefined;
      cell.v = f.startsWith('=') ? evaluateFormula(f) : f;
      cell.auto = undefined;
    });
    return this;
  }
  setFormulas(formulas: string[][]) {
    const v = shape(formulas, this._nr, this._nc);
    this._each((cell, r, c) => {
      const f = String(v[r][c] ?? '');
      cell.f = f.startsWith('=') ? f : undefined;
      cell.v = f.startsWith('=') ? evaluateFormula(f) : f;
    });
    return this;
  }
  getRow() {
    return this._row;
  }
  getRowIndex() {
    return this._row;
  }
  getColumn() {
    return this._col;
  }
  getColumnIndex() {
    return this._col;
  }
  getNumRows() {
    return this._nr;
  }
  getNumColumns() {
    return this._nc;
  }
  getLastRow() {
    return this._row + this._nr - 1;
  }
  getLastColumn() {
    return this._col + this._nc - 1;
  }
  getHeight() {
    return this._nr;
  }
  getWidth() {
    return this._nc;
  }
  getA1Notation() {
    const a = `${columnLetter(this._col)}${this._row}`;
    if (this._nr === 1 && this._nc === 1) return a;
    return `${a}:${columnLetter(this._col + this._nc - 1)}${this._row + this._nr - 1}`;
  }
  getSheet() {
    return this._sheet;
  }
  getCell(row: number, col: number) {
    if (row < 1 || col < 1 || row > this._nr || col > this._nc) fail('Cell reference out of range');
    return new FakeRange(this._env, this._sheet, this._row + row - 1, this._col + col - 1, 1, 1);
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number) {
    const row = this._row + rowOffset;
    const col = this._col + colOffset;
    if (row < 1) fail('The starting row of the range is too small.');
    if (col < 1) fail('The starting column of the range is too small.');
    const nr = numRows ?? this._nr;
    const nc = numCols ?? this._nc;
    if (nr < 1) fail('The number of rows in the range must be at least 1.');
    if (nc < 1) fail('The number of columns in the range must be at least 1.');
    this._sheet._checkInside(row, col, nr, nc);
    return new FakeRange(this._env, this._sheet, row, col, nr, nc);
  }
  isBlank() {
    return this._map((c) => c).every((row) => row.every((c) => !c || (c.v === '' && !c.f)));
  }
  setNumberFormat(fmt: string) {
    this._each((c) => {
      c.fmt = String(fmt);
    });
    return this;
  }
  setNumberFormats(fmts: string[][]) {
    const v = shape(fmts, this._nr, this._nc);
    this._each((c, r, k) => {
      c.fmt = String(v[r][k]);
    });
    return this;
  }
  getNumberFormat() {
    return this._sheet._cell(this._row, this._col)?.fmt ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats() {
    return this._map((c) => c?.fmt ?? DEFAULT_NUMBER_FORMAT);
  }
  setDataValidation(rule: FakeDataValidation | null) {
    this._each((c) => {
      c.dv = rule ?? undefined;
    });
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]) {
    const v = shape(rules, this._nr, this._nc) as (FakeDataValidation | null)[][];
    this._each((c, r, k) => {
      c.dv = v[r][k] ?? undefined;
    });
    return this;
  }
  getDataValidation() {
    return (this._sheet._cell(this._row, this._col)?.dv as FakeDataValidation | undefined) ?? null;
  }
  getDataValidations() {
    return this._map((c) => (c?.dv as FakeDataValidation | undefined) ?? null);
  }
  clearDataValidations() {
    this._eachExisting((c) => {
      c.dv = undefined;
    });
    return this;
  }
  setFontWeight(w: string | null) {
    this._each((c) => {
      c.fontWeight = w ?? undefined;
    });
    return this;
  }
  setFontWeights(ws: (string | null)[][]) {
    const v = shape(ws, this._nr, this._nc) as (string | null)[][];
    this._each((c, r, k) => {
      c.fontWeight = v[r][k] ?? undefined;
    });
    return this;
  }
  getFontWeight() {
    return this._sheet._cell(this._row, this._col)?.fontWeight ?? 'normal';
  }
  setFontSize(n: number) {
    this._each((c) => {
      c.fontSize = n;
    });
    return this;
  }
  setFontStyle(_s: string | null) {
    return this;
  }
  setFontFamily(_s: string | null) {
    return this;
  }
  setFontLine(_s: string | null) {
    return this;
  }
  setBackground(color: string | null) {
    this._each((c) => {
      c.bg = color ?? undefined;
    });
    return this;
  }
  setBackgrounds(colors: (string | null)[][]) {
    const v = shape(colors, this._nr, this._nc) as (string | null)[][];
    this._each((c, r, k) => {
      c.bg = v[r][k] ?? undefined;
    });
    return this;
  }
  getBackground() {
    return this._sheet._cell(this._row, this._col)?.bg ?? '#ffffff';
  }
  getBackgrounds() {
    return this._map((c) => c?.bg ?? '#ffffff');
  }
  setFontColor(color: string | null) {
    this._each((c) => {
      c.fontColor = color ?? undefined;
    });
    return this;
  }
  getFontColor() {
    return this._sheet._cell(this._row, this._col)?.fontColor ?? '#000000';
  }
  setWrap(w: boolean) {
    this._each((c) => {
      c.wrap = !!w;
    });
    return this;
  }
  getWrap() {
    return this._sheet._cell(this._row, this._col)?.wrap ?? false;
  }
  setWrapStrategy(_s: unknown) {
    return this;
  }
  setHorizontalAlignment(a: string | null) {
    this._each((c) => {
      c.hAlign = a ?? undefined;
    });
    return this;
  }
  getHorizontalAlignment() {
    return this._sheet._cell(this._row, this._col)?.hAlign ?? 'general';
  }
  setVerticalAlignment(a: string | null) {
    this._each((c) => {
      c.vAlign = a ?? undefined;
    });
    return this;
  }
  setBorder(..._args: unknown[]) {
    return this;
  }
  setNote(note: string | null) {
    this._each((c) => {
      c.note = note ? String(note) : undefined;
    });
    return this;
  }
  setNotes(notes: (string | null)[][]) {
    const v = shape(notes, this._nr, this._nc) as (string | null)[][];
    this._each((c, r, k) => {
      c.note = v[r][k] ? String(v[r][k]) : undefined;
    });
    return this;
  }
  getNote() {
    return this._sheet._cell(this._row, this._col)?.note ?? '';
  }
  getNotes() {
    return this._map((c) => c?.note ?? '');
  }
  clearNote() {
    this._eachExisting((c) => {
      c.note = undefined;
    });
    return this;
  }
  clearContent() {
    this._eachExisting((c) => {
      c.v = '';
      c.f = undefined;
      c.auto = undefined;
    });
    return this;
  }
  clearFormat() {
    this._eachExisting((c) => {
      c.fmt = undefined;
      c.bg = undefined;
      c.fontColor = undefined;
      c.fontWeight = undefined;
      c.fontSize = undefined;
      c.wrap = undefined;
      c.hAlign = undefined;
      c.vAlign = undefined;
    });
    return this;
  }
  clear(options?: Record<string, boolean>) {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this;
  }
  protect() {
    const p = new FakeProtection(this._env, this._sheet, 'RANGE', this);
    this._sheet._protections.push(p);
    return p;
  }
  activate() {
    this._sheet._ss._active = this._sheet;
    return this;
  }
  createTextFinder(text: string) {
    return new FakeTextFinder(this, String(text));
  }
  /** Checkbox helpers (insertCheckboxes sets the validation and FALSE). */
  insertCheckboxes() {
    const rule = new FakeDataValidation('CHECKBOX', [], true, '');
    this._each((c) => {
      c.dv = rule;
      if (c.v === '') c.v = false;
    });
    return this;
  }
  /** Serial number helper used by event objects (not a Range method on Google). */
  _serial(v: CellValue): string {
    if (isDate(v)) return String(serialOf(dateMs(v), this._sheet._ss._tz));
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }
}

// ---------------------------------------------------------------- RangeList

export class FakeRangeList extends Fake {
  readonly _cls = 'RangeList';
  constructor(readonly _ranges: FakeRange[]) {
    super();
  }
  getRanges() {
    return [...this._ranges];
  }
  /** "Sets the value for each Range in the RangeList." */
  setValue(value: unknown) {
    for (const r of this._ranges) r.setValue(value);
    return this;
  }
  /** "Clears the content of each Range in the RangeList, leaving the formatting intact." */
  clearContent() {
    for (const r of this._ranges) r._eachExisting((c) => {
      c.v = '';
      c.f = undefined;
    });
    return this;
  }
}

// ---------------------------------------------------------------- TextFinder

export class FakeTextFinder extends Fake {
  readonly _cls = 'TextFinder';
  _entire = false;
  _case = false;
  _pos = -1;
  constructor(
    readonly _range: FakeRange,
    readonly _text: string,
  ) {
    super();
  }
  matchEntireCell(b: boolean) {
    this._entire = !!b;
    return this;
  }
  matchCase(b: boolean) {
    this._case = !!b;
    return this;
  }
  _matches(): FakeRange[] {
    const out: FakeRange[] = [];
    const tz = this._range._sheet._ss._tz;
    // The search runs on Google's side: the cells searched are not sent to the script (scan cost only).
    this._range._env.meter.scan(this._range._nr * this._range._nc);
    const needle = this._case ? this._text : this._text.toLowerCase();
    const r0 = this._range;
    for (let r = 0; r < r0._nr; r++) {
      for (let c = 0; c < r0._nc; c++) {
        const cell = r0._sheet._cell(r0._row + r, r0._col + c);
        let s = displayValue(cell, tz);
        if (!s) continue;
        if (!this._case) s = s.toLowerCase();
        if (this._entire ? s === needle : s.includes(needle)) out.push(new FakeRange(r0._env, r0._sheet, r0._row + r, r0._col + c, 1, 1));
      }
    }
    return out;
  }
  findAll() {
    return this._matches();
  }
  findNext() {
    const all = this._matches();
    this._pos++;
    if (this._pos >= all.length) {
      this._pos = all.length;
      return null;
    }
    return all[this._pos];
  }
}
