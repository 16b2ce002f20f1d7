import {
  addDays,
  addMonths,
  claimDeadline,
  compareDates,
  dateInMonth,
  dayOfWeek,
  daysBetween,
  endOfTokyoDay,
  isCalendarDate,
  lastDayOfMonth,
  parseCalendarDate,
  parseYearMonth,
  tokyoDateOf,
  tokyoDateTime,
  tokyoMidnight,
  yearMonthOf,
} from '../../src/domain/calendar';

describe('isCalendarDate', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-05', false],
    ['2024/01/05', false],
    [' 2024-01-05', false],
    ['', false],
  ])('%s → %s', (s, ok) => expect(isCalendarDate(s)).toBe(ok));
});

describe('parseCalendarDate', () => {
  test.each<[unknown, string | null]>([
    ['2024-01-05', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024/01/05', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024 年 1 月 5 日', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['２０２４／０１／０５', '2024-01-05'],
    ['２０２４－０１－０５', '2024-01-05'],
    ['  2024-01-05 ', '2024-01-05'],
    ['\u30002024-01-05\u3000', '2024-01-05'],
    ['2024-01-05 13:45', '2024-01-05'],
    ['2024-01-05 13:45:59', '2024-01-05'],
    ['2024/1/5 9:05', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2023/2/29', null],
    ['2024年2月30日', null],
    ['2024-01-05T13:45:00Z', null],
    ['2024/1-5', null],
    ['24/1/5', null],
    ['1/5/2024', null],
    ['2024-01', null],
    ['2024年1月5', null],
    ['2024-01-05 abc', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [45296, null],
    [new Date(Number.NaN), null],
    // a Date is read in Tokyo whatever the host zone
    [new Date('2024-01-04T15:00:00Z'), '2024-01-05'],
    [new Date('2024-01-04T14:59:59.999Z'), '2024-01-04'],
    [new Date('2024-01-05T14:59:59Z'), '2024-01-05'],
  ])('%p → %p', (input, want) => expect(parseCalendarDate(input)).toBe(want));
});

describe('Tokyo instants', () => {
  test.each([
    ['2024-01-04T14:59:59.999Z', '2024-01-04', '2024-01-04 23:59'],
    ['2024-01-04T15:00:00.000Z', '2024-01-05', '2024-01-05 00:00'],
    ['2023-12-31T15:00:00.000Z', '2024-01-01', '2024-01-01 00:00'],
    ['2024-02-29T03:07:00.000Z', '2024-02-29', '2024-02-29 12:07'],
    ['2024-06-30T23:30:00.000Z', '2024-07-01', '2024-07-01 08:30'],
  ])('%s is %s (%s)', (iso, date, dateTime) => {
    expect(tokyoDateOf(new Date(iso))).toBe(date);
    expect(tokyoDateTime(new Date(iso))).toBe(dateTime);
  });

  test.each([
    ['2024-01-05', '2024-01-04T15:00:00.000Z', '2024-01-05T14:59:59.999Z'],
    ['2024-03-01', '2024-02-29T15:00:00.000Z', '2024-03-01T14:59:59.999Z'],
    ['2025-01-01', '2024-12-31T15:00:00.000Z', '2025-01-01T14:59:59.999Z'],
  ])('%s runs from %s to %s', (d, start, end) => {
    expect(tokyoMidnight(d).toISOString()).toBe(start);
    expect(endOfTokyoDay(d).toISOString()).toBe(end);
    expect(tokyoDateOf(tokyoMidnight(d))).toBe(d);
    expect(tokyoDateOf(endOfTokyoDay(d))).toBe(d);
    expect(tokyoDateOf(new Date(endOfTokyoDay(d).getTime() + 1))).toBe(addDays(d, 1));
  });

  test('invalid inputs throw', () => {
    expect(() => tokyoDateOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => tokyoMidnight('2023-02-29')).toThrow(RangeError);
  });
});

describe('date arithmetic', () => {
  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-31', 0, '2024-01-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
  ])('addDays(%s, %d) = %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
    expect(daysBetween(d, want)).toBe(n);
    expect(daysBetween(want, d)).toBe(0 - n);
  });

  test.each([
    ['2024-01-01', '2024-01-02', -1],
    ['2024-01-02', '2024-01-01', 1],
    ['2024-01-01', '2024-01-01', 0],
    ['2023-12-31', '2024-01-01', -1],
  ])('compareDates(%s, %s) = %d', (a, b, want) => expect(compareDates(a, b)).toBe(want));

  test.each([
    ['2024-01-07', 0],
    ['2024-01-08', 1],
    ['2024-02-29', 4],
    ['2024-03-02', 6],
    ['2026-09-22', 2],
    ['2000-01-01', 6],
  ])('dayOfWeek(%s) = %d', (d, want) => expect(dayOfWeek(d)).toBe(want));

  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2024, 1, 31],
    [2024, 4, 30],
    [2024, 6, 30],
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])('lastDayOfMonth(%d, %d) = %d', (y, m, want) => expect(lastDayOfMonth(y, m)).toBe(want));

  test('bad arguments throw', () => {
    expect(() => lastDayOfMonth(2024, 13)).toThrow(RangeError);
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('nonsense', 1)).toThrow(RangeError);
    expect(() => dateInMonth('2024-02', 0)).toThrow(RangeError);
    expect(() => addMonths('2024-13', 1)).toThrow(RangeError);
  });
});

