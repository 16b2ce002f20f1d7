import { toSignedBytes } from '../../src/domain/sjis';
import {
  buildTransferFile,
  parseTransferFile,
  withholdingTax,
  type ZenginHeader,
  type ZenginPayment,
} from '../../src/domain/zengin';

// Fixture helpers written for the test: N = zero-padded digits, C = space-padded half-width text.
function N(v: string | number, width: number): string {
  const s = String(v);
  if (s.length > width || !/^[0-9]*$/.test(s)) throw new Error(`bad fixture N ${s}`);
  return '0'.repeat(width - s.length) + s;
}
function C(v: string, width: number): string {
  if (v.length > width) throw new Error(`bad fixture C ${v}`);
  return v + ' '.repeat(width - v.length);
}
const SP = (n: number) => ' '.repeat(n);
/** Test-side Shift_JIS for ASCII and half-width katakana: U+FF61..U+FF9F → 0xA1..0xDF. */
function sjis(s: string): number[] {
  return Array.from(s).map((c) => {
    const code = c.charCodeAt(0);
    return code < 0x80 ? code : code - 0xfec0;
  });
}
const CRLF = [0x0d, 0x0a];

const header: ZenginHeader = {
  requesterCode: '0000123456',
  requesterName: 'イジュウレン',
  transferDate: '2025-03-10',
  bankCode: '0009',
  bankName: 'ミツイスミトモ',
  branchCode: '123',
  branchName: 'トウキョウ',
  accountType: '1',
  accountNumber: '7654321',
};

const payments: ZenginPayment[] = [
  { bankCode: '0001', branchCode: '001', accountType: '1', accountNumber: '1234567', payeeName: 'ﾔﾏﾀﾞ ﾀﾛｳ', amount: 8000 },
  {
    bankCode: '0005',
    bankName: 'ﾐﾂﾋﾞｼUFJ',
    branchCode: '045',
    branchName: 'しんじゅく',
    accountType: '2',
    accountNumber: '0000012',
    payeeName: 'グエン　ヴァン　アン',
    amount: 4000,
    newCode: '1',
    customerCode1: '42',
    customerCode2: '0000000007',
    transferKind: '0',
  },
  {
    bankCode: '9900',
    branchCode: '019',
    accountType: '1',
    accountNumber: '7777777',
    // 29 characters, then ｶﾞ at 30–31: the kana must not be split from its ﾞ.
    payeeName: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ｱｲｶﾞ',
    amount: 9_999_999_999,
  },
];

const expectedRecords = [
  ['1', '21', '0', '0000123456', C('ｲｼﾞﾕｳﾚﾝ', 40), '0310', '0009', C('ﾐﾂｲｽﾐﾄﾓ', 15), '123', C('ﾄｳｷﾖｳ', 15), '1', '7654321', SP(17)].join(''),
  ['2', '0001', SP(15), '001', SP(15), '0000', '1', '1234567', C('ﾔﾏﾀﾞ ﾀﾛｳ', 30), N(8000, 10), '0', N(0, 10), N(0, 10), '7', ' ', SP(7)].join(''),
  ['2', '0005', C('ﾐﾂﾋﾞｼUFJ', 15), '045', C('ｼﾝｼﾞﾕｸ', 15), '0000', '2', '0000012', C('ｸﾞｴﾝ ｳﾞｱﾝ ｱﾝ', 30), N(4000, 10), '1', '0000000042', '0000000007', '0', ' ', SP(7)].join(''),
  ['2', '9900', SP(15), '019', SP(15), '0000', '1', '7777777', C('ABCDEFGHIJKLMNOPQRSTUVWXYZ ｱｲ', 30), '9999999999', '0', N(0, 10), N(0, 10), '7', ' ', SP(7)].join(''),
  ['8', '000003', '010000011999', SP(101)].join(''),
  ['9', SP(119)].join(''),
];

