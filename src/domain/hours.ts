/**
 * The time a supporter spent, read from whatever the claim form or a sheet cell gives.
 * The result is in hours, exactly as given: never rounded, so a value just under a rule's boundary
 * (00:59:59 under the 1-hour minimum, 1.999 under the 2-hour tier) stays under it. Nothing is
 * clamped: 25 stays 25 and the caller reports it; anything unreadable is null, never an exception.
 */
import { isDateObject } from './calendar';

/**
 * Sheets hands a duration cell over as a Date: the duration added to its epoch 1899-12-30 00:00
 * in the spreadsheet's time zone. The spreadsheet is in Asia/Tokyo (+09:00, already JST in 1899),
 * so the duration is the Date minus 1899-12-29T15:00Z.
 */
const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30) - 9 * 3600 * 1000;

const NUM = '(\\d+(?:[.,]\\d+)?|[.,]\\d+)';
// 'tiếng' is the everyday Vietnamese word for an hour ('2 tiếng').
const HOUR_UNITS = '時間|hours?|hrs?|h|giờ|gio|tiếng|tieng';
const MIN_UNITS = '分間?|minutes?|mins?|m|phút|phut';
const UNIT_FORM = new RegExp(
  `^(?:${NUM}\\s*(?:${HOUR_UNITS})\\s*(半|rưỡi|ruoi)?)?\\s*(?:${NUM}\\s*(?:${MIN_UNITS}))?$`,
  'u',
);

const num = (s: string): number => Number(s.replace(',', '.'));

function fromMinutes(minutes: number): number | null {
  if (!Number.isFinite(minutes) || minutes < 0) return null;
  return minutes / 60;
}

function fromHours(hours: number): number | null {
  return Number.isFinite(hours) && hours >= 0 ? hours : null;
}

/** Whole seconds (a clock answer or a duration cell) divided once: 7199 s is below 2 h, exactly. */
function fromSeconds(seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return seconds / 3600;
}

export function parseHours(input: unknown): number | null {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : null;
  if (isDateObject(input)) return fromSeconds((input.getTime() - SHEETS_EPOCH_MS) / 1000);
  if (typeof input !== 'string') return null;
  // NFKC turns full-width digits, '．', '：' into ASCII; Vietnamese stays composed.
  const s = input.normalize('NFKC').trim().toLowerCase();
  if (s === '') return null;

  let m = new RegExp(`^${NUM}$`).exec(s);
  if (m) return fromHours(num(m[1]));

  // h:mm and h:mm:ss (a Forms duration answer is '01:30:00'; hours may exceed 99)
  m = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (m) return fromSeconds((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0));

  m = UNIT_FORM.exec(s);
  if (m && (m[1] !== undefined || m[3] !== undefined)) {
    const hours = m[1] !== undefined ? num(m[1]) : 0;
    // 半 (Vietnamese rưỡi) is 30 minutes, added in minutes (exact) rather than as 0.5 h.
    const minutes = (m[2] ? 30 : 0) + (m[3] !== undefined ? num(m[3]) : 0);
    return minutes === 0 ? fromHours(hours) : fromMinutes(hours * 60 + minutes);
  }
  return null;
}

/**
 * Hours as h:mm, or h:mm:ss when there are seconds, cut (never rounded) to the second below:
 * 0.99972… (00:59:59) reads 0:59:59, not 1:00, and 1.999 reads 1:59:56, so what a supporter or a
 * reviewer sees is never on the other side of a boundary from what was judged.
 */
export function formatHours(h: number): string {
  // The 1e-9 only absorbs binary fractions (1.1 h is 3959.9999… s), far below one second.
  const total = Math.floor(h * 3600 + 1e-9);
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  return `${hh}:${String(mm).padStart(2, '0')}${ss ? `:${String(ss).padStart(2, '0')}` : ''}`;
}
