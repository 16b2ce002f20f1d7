import { dammCheckDigit } from '../../src/domain/damm';
import { formatId, type ParsedId, parseId } from '../../src/domain/ids';

const c42 = dammCheckDigit('00042');
const wrong42 = (c42 + 1) % 10;
const ok42: ParsedId = { kind: 'ok', id: `BN-00042-${c42}`, seq: 42 };

describe('formatId', () => {
  test.each<['BN' | 'R', number, string]>([
    ['BN', 42, `BN-00042-${c42}`],
    ['R', 42, `R-00042-${c42}`],
    ['BN', 1, `BN-00001-${dammCheckDigit('00001')}`],
    ['BN', 99999, `BN-99999-${dammCheckDigit('99999')}`],
    ['BN', 100000, `BN-100000-${dammCheckDigit('100000')}`],
    ['BN', 0, 'BN-00000-0'],
  ])('%s %d → %s', (prefix, seq, want) => expect(formatId(prefix, seq)).toBe(want));

  test('572 → check digit 4', () => expect(formatId('R', 572)).toBe('R-00572-4'));

  test.each([-1, 1.5, Number.NaN, 2 ** 60])('rejects %p', (seq) =>
    expect(() => formatId('BN', seq)).toThrow(RangeError),
  );

  test('round trip', () => {
    for (const seq of [1, 9, 10, 42, 999, 12345, 99999, 100000, 1234567]) {
      for (const prefix of ['BN', 'R'] as const) {
        expect(parseId(prefix, formatId(prefix, seq))).toEqual({
          kind: 'ok',
          id: formatId(prefix, seq),
          seq,
        });
      }
    }
  });
});

describe('parseId', () => {
  test.each<[unknown, ParsedId]>([
    [`BN-00042-${c42}`, ok42],
    [`bn-00042-${c42}`, ok42],
    [`Bn-00042-${c42}`, ok42],
    [`  BN-00042-${c42}  `, ok42],
    [`bn00042${c42}`, ok42],
    [`BN 00042 ${c42}`, ok42],
    [`BN - 00042 - ${c42}`, ok42],
    [`BN-00042${c42}`, ok42],
    [`BN00042-${c42}`, ok42],
    [`ＢＮ－０００４２－${String.fromCharCode(0xff10 + c42)}`, ok42],
    [`ｂｎ００042${c42}`, ok42],
    [`BN\u300000042\u3000${c42}`, ok42],
    [`BN‐00042‐${c42}`, ok42], // U+2010
    [`BN‑00042‑${c42}`, ok42], // U+2011
    [`BN‒00042‒${c42}`, ok42], // U+2012
    [`BN–00042–${c42}`, ok42], // en dash
    [`BN—00042—${c42}`, ok42], // em dash
    [`BN―00042―${c42}`, ok42], // U+2015
    [`BN−00042−${c42}`, ok42], // minus sign
    [`BNー00042ー${c42}`, ok42], // katakana long vowel mark
    [`BNｰ00042ｰ${c42}`, ok42], // half-width long vowel mark
    [`BN-42-${c42}`, ok42], // short form needs the hyphen before the check digit
    [`BN42-${c42}`, ok42],
    [`BN-042-${c42}`, ok42],
    [`BN-000042-${c42}`, ok42], // extra zeros are harmless
    [`BN-00042-${wrong42}`, { kind: 'checkDigit' }],
    [`BN00042${wrong42}`, { kind: 'checkDigit' }],
    [`BN-42-${wrong42}`, { kind: 'checkDigit' }],
    [`BN-100000-${dammCheckDigit('100000')}`, { kind: 'ok', id: `BN-100000-${dammCheckDigit('100000')}`, seq: 100000 }],
    [`BN42${c42}`, { kind: 'malformed' }], // ambiguous without hyphens
    ['BN-00042', { kind: 'malformed' }], // no check digit: 0004+2 is too short unseparated
    ['BN-00042-', { kind: 'malformed' }],
    ['BN-00042-X', { kind: 'malformed' }],
    ['BN-00042-12', { kind: 'malformed' }], // two check digits
    ['BN-OOO42-1', { kind: 'malformed' }],
    [`R-00042-${c42}`, { kind: 'malformed' }], // wrong prefix
    [`00042-${c42}`, { kind: 'malformed' }],
    [`BN--00042-${c42}`, { kind: 'malformed' }],
    ['BN', { kind: 'malformed' }],
    ['山田太郎', { kind: 'malformed' }],
    ['BN-99999999999999999999-0', { kind: 'malformed' }],
    [42, { kind: 'malformed' }],
    [420, { kind: 'malformed' }],
    [true, { kind: 'malformed' }],
    [{}, { kind: 'malformed' }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['\u3000', { kind: 'empty' }],
    [null, { kind: 'empty' }],
    [undefined, { kind: 'empty' }],
  ])('BN %p → %p', (input, want) => expect(parseId('BN', input)).toEqual(want));

  test.each<[unknown, ParsedId]>([
    [`R-00042-${c42}`, { kind: 'ok', id: `R-00042-${c42}`, seq: 42 }],
    [`r00042${c42}`, { kind: 'ok', id: `R-00042-${c42}`, seq: 42 }],
    [`Ｒ－４２－${String.fromCharCode(0xff10 + c42)}`, { kind: 'ok', id: `R-00042-${c42}`, seq: 42 }],
    [`R-00042-${wrong42}`, { kind: 'checkDigit' }],
    [`BN-00042-${c42}`, { kind: 'malformed' }],
    ['', { kind: 'empty' }],
  ])('R %p → %p', (input, want) => expect(parseId('R', input)).toEqual(want));

  test('a mistyped digit or swapped neighbours is never read as another valid ID', () => {
    for (let seq = 1; seq < 3000; seq += 7) {
      const id = formatId('BN', seq);
      const digits = id.replace(/\D/g, '');
      for (let i = 0; i < digits.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === digits[i]) continue;
          const typo = `BN${digits.slice(0, i)}${d}${digits.slice(i + 1)}`;
          expect(parseId('BN', typo).kind).toBe('checkDigit');
        }
      }
    }
  });
});