describe('buildTransferFile', () => {
  const file = buildTransferFile(header, payments);

  test('fixtures are 120 characters (sanity of the test itself)', () => {
    for (const r of expectedRecords) expect(r).toHaveLength(120);
  });

  test.each(expectedRecords.map((r, i) => [i + 1, r]))('record %i matches the hand-built fixture', (n, expected) => {
    expect(file.records[(n as number) - 1]).toBe(expected);
  });

  test('count and total', () => {
    expect(file.records).toHaveLength(6);
    expect(file.count).toBe(3);
    expect(file.total).toBe(10_000_011_999);
  });

  test('bytes: every record 120 bytes followed by CR LF, the end record too', () => {
    const expected = expectedRecords.flatMap((r) => [...sjis(r), ...CRLF]);
    expect(file.bytes).toHaveLength(6 * 122);
    expect(file.bytes).toEqual(expected);
  });

  test('bytes of a name at its exact offset', () => {
    // Data record 1 starts after one 122-byte line; 受取人名 is at position 51.
    const start = 122 + 50;
    expect(file.bytes.slice(start, start + 9)).toEqual([0xd4, 0xcf, 0xc0, 0xde, 0x20, 0xc0, 0xdb, 0xb3, 0x20]);
    expect(file.bytes.slice(0, 4)).toEqual([0x31, 0x32, 0x31, 0x30]);
  });

  test('the platform Shift_JIS decoder reads back the same text', () => {
    const text = new TextDecoder('shift_jis').decode(Uint8Array.from(file.bytes));
    expect(text).toBe(`${expectedRecords.join('\r\n')}\r\n`);
  });

  test('finalNewline: false leaves the end record without CR LF', () => {
    const bare = buildTransferFile(header, payments, { finalNewline: false });
    expect(bare.bytes).toHaveLength(6 * 122 - 2);
    expect(bare.bytes.slice(-3)).toEqual([0x20, 0x20, 0x20]);
    expect(bare.bytes.slice(0, -2)).toEqual(file.bytes.slice(0, -4));
  });

  test('blank bank and branch names are spaces', () => {
    const r = buildTransferFile({ ...header, bankName: undefined, branchName: '' }, [payments[0]]).records[0];
    expect(r.slice(62, 77)).toBe(SP(15));
    expect(r.slice(80, 95)).toBe(SP(15));
  });

  test('a total of exactly 12 digits is accepted', () => {
    const many = Array.from({ length: 100 }, () => ({ ...payments[0], amount: 9_999_999_999 }));
    const f = buildTransferFile(header, many);
    expect(f.records[101]).toBe(`8000100${'999999999900'}${SP(101)}`);
  });
});

