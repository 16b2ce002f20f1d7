import { decodeBankBytes, encodeBankBytes, toSignedBytes, utf8Bytes } from '../../src/domain/sjis';

describe('encodeBankBytes / decodeBankBytes', () => {
  test.each<[string, number[]]>([
    ['', []],
    ['A1 ', [0x41, 0x31, 0x20]],
    ['()-.', [0x28, 0x29, 0x2d, 0x2e]],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', [0xd4, 0xcf, 0xc0, 0xde, 0x20, 0xc0, 0xdb, 0xb3]],
    ['｡ｱﾝﾞﾟ', [0xa1, 0xb1, 0xdd, 0xde, 0xdf]],
    ['~', [0x7e]],
  ])('%j ↔ %j', (text, bytes) => {
    expect(encodeBankBytes(text)).toEqual(bytes);
    expect(decodeBankBytes(bytes)).toBe(text);
  });

  test.each([['山'], ['ア'], ['ガ'], ['\n'], ['\t'], ['é'], ['😀'], ['\u3000']])('%j cannot be encoded', (c) => {
    expect(() => encodeBankBytes(`AB${c}`)).toThrow(c);
  });

  test('signed bytes from Blob.getBytes decode the same', () => {
    expect(decodeBankBytes([-44, -49, -64, -34, 65])).toBe('ﾔﾏﾀﾞA');
  });

  test.each([[[0x0d]], [[0x81, 0x40]], [[0xe0]], [[0x1f]], [[0x80]], [[256]], [[-129]]])('%j is not bank text', (bytes) => {
    expect(() => decodeBankBytes(bytes)).toThrow();
  });

  test('every bank byte matches the platform Shift_JIS decoder', () => {
    const bytes: number[] = [];
    for (let b = 0x20; b <= 0x7e; b++) bytes.push(b);
    for (let b = 0xa1; b <= 0xdf; b++) bytes.push(b);
    const platform = new TextDecoder('shift_jis').decode(Uint8Array.from(bytes));
    expect(decodeBankBytes(bytes)).toBe(platform);
    expect(encodeBankBytes(platform)).toEqual(bytes);
  });
});

describe('toSignedBytes', () => {
  test.each<[number[], number[]]>([
    [[], []],
    [[0, 1, 127, 128, 200, 255], [0, 1, 127, -128, -56, -1]],
    [[-1, -128], [-1, -128]],
  ])('%j → %j', (input, expected) => {
    expect(toSignedBytes(input)).toEqual(expected);
  });

  test.each([[256], [-129], [1.5], [Number.NaN]])('%p is rejected', (b) => {
    expect(() => toSignedBytes([b])).toThrow();
  });
});

describe('utf8Bytes', () => {
  test.each<[string, number[]]>([
    ['', []],
    ['A', [0x41]],
    ['é', [0xc3, 0xa9]],
    ['伴', [0xe4, 0xbc, 0xb4]],
    ['\uFEFF', [0xef, 0xbb, 0xbf]],
    ['😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['\uD800', [0xef, 0xbf, 0xbd]],
    ['\uDC00x', [0xef, 0xbf, 0xbd, 0x78]],
  ])('%j → %j', (s, expected) => {
    expect(utf8Bytes(s)).toEqual(expected);
  });

  test('matches Node for mixed text', () => {
    const s = '\uFEFF申請ID,金額\r\nBN-00042-7,"ヤマダ, タロウ",8000 Tiếng Việt 😀';
    expect(utf8Bytes(s)).toEqual([...Buffer.from(s, 'utf8')]);
  });
});
