import { dammCheckDigit, isDammValid } from '../../src/domain/damm';

describe('dammCheckDigit', () => {
  test.each([
    ['572', 4],
    ['', 0],
    ['0', 0],
    ['42', dammCheckDigit('00042')], // leading zeros do not change it
    ['112946', 0],
  ])('%p → %p', (digits, want) => expect(dammCheckDigit(digits)).toBe(want));

  test.each(['57a', '5 7', '-1', '５７２'])('rejects %p', (s) =>
    expect(() => dammCheckDigit(s)).toThrow(RangeError),
  );
});

describe('isDammValid', () => {
  test.each([
    ['5724', true],
    ['5723', false],
    ['1129460', true],
    ['00', true],
    ['0', false], // no payload
    ['', false],
    ['572a', false],
  ])('%p → %p', (s, want) => expect(isDammValid(s)).toBe(want));
});

// A deterministic sample of sequences (no Math.random: failures must reproduce).
const samples: string[] = [];
for (let i = 0, x = 12345; i < 200; i++) {
  x = (x * 1103515245 + 12345) % 2147483648;
  samples.push(String(x % 10 ** (1 + (i % 7))).padStart(5, '0'));
}

describe('error detection', () => {
  test('every single-digit substitution is detected', () => {
    for (const s of samples) {
      const full = s + dammCheckDigit(s);
      for (let i = 0; i < full.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === full[i]) continue;
          expect(isDammValid(full.slice(0, i) + d + full.slice(i + 1))).toBe(false);
        }
      }
    }
  });

  test('every adjacent transposition is detected', () => {
    for (const s of samples) {
      const full = s + dammCheckDigit(s);
      for (let i = 0; i + 1 < full.length; i++) {
        if (full[i] === full[i + 1]) continue;
        const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
        expect(isDammValid(swapped)).toBe(false);
      }
    }
  });
});