describe('buildTransferFile rejects what it cannot write exactly', () => {
  const p1 = (patch: Partial<ZenginPayment>) => [payments[0], { ...payments[0], ...patch }];
  test.each<[string, Partial<ZenginHeader>, ZenginPayment[], RegExp]>([
    ['short requester code', { requesterCode: '123' }, payments, /^header\.requesterCode.*10 digits/],
    ['impossible date', { transferDate: '2025-02-30' }, payments, /^header\.transferDate/],
    ['date with slashes', { transferDate: '2025/03/10' }, payments, /^header\.transferDate/],
    ['kanji requester name', { requesterName: '移住連' }, payments, /^header\.requesterName.*移, 住, 連/],
    ['empty requester name', { requesterName: ' ' }, payments, /^header\.requesterName.*empty/],
    ['header account type 4', { accountType: '4' as '1' }, payments, /^header\.accountType/],
    ['header account number 6 digits', { accountNumber: '765432' }, payments, /^header\.accountNumber/],
    ['bank name with (', { bankName: 'ﾐｽﾞﾎ(ｷﾞﾝｺｳ)' }, payments, /^header\.bankName.*\(, \)/],
    ['no payments', {}, [], /^payments: /],
    ['payee bank code 1 digit', {}, p1({ bankCode: '5' }), /^payments\[1\]\.bankCode/],
    ['payee branch code with letter', {}, p1({ branchCode: '01a' }), /^payments\[1\]\.branchCode/],
    ['payee account number 6 digits', {}, p1({ accountNumber: '123456' }), /^payments\[1\]\.accountNumber/],
    ['payee account type 3', {}, p1({ accountType: '3' as '1' }), /^payments\[1\]\.accountType/],
    ['payee name in kanji', {}, p1({ payeeName: '山田' }), /^payments\[1\]\.payeeName.*山, 田/],
    ['payee name empty', {}, p1({ payeeName: '' }), /^payments\[1\]\.payeeName.*empty/],
    ['payee name full-width space', {}, p1({ payeeName: '　' }), /^payments\[1\]\.payeeName.*empty/],
    ['payee name with ｦ', {}, p1({ payeeName: 'ｦ' }), /^payments\[1\]\.payeeName.*ｦ/],
    ['payee branch name with .', {}, p1({ branchName: 'ﾎﾝﾃﾝ.' }), /^payments\[1\]\.branchName/],
    ['amount 0', {}, p1({ amount: 0 }), /^payments\[1\]\.amount/],
    ['amount negative', {}, p1({ amount: -1 }), /^payments\[1\]\.amount/],
    ['amount fraction', {}, p1({ amount: 1.5 }), /^payments\[1\]\.amount/],
    ['amount NaN', {}, p1({ amount: Number.NaN }), /^payments\[1\]\.amount/],
    ['amount 11 digits', {}, p1({ amount: 10_000_000_000 }), /^payments\[1\]\.amount/],
    ['customer code 11 digits', {}, p1({ customerCode1: '12345678901' }), /^payments\[1\]\.customerCode1/],
    ['customer code letters', {}, p1({ customerCode2: 'ABC' }), /^payments\[1\]\.customerCode2/],
    ['transfer kind 9', {}, p1({ transferKind: '9' as '7' }), /^payments\[1\]\.transferKind/],
    ['new code 3', {}, p1({ newCode: '3' as '0' }), /^payments\[1\]\.newCode/],
    [
      'total over 12 digits',
      {},
      Array.from({ length: 101 }, () => ({ ...payments[0], amount: 9_999_999_999 })),
      /^payments: .*12 digits/,
    ],
  ])('%s', (_name, headerPatch, list, message) => {
    expect(() => buildTransferFile({ ...header, ...headerPatch }, list)).toThrow(message);
  });

  test('an account number is never quoted in an error', () => {
    expect(() => buildTransferFile(header, [{ ...payments[0], accountNumber: '98765432' }])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('98765432') }),
    );
  });
});

