/**
 * Cell values: how a written value is interpreted (strings as if typed by a user), formulas, A1
 * notation and display formatting.
 */
import { dateMs, fail, isDate } from './core';
import { fromLocal, localFields } from './time';

export type CellValue = string | number | boolean | Date;

export interface Cell {
  v: CellValue;
  f?: string;
  /** number format set explicitly (setNumberFormat) */
  fmt?: string;
  /** display format chosen automatically when a date/time was entered */
  auto?: string;
  dv?: unknown;
  note?: string;
  bg?: string;
  fontColor?: string;
  fontWeight?: string;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
}

export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const PLAIN_TEXT = '@';

/** Serial day 0 of Sheets (1899-12-30) at local midnight in the zone. */
function timeValue(h: number, m: number, s: number, tz: string): Date {
  const base = fromLocal(1899, 12, 30, 0, 0, 0, 0, tz);
  return new Date(base + ((h * 60 + m) * 60 + s) * 1000);
}

const NUMBER_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%)?$/;

export function parseNumber(text: string): number | null {
  const t = text.trim();
  const m = NUMBER_RE.exec(t);
  if (!m || !/\d/.test(`${m[2]}${m[3] ?? ''}`)) return null;
  let n = Number(`${m[2].replace(/,/g, '') || '0'}${m[3] && m[3] !== '.' ? m[3] : ''}${m[4] ? `e${m[4]}` : ''}`);
  if (m[1] === '-') n = -n;
  if (m[5]) n = n / 100;
  if (!Number.isFinite(n)) return null;
  return Object.is(n, -0) ? 0 : n;
}

export interface Interpreted {
  v: CellValue;
  f?: string;
  auto?: string;
}

/**
 * A value written by setValue/setValues/appendRow or typed by a user. Strings are parsed as if typed
 * unless the cell is formatted as plain text or the string starts with an apostrophe.
 */
export function interpret(input: unknown, fmt: string | undefined, tz: string, evalFormula: (f: string) => CellValue, nowMs?: number): Interpreted {
  if (input === null || input === undefined) return { v: '' };
  if (isDate(input)) return { v: new Date(dateMs(input)), auto: 'yyyy/mm/dd h:mm:ss' };
  if (typeof input === 'number') return { v: Number.isFinite(input) ? input : '#NUM!' };
  if (typeof input === 'boolean') return { v: input };
  if (typeof input !== 'string') return { v: String(input) };
  const s = input;
  if (fmt === PLAIN_TEXT) return { v: s };
  if (s === '') return { v: '' };
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { v: evalFormula(s), f: s };
  const n = parseNumber(s);
  if (n !== null) return { v: n };
  // A currency amount typed as ¥8,000 / $12.50 is a number (Sheets keeps the currency as a format).
  const cur = /^([+-])?\s*[¥$€£]\s*(.+)$/.exec(s.trim());
  const amount = cur ? parseNumber(cur[2]) : null;
  if (cur && amount !== null && !cur[2].trim().startsWith('-') && !cur[2].trim().startsWith('+')) return { v: cur[1] === '-' ? -amount : amount };
  const upper = s.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { v: upper === 'TRUE' };
  const t = s.trim();
  let m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const [y, M, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (M >= 1 && M <= 12 && d >= 1 && d <= new Date(Date.UTC(y, M, 0)).getUTCDate()) {
      const time = m[5] !== undefined;
      const [H, mi, se] = [Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0)];
      if (H < 24 && mi < 60 && se < 60) {
        const sep = m[2];
        return {
          v: new Date(fromLocal(y, M, d, H, mi, se, 0, tz)),
          auto: `yyyy${sep}mm${sep}dd${time ? (m[7] !== undefined ? ' h:mm:ss' : ' h:mm') : ''}`,
        };
      }
    }
  }
  // A month and day without a year (5/10) is a date of the current year, in the ja_JP and en_US locales.
  m = nowMs === undefined ? null : /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m && nowMs !== undefined) {
    const [y, M, d] = [localFields(nowMs, tz).y, Number(m[1]), Number(m[2])];
    if (M >= 1 && M <= 12 && d >= 1 && d <= new Date(Date.UTC(y, M, 0)).getUTCDate()) return { v: new Date(fromLocal(y, M, d, 0, 0, 0, 0, tz)), auto: 'm/d' };
  }
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) {
    const [y, M, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (M >= 1 && M <= 12 && d >= 1 && d <= new Date(Date.UTC(y, M, 0)).getUTCDate()) {
      return { v: new Date(fromLocal(y, M, d, 0, 0, 0, 0, tz)), auto: 'yyyy"年"m"月"d"日"' };
    }
  }
  m = /^(\d{1,4}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60) {
    const h = Number(m[1]);
    const withSeconds = m[3] !== undefined;
    return {
      v: timeValue(h, Number(m[2]), Number(m[3] ?? 0), tz),
      auto: h >= 24 ? '[h]:mm:ss' : withSeconds ? 'h:mm:ss' : 'h:mm',
    };
  }
  // Typing +… or -… in Sheets starts a formula.
  if ((s.startsWith('+') || s.startsWith('-')) && s.length > 1) {
    const f = `=${s}`;
    return { v: evalFormula(f), f };
  }
  return { v: s };
}

