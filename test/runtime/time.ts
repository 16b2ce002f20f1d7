/**
 * Time-zone arithmetic (IANA zones through Intl, plus Java-style `GMT+09:00` ids) and Java
 * SimpleDateFormat formatting/parsing for Utilities.formatDate / parseDate. Nothing here depends on
 * the host time zone.
 */
import { fail } from './core';

export interface LocalFields {
  y: number;
  M: number; // 1..12
  d: number;
  H: number;
  m: number;
  s: number;
  S: number;
  dow: number; // 0 = Sunday
}

const fmtCache = new Map<string, Intl.DateTimeFormat | null>();

function intlFor(tz: string): Intl.DateTimeFormat | null {
  if (fmtCache.has(tz)) return fmtCache.get(tz) ?? null;
  let f: Intl.DateTimeFormat | null = null;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    f = null;
  }
  fmtCache.set(tz, f);
  return f;
}

/** Fixed offset of a Java-style id (`GMT`, `UTC`, `GMT+9`, `GMT+09:00`, `UTC-0530`), or null. */
function fixedOffset(tz: string): number | null {
  const m = /^(?:GMT|UTC|UT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(tz.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const v = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60000;
  return m[1] === '-' ? -v : v;
}

/** Whether the id names a zone Java would recognise (otherwise Java falls back to GMT). */
export function isKnownZone(tz: string): boolean {
  return fixedOffset(tz) !== null || intlFor(tz) !== null;
}

/** Offset (local − UTC) in ms of the zone at the instant. Unknown zones behave as GMT, like Java. */
export function zoneOffset(ms: number, tz: string): number {
  const fixed = fixedOffset(tz);
  if (fixed !== null) return fixed;
  const f = intlFor(tz);
  if (!f) return 0;
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  let y = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') y = 1 - y;
  const asUtc = Date.UTC(y, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const base = Math.floor(ms / 1000) * 1000;
  return asUtc - base;
}

export function localFields(ms: number, tz: string): LocalFields {
  const t = new Date(ms + zoneOffset(ms, tz));
  return {
    y: t.getUTCFullYear(),
    M: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    H: t.getUTCHours(),
    m: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    S: t.getUTCMilliseconds(),
    dow: t.getUTCDay(),
  };
}

/** The instant at which the zone's wall clock shows the given fields. */
export function fromLocal(y: number, M: number, d: number, H = 0, m = 0, s = 0, S = 0, tz = 'UTC'): number {
  const wall = Date.UTC(y, M - 1, d, H, m, s, S);
  let guess = wall - zoneOffset(wall, tz);
  for (let i = 0; i < 3; i++) {
    const next = wall - zoneOffset(guess, tz);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_ZONE: Record<string, string> = { 'Asia/Tokyo': 'JST', UTC: 'UTC', GMT: 'GMT', 'Etc/UTC': 'UTC' };
const LONG_ZONE: Record<string, string> = {
  'Asia/Tokyo': 'Japan Standard Time',
  UTC: 'Coordinated Universal Time',
  GMT: 'Greenwich Mean Time',
};

type Token = { letter: string; count: number } | { text: string };

export function tokenizePattern(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out.push({ text: "'" });
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j];
        j++;
      }
      out.push({ text });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if (!/[GyYMLwWDdFEuaHkKhmsSzZX]/.test(c)) fail(`Illegal pattern character '${c}'`);
      out.push({ letter: c, count: j - i });
      i = j;
      continue;
    }
    out.push({ text: c });
    i++;
  }
  return out;
}

const pad = (n: number, w: number) => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
};

function offsetText(off: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (off === 0 && style !== 'Z') return 'Z';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(Math.round(off / 60000));
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  if (style === 'X1') return sign + hh;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return sign + hh + mm;
}

function zoneName(tz: string, off: number, long: boolean, ms: number): string {
  const table = long ? LONG_ZONE : SHORT_ZONE;
  if (table[tz]) return table[tz];
  const fixed = fixedOffset(tz);
  if (fixed !== null || !intlFor(tz)) {
    if (fixed === 0 || fixed === null) return long ? 'Greenwich Mean Time' : 'GMT';
    return `GMT${offsetText(off, 'X3')}`;
  }
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: long ? 'long' : 'short' });
    return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? tz;
  } catch {
    return tz;
  }
}

function dayOfYear(f: LocalFields): number {
  return Math.round((Date.UTC(f.y, f.M - 1, f.d) - Date.UTC(f.y, 0, 1)) / 86400000) + 1;
}

