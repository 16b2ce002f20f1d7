import {
  isPlausibleEmail,
  needsTextGuard,
  normalizeEmail,
  parseYesNo,
  normalizePhone,
  normalizeText,
  sheetText,
  splitList,
} from '../../src/domain/text';

describe('normalizeText', () => {
  test.each<[unknown, string]>([
    ['  山田　太郎  ', '山田 太郎'],
    ['山田\u3000\u3000太郎', '山田 太郎'],
    ['a \t\n b', 'a b'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Nguye\u0302\u0303n', 'Nguyễn'],
    [42, '42'],
    [1.5, '1.5'],
    [true, 'true'],
    [null, ''],
    [undefined, ''],
    ['', ''],
    [{}, ''],
    [['a', ' b ', '', 3], 'a, b, 3'],
    [new Date('2024-01-04T15:00:00Z'), '2024-01-05'],
    [new Date('2024-01-05T03:30:00Z'), '2024-01-05 12:30'],
    [new Date(Number.NaN), ''],
  ])('%p → %p', (input, want) => expect(normalizeText(input)).toBe(want));
});

describe('email', () => {
  test.each<[unknown, string]>([
    ['Taro.Yamada@Example.COM', 'taro.yamada@example.com'],
    [' taro@example.jp ', 'taro@example.jp'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['taro @ example.jp', 'taro@example.jp'],
    ['a..b.@docomo.ne.jp', 'a..b.@docomo.ne.jp'],
    ['an+tag@mail.example.co.jp', 'an+tag@mail.example.co.jp'],
    ['taro@example', ''],
    ['taro.example.jp', ''],
    ['taro@@example.jp', ''],
    ['@example.jp', ''],
    ['taro@.jp', ''],
    ['taro@example.j', ''],
    ['taro@-example.jp', ''],
    ['', ''],
    [null, ''],
    [42, ''],
  ])('normalizeEmail(%p) = %p', (input, want) => expect(normalizeEmail(input)).toBe(want));

  test.each([
    ['a@b.jp', true],
    ['a@b', false],
    ['a b@c.jp', false],
    ['', false],
    // What MailApp refuses (RFC 5322 unquoted form only): a link, quotes, brackets, colons, non-ASCII
    ['mailto:taro@example.jp', false],
    ['MAILTO:taro@example.jp', false],
    ['<taro@example.jp>', false],
    ['"taro"@example.jp', false],
    ['ta(ro)@example.jp', false],
    ['ta,ro@example.jp', false],
    ['ta;ro@example.jp', false],
    ['ta\\ro@example.jp', false],
    ['ta[ro]@example.jp', false],
    ['たろう@example.jp', false],
    ['taro@例え.jp', false],
    ['...@example.jp', false],
    [`${'a'.repeat(65)}@example.jp`, false],
    // and what it takes
    [`${'a'.repeat(64)}@example.jp`, true],
    ["o'brien@example.ie", true],
    ['a!#$%&*+/=?^_`{|}~-z@example.org', true],
    ['a..b.@docomo.ne.jp', true],
  ])('isPlausibleEmail(%p) = %p', (s, want) => expect(isPlausibleEmail(s)).toBe(want));
});

describe('parseYesNo: the one reading of a yes/no answer', () => {
  test.each<[unknown, boolean | null]>([
    ['はい', true],
    ['はい（経験あり）', true],
    ['いいえ', false],
    ['Yes', true],
    ['no', false],
    ['y', true],
    ['N', false],
    ['Có', true],
    ['Không', false],
    [['はい'], true],
    ['', null],
    [null, null],
    ['たぶん', null],
    ['nothing', null],
  ])('%p → %p', (input, want) => expect(parseYesNo(input)).toBe(want));
});

describe('normalizePhone', () => {
  test.each<[unknown, string]>([
    ['090-1234-5678', '09012345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['090 1234 5678', '09012345678'],
    ['(03) 1234-5678', '0312345678'],
    ['+81 90-1234-5678', '+819012345678'],
    ['＋８１ ９０ １２３４ ５６７８', '+819012345678'],
    ['81+90', '8190'], // a '+' counts only in front
    [9012345678, '9012345678'], // a sheet number that lost its leading zero stays as given
    ['tel: 03-1234-5678', '0312345678'],
    ['なし', ''],
    ['', ''],
    [null, ''],
  ])('%p → %p', (input, want) => expect(normalizePhone(input)).toBe(want));
});

describe('splitList', () => {
  test.each<[unknown, string[]]>([
    ['基礎1, 基礎2, 基礎3, 基礎4', ['基礎1', '基礎2', '基礎3', '基礎4']],
    ['基礎1、基礎2、基礎3', ['基礎1', '基礎2', '基礎3']],
    ['基礎１，基礎２', ['基礎1', '基礎2']],
    ['基礎1;基礎2；基礎3', ['基礎1', '基礎2', '基礎3']],
    ['英語/中国語／タガログ語', ['英語', '中国語', 'タガログ語']],
    ['英語\n中国語\r\nベトナム語', ['英語', '中国語', 'ベトナム語']],
    ['英語、、 ,英語, 中国語', ['英語', '中国語']],
    ['  英語  ', ['英語']],
    [['労働', '医療', '福祉・生活保護'], ['労働', '医療', '福祉・生活保護']],
    [['同行', ' 同行 ', '', '通訳'], ['同行', '通訳']],
    [['その他: a, b'], ['その他: a, b']], // a checkbox label is one item
    [5, ['5']],
    ['', []],
    [null, []],
    [undefined, []],
  ])('%p → %p', (input, want) => expect(splitList(input)).toEqual(want));
});

describe('needsTextGuard and sheetText', () => {
  test.each([
    ['=HYPERLINK("x")', true],
    ['=1+1', true],
    ['+81 90-1234-5678', true],
    ['-5', true],
    ['- item', true],
    ['@bob', true],
    ["'quoted", true],
    [' =1', true],
    ['0012', true],
    ['12', true],
    ['1,234', true],
    ['1.5', true],
    ['１２３', true],
    ['50%', true],
    ['¥1,000', true],
    ['$5', true],
    ['1000円', true],
    ['(123)', true],
    ['2024/1/5', true],
    ['2024-01-05', true],
    ['1/5', true],
    ['12:30', true],
    ['12:30 PM', true],
    ['2024年1月5日', true],
    ['1月5日', true],
    ['12時30分', true],
    ['May 5', true],
    ['5 May 2024', true],
    ['true', true],
    ['FALSE', true],
    ['True', true],
    ['1e5', true],
    ['1E-3', true],
    ['03 1234 5678', true],
    ['山田 太郎', false],
    ['Nguyễn Văn An', false],
    ['May', false],
    ['BN-00042-7', false],
    ['基礎1, 基礎2', false],
    ['労働', false],
    ['e5', false],
    ['truely', false],
    ['東京都新宿区1-2-3', false],
    ['', false],
  ])('%p → %p', (s, want) => {
    expect(needsTextGuard(s)).toBe(want);
    expect(sheetText(s)).toBe(want ? `'${s}` : s);
  });
});