/** A tiny evaluator: numeric arithmetic only. Anything else is not computed. */
export function evaluateFormula(formula: string): CellValue {
  const src = formula.slice(1);
  const tokens = src.match(/\s*(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_][A-Za-z0-9_.]*|"[^"]*"|[-+*/^()&,:;<>=%!$]|\S)/g);
  if (!tokens) return '#ERROR!';
  const toks = tokens.map((t) => t.trim());
  if (toks.some((t) => /^[A-Za-z_]/.test(t))) {
    const fnOrRef = toks.some((t, i) => /^[A-Za-z_]/.test(t) && (toks[i + 1] === '(' || /^\$?[A-Za-z]{1,3}\$?\d+$/.test(t)));
    if (fnOrRef) return '';
    const bool = toks.every((t) => !/^[A-Za-z_]/.test(t) || /^(TRUE|FALSE)$/i.test(t));
    return bool ? '' : '#NAME?';
  }
  if (toks.some((t) => t.startsWith('"') || /[&,:;<>=!$]/.test(t))) return '';
  let i = 0;
  const peek = () => toks[i];
  const expr = (): number => {
    let v = term();
    while (peek() === '+' || peek() === '-') {
      const op = toks[i++];
      const r = term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const term = (): number => {
    let v = power();
    while (peek() === '*' || peek() === '/') {
      const op = toks[i++];
      const r = power();
      if (op === '/' && r === 0) throw new Error('#DIV/0!');
      v = op === '*' ? v * r : v / r;
    }
    return v;
  };
  const power = (): number => {
    let v = unary();
    while (peek() === '^') {
      i++;
      v = v ** unary();
    }
    return v;
  };
  const unary = (): number => {
    if (peek() === '-') {
      i++;
      return -unary();
    }
    if (peek() === '+') {
      i++;
      return unary();
    }
    let v = primary();
    while (peek() === '%') {
      i++;
      v /= 100;
    }
    return v;
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = expr();
      if (toks[i++] !== ')') throw new Error('#ERROR!');
      return v;
    }
    if (t !== undefined && /^(\d|\.\d)/.test(t)) return Number(t);
    throw new Error('#ERROR!');
  };
  try {
    const v = expr();
    if (i !== toks.length) return '#ERROR!';
    return v;
  } catch (e) {
    return (e as Error).message === '#DIV/0!' ? '#DIV/0!' : '#ERROR!';
  }
}

// ---------------------------------------------------------------- A1 notation

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1 {
  sheet?: string;
  row: number;
  col: number;
  /** null = open to the end of the grid */
  lastRow: number | null;
  lastCol: number | null;
}

/** Parses `A1`, `A1:B2`, `A:C`, `2:5`, `A2:C`, optionally prefixed by `Sheet!` or `'My sheet'!`. */
export function parseA1(text: string): A1 | null {
  let rest = text.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const part = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;
  const [a, b] = rest.split(':');
  const pa = part.exec(a ?? '');
  if (!pa || (!pa[1] && !pa[2])) return null;
  const c1 = pa[1] ? columnNumber(pa[1]) : 1;
  const r1 = pa[2] ? Number(pa[2]) : 1;
  if (r1 < 1) return null;
  if (b === undefined) {
    if (!pa[1] || !pa[2]) return null;
    return { sheet, row: r1, col: c1, lastRow: r1, lastCol: c1 };
  }
  const pb = part.exec(b);
  if (!pb || (!pb[1] && !pb[2])) return null;
  const lastCol = pb[1] ? columnNumber(pb[1]) : pa[1] ? null : null;
  const lastRow = pb[2] ? Number(pb[2]) : null;
  // Whole rows (`2:5`): columns open; whole columns (`A:C`): rows open.
  const row = Math.min(r1, lastRow ?? r1);
  const col = Math.min(c1, lastCol ?? c1);
  return {
    sheet,
    row,
    col,
    lastRow: lastRow === null ? null : Math.max(r1, lastRow),
    lastCol: lastCol === null ? null : Math.max(c1, lastCol),
  };
}

// ---------------------------------------------------------------- display

function formatNumberPattern(n: number, pattern: string): string {
  const sections = splitSections(pattern);
  let section = sections[0];
  let value = n;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections[2] !== undefined) section = sections[2];
  const first = section.search(/[0#?]/);
  if (first < 0) return literal(section);
  let last = -1;
  for (let k = section.length - 1; k >= 0; k--) {
    if (/[0#?,.%]/.test(section[k])) {
      last = k;
      break;
    }
  }
  const prefix = literal(section.slice(0, first));
  const core = section.slice(first, last + 1);
  const suffix = literal(section.slice(last + 1));
  const percent = core.includes('%') || suffix.includes('%');
  if (percent) value *= 100;
  const [intPart, decPart = ''] = core.replace(/%/g, '').split('.');
  const decimals = (decPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const group = intPart.includes(',');
  const neg = value < 0;
  let fixed = Math.abs(value).toFixed(decimals);
  let [ip, dp = ''] = fixed.split('.');
  while (dp.length > minDecimals && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  while (ip.length < minInt) ip = `0${ip}`;
  if (group) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  fixed = dp ? `${ip}.${dp}` : ip;
  return `${neg ? '-' : ''}${prefix}${fixed}${suffix}`;
}

function splitSections(p: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of p) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function literal(s: string): string {
  return s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/\[[^\]]*\]/g, '');
}

function isDatePattern(p: string): boolean {
  return /[yYdDhHsS]|am\/pm|\[h\]/i.test(p.replace(/"[^"]*"/g, ''));
}

/** Sheets date-time format (yyyy, m/mm month or minute, d, h, [h], s, am/pm, quoted literals). */
export function formatSheetsDate(ms: number, pattern: string, tz: string): string {
  const f = localFields(ms, tz);
  const tokens: { t: string; lit?: boolean }[] = [];
  const re = /"([^"]*)"|\\(.)|(\[h+\])|(am\/pm|a\/p)|(y+|m+|d+|h+|s+|H+|M+|D+|Y+|S+)|(.)/gi;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    if (m[1] !== undefined) tokens.push({ t: m[1], lit: true });
    else if (m[2] !== undefined) tokens.push({ t: m[2], lit: true });
    else if (m[3]) tokens.push({ t: '[h]' });
    else if (m[4]) tokens.push({ t: 'ampm' });
    else if (m[5]) tokens.push({ t: m[5].toLowerCase() });
    else tokens.push({ t: m[6], lit: true });
  }
  const hasAmPm = tokens.some((x) => x.t === 'ampm');
  const serialBase = fromLocal(1899, 12, 30, 0, 0, 0, 0, tz);
  const p2 = (n: number) => String(n).padStart(2, '0');
  let out = '';
  tokens.forEach((tok, i) => {
    if (tok.lit) {
      out += tok.t;
      return;
    }
    const t = tok.t;
    const prev = tokens.slice(0, i).reverse().find((x) => !x.lit);
    const next = tokens.slice(i + 1).find((x) => !x.lit);
    if (t === '[h]') out += String(Math.floor((ms - serialBase) / 3600000));
    else if (t === 'ampm') out += f.H < 12 ? 'AM' : 'PM';
    else if (t[0] === 'y') out += t.length <= 2 ? p2(f.y % 100) : String(f.y);
    else if (t[0] === 'm') {
      const minute = (prev && (prev.t[0] === 'h' || prev.t === '[h]')) || (next && next.t[0] === 's');
      if (minute) out += t.length >= 2 ? p2(f.m) : String(f.m);
      else if (t.length >= 4) out += new Date(Date.UTC(2000, f.M - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
      else if (t.length === 3) out += new Date(Date.UTC(2000, f.M - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      else out += t.length === 2 ? p2(f.M) : String(f.M);
    } else if (t[0] === 'd') {
      if (t.length >= 3) {
        const name = new Date(Date.UTC(2000, 0, 2 + f.dow)).toLocaleString('en-US', { weekday: t.length >= 4 ? 'long' : 'short', timeZone: 'UTC' });
        out += name;
      } else out += t.length === 2 ? p2(f.d) : String(f.d);
    } else if (t[0] === 'h') {
      const h = hasAmPm ? (f.H % 12 === 0 ? 12 : f.H % 12) : f.H;
      out += t.length >= 2 ? p2(h) : String(h);
    } else if (t[0] === 's') out += t.length >= 2 ? p2(f.s) : String(f.s);
    else out += t;
  });
  return out;
}

const DATE_SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Sheets serial number of a date in the zone (days since 1899-12-30 local). */
export function serialOf(ms: number, tz: string): number {
  const f = localFields(ms, tz);
  const localMs = Date.UTC(f.y, f.M - 1, f.d, f.H, f.m, f.s, f.S);
  return (localMs - DATE_SERIAL_EPOCH_UTC) / 86400000;
}

export function displayValue(cell: Cell | undefined, tz: string): string {
  if (!cell) return '';
  const v = cell.v;
  if (v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const fmt = cell.fmt;
  if (isDate(v)) {
    const p = fmt && fmt !== DEFAULT_NUMBER_FORMAT && fmt !== PLAIN_TEXT && isDatePattern(fmt) ? fmt : cell.auto ?? 'yyyy/mm/dd h:mm:ss';
    return formatSheetsDate(dateMs(v), p, tz);
  }
  if (!fmt || fmt === DEFAULT_NUMBER_FORMAT || fmt === PLAIN_TEXT || fmt.toLowerCase() === 'general') {
    return String(Number(v.toPrecision(15)));
  }
  if (isDatePattern(fmt)) {
    return formatSheetsDate(DATE_SERIAL_EPOCH_UTC + v * 86400000 - 0, fmt, 'UTC');
  }
  return formatNumberPattern(v, fmt);
}

export function checkNumberFormat(fmt: unknown): string {
  if (typeof fmt !== 'string') fail('Invalid argument: format');
  return fmt;
}
