import { courseOf, mergeCourseList, remainingAtBest, remainingCourses } from '../../src/domain/courses';
import { PRESETS } from '../../src/domain/programs';

const y2023 = PRESETS.find((p) => p.id === 'new-migrant-era-2023')!;
const y2022 = PRESETS.find((p) => p.id === 'covid-2022')!;
const none = { experience: false, courses: [] as string[] };

describe('courseOf: the nine questionnaires, however they are written', () => {
  test.each<[string, string | null]>([
    ['基礎1', '基礎1'],
    ['基礎1 ケースワーク', '基礎1'],
    ['基礎①：ケースワーク', '基礎1'],
    ['基礎　５', '基礎5'],
    ['基礎５ 子ども・若者', '基礎5'],
    ['応用4 非正規滞在者への支援', '応用4'],
    ['応用５', null],
    ['基礎6', null],
    ['基礎10', null],
    ['基礎', null],
    ['講座1', null],
    ['', null],
  ])('%p → %p', (answer, want) => expect(courseOf(answer)).toBe(want));
});

describe('remainingCourses (2023 program: 基礎1–5, 基礎5 waived for support on or before 2024-03-31)', () => {
  test('nothing answered, support on 2024-03-31: 基礎1–4 (基礎5 waived on its last day)', () => {
    expect(remainingCourses(y2023, none, '2024-03-31')).toEqual(['基礎1', '基礎2', '基礎3', '基礎4']);
  });
  test('one day later, 2024-04-01: 基礎5 is needed too', () => {
    expect(remainingCourses(y2023, none, '2024-04-01')).toEqual(['基礎1', '基礎2', '基礎3', '基礎4', '基礎5']);
  });
  test('answers written by staff in other forms count (基礎１、基礎②)', () => {
    expect(remainingCourses(y2023, { experience: false, courses: ['基礎１', '基礎②', '応用1'] }, '2024-05-01')).toEqual(['基礎3', '基礎4', '基礎5']);
  });
  test('基礎1–4 done: nothing left for support up to 2024-03-31, 基礎5 after', () => {
    const s = { experience: false, courses: ['基礎1', '基礎2', '基礎3', '基礎4'] };
    expect(remainingCourses(y2023, s, '2024-03-31')).toEqual([]);
    expect(remainingCourses(y2023, s, '2024-04-01')).toEqual(['基礎5']);
    expect(remainingAtBest(y2023, s)).toEqual([]);
  });
  test('no date: no waiver applies', () => {
    expect(remainingCourses(y2023, { experience: false, courses: ['基礎1', '基礎2', '基礎3', '基礎4'] }, null)).toEqual(['基礎5']);
  });
  test('experience: nothing is asked', () => {
    expect(remainingCourses(y2023, { experience: true, courses: [] }, '2025-01-01')).toEqual([]);
  });
  test('the 2022 program asks no questionnaire', () => {
    expect(remainingCourses(y2022, none, '2022-06-01')).toEqual([]);
  });
});

describe('mergeCourseList keeps what staff typed', () => {
  test.each<[string, string, string | null]>([
    ['', '基礎1', '基礎1'],
    ['基礎1', '基礎2', '基礎1, 基礎2'],
    ['基礎１、基礎2', '基礎3', '基礎１、基礎2, 基礎3'],
    ['基礎１、基礎2', '基礎1', null],
    ['基礎②', '基礎2', null],
    ['研修会（6/1）出席', '基礎1', '研修会（6/1）出席, 基礎1'],
    ['基礎1, ', '基礎2', '基礎1, 基礎2'],
    ['基礎1 ケースワーク', '基礎1', null],
  ])('%p + %p → %p', (current, course, want) => expect(mergeCourseList(current, course)).toBe(want));
});
