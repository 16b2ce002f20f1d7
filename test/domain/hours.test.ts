import { formatHours, parseHours } from '../../src/domain/hours';

/** A Date as Sheets hands over a duration cell: 1899-12-30 00:00 JST plus the duration. */
const sheetsDuration = (h: number, m = 0, s = 0): Date =>
  new Date(Date.UTC(1899, 11, 29, 15) + ((h * 60 + m) * 60 + s) * 1000);

describe('parseHours', () => {
  test.each<[unknown, number | null]>([
    // numbers
    [1.5, 1.5],
    [2, 2],
    [0, 0],
    [25, 25], // not clamped: the caller reports over 24 h
    [1.3333333, 1.3333333],
    [1.0084, 1.0084], // as given: never rounded
    [-1, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    // numeric strings
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['１．５', 1.5],
    ['１，５', 1.5],
    ['２', 2],
    ['2', 2],
    [' 3 ', 3],
    ['.5', 0.5],
    ['0', 0],
    ['25', 25],
    ['-1', null],
    ['1.', null],
    ['1.2.3', null],
    // clock forms
    ['1:30', 1.5],
    ['01:30', 1.5],
    ['01:30:00', 1.5],
    ['00:45:00', 0.75],
    ['02:00:00', 2],
    ['１：３０', 1.5],
    ['100:00:00', 100],
    ['1:30:29', 5429 / 3600],
    ['1:30:30', 5430 / 3600],
    ['1:60', null],
    ['1:5', null],
    ['1:30:60', null],
    [':30', null],
    // Japanese
    ['1時間30分', 1.5],
    ['1 時間 30 分', 1.5],
    ['１時間３０分', 1.5],
    ['1時間半', 1.5],
    ['１時間半', 1.5],
    ['2時間', 2],
    ['1.5時間', 1.5],
    ['90分', 1.5],
    ['９０分', 1.5],
    ['90分間', 1.5],
    ['2時間15分', 2.25],
    ['1時間90分', 2.5],
    ['半', null],
    ['時間', null],
    // English
    ['1h30m', 1.5],
    ['1H30M', 1.5],
    ['1.5h', 1.5],
    ['2h', 2],
    ['90min', 1.5],
    ['90 mins', 1.5],
    ['90 minutes', 1.5],
    ['1 hr 30 min', 1.5],
    ['2 hrs', 2],
    ['1 hour', 1],
    ['1.5 hours', 1.5],
    ['2 hours 15 minutes', 2.25],
    // Vietnamese
    ['1 giờ 30 phút', 1.5],
    ['1 GIỜ 30 PHÚT', 1.5],
    ['90 phút', 1.5],
    ['2 giờ', 2],
    ['2 tiếng', 2],
    ['1 gio 30 phut', 1.5],
    ['1 gio\u031b\u0300 30 phu\u0301t', 1.5], // decomposed input is composed by NFKC
    // garbage
    ['about 2', null],
    ['約2時間', null],
    ['2-3時間', null],
    ['2〜3時間', null],
    ['2 or 3', null],
    ['two hours', null],
    ['1時間30', null],
    ['h', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [true, null],
    [{}, null],
    [[1.5], null],
    // Sheets duration cells
    [sheetsDuration(1, 30), 1.5],
    [sheetsDuration(0, 45), 0.75],
    [sheetsDuration(2), 2],
    [sheetsDuration(26, 15), 26.25],
    [sheetsDuration(1, 29, 59), 5399 / 3600],
    [new Date(Date.UTC(1899, 11, 29, 14)), null], // before the epoch
    [new Date(Number.NaN), null],
  ])('%p → %p', (input, want) => {
    const got = parseHours(input);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 10);
  });

  test('values are kept as given, not rounded to the minute', () => {
    expect(parseHours(1.999)).toBe(1.999);
    expect(parseHours('0.999')).toBe(0.999);
    expect(parseHours('00:59:59')).toBe(3599 / 3600);
  });
});

describe('a boundary is never crossed by rounding (SPEC §1: minimum 1 h; tiers 2 h and 3 h)', () => {
  // Hand-worked: h:mm:ss one second below an hour boundary is (H*3600 - 1) s; a thousandth below is H - 0.001.
  test.each([1, 2, 3])('%d h: one second and one thousandth below stay below, the boundary itself is exact', (H) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const secBelow = `${pad(H - 1)}:59:59`;
    expect(parseHours(secBelow)).toBeLessThan(H);
    expect(parseHours(`${H - 1}:59:59`)).toBeLessThan(H);
    expect(parseHours(sheetsDuration(H - 1, 59, 59))).toBeLessThan(H);
    expect(parseHours(String(H - 0.001))).toBeLessThan(H);
    expect(parseHours(H - 0.001)).toBeLessThan(H);
    expect(parseHours(`${H * 60 - 1}分`)).toBeLessThan(H);
    expect(parseHours(`${pad(H)}:00:00`)).toBe(H);
    expect(parseHours(sheetsDuration(H))).toBe(H);
    expect(parseHours(String(H))).toBe(H);
    expect(parseHours(`${H * 60}分`)).toBe(H);
    expect(parseHours(`${H}時間`)).toBe(H);
  });
});

describe('formatHours cuts to the second, never rounds up', () => {
  test.each([
    [1.5, '1:30'],
    [2, '2:00'],
    [3599 / 3600, '0:59:59'],
    [1.999, '1:59:56'], // 7196.4 s
    [2.999, '2:59:56'],
    [0.999, '0:59:56'], // 3596.4 s
    [1.1, '1:06'],
    [0.7, '0:42'],
    [25, '25:00'],
  ])('%p → %s', (h, text) => expect(formatHours(h)).toBe(text));
});
