import { toCsv } from '../../src/domain/csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
  test.each<[string, (string | number | null | undefined)[][], string]>([
    ['no rows', [], BOM],
    ['one empty row', [[]], `${BOM}\r\n`],
    ['Japanese header and numbers', [['申請ID', '金額'], ['C-0001', 8000]], `${BOM}申請ID,金額\r\nC-0001,8000\r\n`],
    ['comma', [['ヤマダ, タロウ', 1]], `${BOM}"ヤマダ, タロウ",1\r\n`],
    ['quotes doubled', [['say "はい"']], `${BOM}"say ""はい"""\r\n`],
    ['LF inside', [['a\nb', 'c']], `${BOM}"a\nb",c\r\n`],
    ['CR LF inside', [['a\r\nb']], `${BOM}"a\r\nb"\r\n`],
    ['null and undefined are empty', [[null, undefined, '']], `${BOM},,\r\n`],
    ['negative and zero numbers untouched', [[-5, 0, 1.5]], `${BOM}-5,0,1.5\r\n`],
    ['non-finite numbers are empty', [[Number.NaN, Number.POSITIVE_INFINITY]], `${BOM},\r\n`],
    ['=cmd', [['=cmd']], `${BOM}'=cmd\r\n`],
    ['+ formula', [['+1+2']], `${BOM}'+1+2\r\n`],
    ['- text', [['-5']], `${BOM}'-5\r\n`],
    ['@ formula', [['@SUM(A1:A2)']], `${BOM}'@SUM(A1:A2)\r\n`],
    ['leading tab', [['\tx']], `${BOM}'\tx\r\n`],
    ['leading CR is guarded and quoted', [['\rx']], `${BOM}"'\rx"\r\n`],
    ['formula with comma and quote', [['=HYPERLINK("http://x","y")']], `${BOM}"'=HYPERLINK(""http://x"",""y"")"\r\n`],
    ['= inside is fine', [['a=b', '1+1']], `${BOM}a=b,1+1\r\n`],
    ['full-width ＝ is not a formula', [['＝cmd']], `${BOM}＝cmd\r\n`],
    ['Vietnamese', [['Tiếng Việt']], `${BOM}Tiếng Việt\r\n`],
  ])('%s', (_name, rows, expected) => {
    expect(toCsv(rows)).toBe(expected);
  });
});