describe('parseTransferFile', () => {
  const file = buildTransferFile(header, payments);
  const expectedPayments = [
    { bankCode: '0001', branchCode: '001', accountType: '1', accountNumber: '1234567', payeeName: 'ﾔﾏﾀﾞ ﾀﾛｳ', amount: 8000 },
    { bankCode: '0005', branchCode: '045', accountType: '2', accountNumber: '0000012', payeeName: 'ｸﾞｴﾝ ｳﾞｱﾝ ｱﾝ', amount: 4000 },
    { bankCode: '9900', branchCode: '019', accountType: '1', accountNumber: '7777777', payeeName: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ｱｲ', amount: 9_999_999_999 },
  ];
  const lines = (records: string[], sep = '\r\n') => sjis(records.join(sep) + sep);

  test.each<[string, number[]]>([
    ['unsigned bytes', file.bytes],
    ['signed bytes (Blob.getBytes)', toSignedBytes(file.bytes)],
    ['no final CR LF', buildTransferFile(header, payments, { finalNewline: false }).bytes],
    ['no separators at all', sjis(expectedRecords.join(''))],
    ['DOS end-of-file mark', [...file.bytes, 0x1a]],
  ])('reads back a built file: %s', (_name, bytes) => {
    const parsed = parseTransferFile(bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.header).toEqual({
      requesterCode: '0000123456',
      requesterName: 'ｲｼﾞﾕｳﾚﾝ',
      transferDate: '0310',
      bankCode: '0009',
      bankName: 'ﾐﾂｲｽﾐﾄﾓ',
      branchCode: '123',
      branchName: 'ﾄｳｷﾖｳ',
      accountType: '1',
      accountNumber: '7654321',
    });
    expect(parsed.payments).toHaveLength(3);
    expect(parsed.payments).toMatchObject(expectedPayments);
    expect(parsed.payments[1]).toMatchObject({ bankName: 'ﾐﾂﾋﾞｼUFJ', branchName: 'ｼﾝｼﾞﾕｸ', newCode: '1', customerCode1: '0000000042', transferKind: '0', ediFlag: ' ' });
    expect(parsed.trailer).toEqual({ count: 3, total: 10_000_011_999 });
  });

  const [h, d1, d2, d3, t, e] = expectedRecords;
  test.each<[string, number[], RegExp[]]>([
    ['trailer count mismatch', lines([h, d1, d2, `8000003000000012000${SP(101)}`, e]), [/合計件数 3 does not match 2 data records/]],
    ['trailer count too high', lines([h, d1, d2, d3.replace('9999999999', '0000000001').slice(0, 120), `8000004000000012002${SP(101)}`, e]), [/合計件数 4 does not match 3/]],
    ['trailer total mismatch', lines([h, d1, `8000001000000008001${SP(101)}`, e]), [/合計金額 8001 does not match .* 8000/]],
    ['a short record', lines([h, d1.slice(0, 119), t, e]), [/record 2: 119 bytes/, /合計件数/]],
    ['data before the header', lines([d1, h, d2, d3, t, e]), [/record 1: データ区分 2 cannot follow the start/, /record 2: データ区分 1 cannot follow データ区分 2/]],
    ['no end record', lines([h, d1, d2, d3, t]), [/does not end with an end record/]],
    ['no trailer', lines([h, d1, d2, d3, e]), [/record 5: データ区分 9 cannot follow データ区分 2/, /no trailer/]],
    ['no header', lines([d1, d2, d3, t, e]), [/cannot follow the start/, /no header/]],
    ['record after the end', lines([h, d1, d2, d3, t, e, e]), [/record 7: データ区分 9 cannot follow データ区分 9/]],
    ['LF alone', lines([h, d1, d2, d3, t, e], '\n'), [/record 1: ends with LF alone/]],
    ['unknown data kind', lines([h, `3${SP(119)}`, d1, d2, d3, t, e]), [/record 2: unknown データ区分 "3"/]],
    ['non-numeric amount', lines([h, d1.replace('0000008000', '00000080X0'), t, e]), [/record 2: 振込金額 is not numeric/]],
    ['wrong 種別コード', lines([`1110${h.slice(4)}`, d1, d2, d3, t, e]), [/種別コード 11/]],
    ['a double-byte character', [...sjis(h), ...CRLF, ...sjis(d1.slice(0, 118)), 0x81, 0x40, ...CRLF, ...sjis(t), ...CRLF, ...sjis(e), ...CRLF], [/record 2: Byte 0x81/]],
  ])('%s', (_name, bytes, messages) => {
    const { errors } = parseTransferFile(bytes);
    for (const m of messages) expect(errors.some((err) => m.test(err))).toBe(true);
  });

  test('an empty file', () => {
    expect(parseTransferFile([])).toEqual({
      header: null,
      payments: [],
      trailer: null,
      errors: ['no header record (データ区分 1)', 'no trailer record (データ区分 8)', 'the file does not end with an end record (データ区分 9)'],
    });
  });
});

describe('withholdingTax', () => {
  test.each([
    [0, 0],
    [1, 0],
    [100, 10],
    [4000, 408],
    [6000, 612],
    [8000, 816],
    [10000, 1021],
    [12000, 1225],
    [999_999, 102_099],
    [1_000_000, 102_100],
    [1_000_001, 102_100],
    [1_000_010, 102_102],
    [2_000_000, 306_300],
  ])('%i yen → %i yen', (gross, tax) => {
    expect(withholdingTax(gross)).toBe(tax);
  });

  test.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('%p is rejected', (gross) => {
    expect(() => withholdingTax(gross)).toThrow(RangeError);
  });
});