/** Java SimpleDateFormat (English symbols), as Utilities.formatDate. */
export function formatJava(ms: number, tz: string, pattern: string): string {
  const off = zoneOffset(ms, tz);
  const f = localFields(ms, tz);
  let out = '';
  for (const t of tokenizePattern(pattern)) {
    if ('text' in t) {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += f.y > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(f.y % 100, 2) : pad(f.y, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[f.M - 1] : n === 3 ? MONTHS[f.M - 1].slice(0, 3) : pad(f.M, n);
        break;
      case 'd':
        out += pad(f.d, n);
        break;
      case 'D':
        out += pad(dayOfYear(f), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[f.dow] : DAYS[f.dow].slice(0, 3);
        break;
      case 'u':
        out += pad(f.dow === 0 ? 7 : f.dow, n);
        break;
      case 'F':
        out += pad(Math.floor((f.d - 1) / 7) + 1, n);
        break;
      case 'w': {
        // ISO-like week of year (Java's default for the US locale differs slightly; rarely used)
        const jan1 = new Date(Date.UTC(f.y, 0, 1)).getUTCDay();
        out += pad(Math.floor((dayOfYear(f) - 1 + jan1) / 7) + 1, n);
        break;
      }
      case 'W': {
        const first = new Date(Date.UTC(f.y, f.M - 1, 1)).getUTCDay();
        out += pad(Math.floor((f.d - 1 + first) / 7) + 1, n);
        break;
      }
      case 'a':
        out += f.H < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.H, n);
        break;
      case 'k':
        out += pad(f.H === 0 ? 24 : f.H, n);
        break;
      case 'K':
        out += pad(f.H % 12, n);
        break;
      case 'h':
        out += pad(f.H % 12 === 0 ? 12 : f.H % 12, n);
        break;
      case 'm':
        out += pad(f.m, n);
        break;
      case 's':
        out += pad(f.s, n);
        break;
      case 'S':
        out += pad(f.S, n);
        break;
      case 'z':
        out += zoneName(tz, off, n >= 4, ms);
        break;
      case 'Z':
        out += offsetText(off, 'Z');
        break;
      case 'X':
        out += offsetText(off, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
    }
  }
  return out;
}

/** Java SimpleDateFormat parsing (numeric fields, month/day names, AM/PM, offsets). */
export function parseJava(input: string, tz: string, pattern: string): number {
  const tokens = tokenizePattern(pattern);
  let re = '^';
  const fields: { letter: string; count: number }[] = [];
  const numeric = (l: string, c: number) => /[yYdDHkKhmsSuFwW]/.test(l) || (/[ML]/.test(l) && c <= 2);
  tokens.forEach((t, i) => {
    if ('text' in t) {
      re += t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return;
    }
    const next = tokens[i + 1];
    const adjacent = next && 'letter' in next && numeric(next.letter, next.count);
    fields.push(t);
    if (numeric(t.letter, t.count)) re += adjacent ? `(\\d{${t.count}})` : '([+-]?\\d+)';
    else if (t.letter === 'M' || t.letter === 'L') re += '([A-Za-z]+)';
    else if (t.letter === 'E') re += '([A-Za-z]+)';
    else if (t.letter === 'a') re += '([AaPp][Mm])';
    else if (t.letter === 'G') re += '(AD|BC)';
    else re += '(Z|[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?)';
  });
  const m = new RegExp(re).exec(input);
  if (!m) fail(`Unparseable date: "${input}"`);
  let y = 1970;
  let M = 1;
  let d = 1;
  let H = 0;
  let mi = 0;
  let s = 0;
  let S = 0;
  let pm: boolean | null = null;
  let h12: number | null = null;
  let zone: string | null = null;
  fields.forEach((f, i) => {
    const v = m[i + 1];
    switch (f.letter) {
      case 'y':
      case 'Y': {
        const n = Number(v);
        y = f.count <= 2 && v.length <= 2 ? 2000 + n : n;
        break;
      }
      case 'M':
      case 'L':
        if (f.count <= 2) M = Number(v);
        else {
          const idx = MONTHS.findIndex((x) => x.toLowerCase().startsWith(v.toLowerCase().slice(0, 3)));
          if (idx < 0) fail(`Unparseable date: "${input}"`);
          M = idx + 1;
        }
        break;
      case 'd':
        d = Number(v);
        break;
      case 'H':
      case 'k':
        H = Number(v) % 24;
        break;
      case 'h':
      case 'K':
        h12 = Number(v) % 12;
        break;
      case 'a':
        pm = v.toUpperCase() === 'PM';
        break;
      case 'm':
        mi = Number(v);
        break;
      case 's':
        s = Number(v);
        break;
      case 'S':
        S = Number(v);
        break;
      case 'z':
      case 'Z':
      case 'X':
        zone = v === 'Z' ? 'UTC' : /^[+-]/.test(v) ? `GMT${v}` : v;
        break;
    }
  });
  if (h12 !== null) H = h12 + (pm ? 12 : 0);
  const zoneId = zone ?? tz;
  const fixed = fixedOffset(zoneId);
  if (fixed !== null) return Date.UTC(y, M - 1, d, H, mi, s, S) - fixed;
  return fromLocal(y, M, d, H, mi, s, S, zoneId);
}