describe('months', () => {
  test('yearMonthOf', () => expect(yearMonthOf('2026-03-31')).toBe('2026-03'));

  test.each([
    ['2026-03', 1, '2026-04'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', 0, '2026-03'],
    ['2026-03', 12, '2027-03'],
    ['2026-03', -15, '2024-12'],
    ['2026-03', 22, '2028-01'],
  ])('addMonths(%s, %d) = %s', (m, n, want) => expect(addMonths(m, n)).toBe(want));

  test.each<[string, string | null]>([
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['2026/3', '2026-03'],
    ['2026/03', '2026-03'],
    ['2026.3', '2026-03'],
    ['2026年3月', '2026-03'],
    ['２０２６年３月', '2026-03'],
    ['２０２６／３', '2026-03'],
    [' 2026-12 ', '2026-12'],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-03-01', null],
    ['26/3', null],
    ['2026年3', null],
    ['', null],
  ])('parseYearMonth(%p) = %p', (s, want) => expect(parseYearMonth(s)).toBe(want));

  test.each([
    ['2026-03', 10, '2026-03-10'],
    ['2026-02', 31, '2026-02-28'],
    ['2024-02', 30, '2024-02-29'],
    ['2024-04', 31, '2024-04-30'],
    ['2024-04', 30, '2024-04-30'],
    ['2024-01', 1, '2024-01-01'],
  ])('dateInMonth(%s, %d) = %s', (m, day, want) => expect(dateInMonth(m, day)).toBe(want));
});

describe('claimDeadline', () => {
  test.each([
    // 2023 rule: the same date next month, else the last day of next month
    ['2023-07-30', '2023-08-30'],
    ['2023-07-10', '2023-08-10'],
    ['2023-07-31', '2023-08-31'],
    ['2023-08-31', '2023-09-30'],
    ['2024-01-31', '2024-02-29'],
    ['2025-01-31', '2025-02-28'],
    ['2025-01-30', '2025-02-28'],
    ['2025-01-29', '2025-02-28'],
    ['2024-01-29', '2024-02-29'],
    ['2025-01-28', '2025-02-28'],
    ['2024-02-29', '2024-03-29'],
    ['2025-03-31', '2025-04-30'],
    ['2025-12-31', '2026-01-31'],
    ['2025-12-01', '2026-01-01'],
    ['2026-02-28', '2026-03-28'],
  ])('sameDateNextMonth %s → %s', (d, want) =>
    expect(claimDeadline(d, 'sameDateNextMonth')).toBe(want),
  );

  test.each([
    // 2022 rule: the day before the same date next month, else the last day of next month
    ['2022-05-26', '2022-06-25'],
    ['2022-05-25', '2022-06-24'],
    ['2022-05-31', '2022-06-30'],
    ['2022-06-30', '2022-07-29'],
    ['2022-07-31', '2022-08-30'],
    ['2022-08-31', '2022-09-30'],
    ['2023-01-31', '2023-02-28'],
    ['2023-01-30', '2023-02-28'],
    ['2023-01-29', '2023-02-28'],
    ['2023-01-28', '2023-02-27'],
    ['2024-01-30', '2024-02-29'],
    ['2024-01-29', '2024-02-28'],
    ['2022-12-31', '2023-01-30'],
    ['2022-12-01', '2022-12-31'],
    ['2023-02-28', '2023-03-27'],
  ])('dayBeforeSameDateNextMonth %s → %s', (d, want) =>
    expect(claimDeadline(d, 'dayBeforeSameDateNextMonth')).toBe(want),
  );
});

describe('Dates from another realm (Apps Script services, a vm)', () => {
  test('parseCalendarDate, parseHours and normalizeText accept a foreign Date', () => {
    const vm = require('node:vm') as typeof import('node:vm');
    const foreign = vm.runInNewContext('new Date("2024-05-09T15:00:00Z")') as Date;
    expect(foreign instanceof Date).toBe(false);
    const { parseCalendarDate } = require('../../src/domain/calendar') as typeof import('../../src/domain/calendar');
    const { parseHours } = require('../../src/domain/hours') as typeof import('../../src/domain/hours');
    const { normalizeText } = require('../../src/domain/text') as typeof import('../../src/domain/text');
    expect(parseCalendarDate(foreign)).toBe('2024-05-10');
    expect(normalizeText(foreign)).toBe('2024-05-10');
    const duration = vm.runInNewContext('new Date("1899-12-29T16:30:00Z")') as Date; // 01:30 after the Sheets epoch in JST
    expect(parseHours(duration)).toBe(1.5);
  });
});
