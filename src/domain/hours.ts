/**
 * The time a supporter spent, read from whatever the claim form or a sheet cell gives.
 * The result is in hours, rounded to the whole minute (minutes / 60). Nothing is clamped: 25 stays
 * 25 and the caller reports it; anything unreadable is null, never an exception.
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
  `^(?:${NUM}\\s*(?:${HOUR_UNITS})\\s*(半)?)?\\s*(?:${NUM}\\s*(?:${MIN_UNITS}))?$`,
  'u',
);

const num = (s: string): number => Number(s.replace(',', '.'));

function fromMinutes(minutes: number): number | null {
  if (!Number.isFinite(minutes) || minutes < 0) return null;
  return Math.round(minutes) / 60;
}

export function parseHours(input: unknown): number | null {
  if (typeof input === 'number') return fromMinutes(input * 60);
  if (isDateObject(input)) return fromMinutes((input.getTime() - SHEETS_EPOCH_MS) / 60000);
  if (typeof input !== 'string') return null;
  // NFKC turns full-width digits, '．', '：' into ASCII; Vietnamese stays composed.
  const s = input.normalize('NFKC').trim().toLowerCase();
  if (s === '') return null;

  let m = new RegExp(`^${NUM}$`).exec(s);
  if (m) return fromMinutes(num(m[1]) * 60);

  // h:mm and h:mm:ss (a Forms duration answer is '01:30:00'; hours may exceed 99)
  m = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (m) return fromMinutes(Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60);

  m = UNIT_FORM.exec(s);
  if (m && (m[1] !== undefined || m[3] !== undefined)) {
    const hours = m[1] !== undefined ? num(m[1]) + (m[2] ? 0.5 : 0) : 0;
    const minutes = m[3] !== undefined ? num(m[3]) : 0;
    return fromMinutes(hours * 60 + minutes);
  }
  return null;
}
