import { fitBytes, toBankText } from '../../src/domain/kana';

describe('toBankText', () => {
  test.each<[string, 'name' | 'bankName', string]>([
    ['やまだ たろう', 'name', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ヤマダ　タロウ', 'name', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'name', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['  ヤマダ 　 タロウ  ', 'name', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['ガ', 'name', 'ｶﾞ'],
    ['パ', 'name', 'ﾊﾟ'],
    ['ヴ', 'name', 'ｳﾞ'],
    ['ゔ', 'name', 'ｳﾞ'],
    ['カ\u3099', 'name', 'ｶﾞ'],
    ['キュウ', 'name', 'ｷﾕｳ'],
    ['きゅう', 'name', 'ｷﾕｳ'],
    ['ァィゥェォッャュョヮ', 'name', 'ｱｲｳｴｵﾂﾔﾕﾖﾜ'],
    ['ｧｨｩｪｫｯｬｭｮ', 'name', 'ｱｲｳｴｵﾂﾔﾕﾖ'],
    ['ヰヱヲ', 'name', 'ｲｴｵ'],
    ['を', 'name', 'ｵ'],
    ['スーパー', 'name', 'ｽ-ﾊﾟ-'],
    ['ア－イ‐ウ—エ', 'name', 'ｱ-ｲ-ｳ-ｴ'],
    ['ＡＢＣ１２３', 'name', 'ABC123'],
    ['john smith', 'name', 'JOHN SMITH'],
    ['ｊｏｈｎ', 'name', 'JOHN'],
    ['Ｍｒ．', 'name', 'MR.'],
    ['カ）ヤマダ', 'name', 'ｶ)ﾔﾏﾀﾞ'],
    ['（カ）ミライ', 'name', '(ｶ)ﾐﾗｲ'],
    ['グエン　ヴァン　アン', 'name', 'ｸﾞｴﾝ ｳﾞｱﾝ ｱﾝ'],
    ['', 'name', ''],
    ['　', 'name', ''],
    ['ミズホ', 'bankName', 'ﾐｽﾞﾎ'],
    ['みつびしＵＦＪ', 'bankName', 'ﾐﾂﾋﾞｼUFJ'],
    ['シンジュク－ニシグチ', 'bankName', 'ｼﾝｼﾞﾕｸ-ﾆｼｸﾞﾁ'],
  ])('%j (%s) → %j', (input, kind, expected) => {
    expect(toBankText(input, kind)).toEqual({ ok: true, value: expected });
  });

  test.each<[string, 'name' | 'bankName', string[]]>([
    ['山田 太郎', 'name', ['山', '田', '太', '郎']],
    ['山山', 'name', ['山']],
    ['ヤマダ・タロウ', 'name', ['・']],
    ['ヤマダ，タロウ', 'name', ['，']],
    ['ヤマダ,タロウ', 'name', [',']],
    ['ヤマダ～', 'name', ['～']],
    ['ヤマダ、タロウ', 'name', ['、']],
    ['ｦ', 'name', ['ｦ']],
    ['ヤマダ😀', 'name', ['😀']],
    ['José', 'name', ['é']],
    ['A&B', 'name', ['&']],
    ['(ｶ)ﾐｽﾞﾎ', 'bankName', ['(', ')']],
    ['ﾐｽﾞﾎ.', 'bankName', ['.']],
  ])('%j (%s) is invalid: %j', (input, kind, invalid) => {
    expect(toBankText(input, kind)).toEqual({ ok: false, invalid });
  });
});

describe('fitBytes', () => {
  test.each<[string, number, string]>([
    ['ABC', 5, 'ABC  '],
    ['ABCDEF', 3, 'ABC'],
    ['ABC', 3, 'ABC'],
    ['', 3, '   '],
    ['ｱｶﾞ', 3, 'ｱｶﾞ'],
    ['ｱｶﾞ', 2, 'ｱ '],
    ['ﾊﾟﾊﾟ', 3, 'ﾊﾟ '],
    ['ﾊﾟﾊﾟ', 4, 'ﾊﾟﾊﾟ'],
    ['ｱｲｳ', 2, 'ｱｲ'],
  ])('%j to %i bytes → %j', (value, bytes, expected) => {
    expect(fitBytes(value, bytes)).toBe(expected);
    expect(fitBytes(value, bytes)).toHaveLength(bytes);
  });
});

/**
 * Every kana the bank table accepts, derived independently of src/domain/kana.ts: the half-width
 * letters ｱ..ﾝ (U+FF71..U+FF9D) are the 全銀 alphabet; Unicode's own NFKC maps each to its
 * full-width katakana, and NFKC of a letter followed by ﾞ/ﾟ composes the voiced kana. So one kana
 * changed, added or dropped in the table fails here.
 */
describe('toBankText: exhaustive over the kana blocks, expectations derived through NFKC/NFD', () => {
  const HALF = Array.from({ length: 0xff9d - 0xff71 + 1 }, (_, i) => String.fromCharCode(0xff71 + i));
  /** full-width katakana → its half-width letter, from NFKC. */
  const letterOf = new Map(HALF.map((h) => [h.normalize('NFKC'), h]));
  // Small kana are written large in bank text: the large kana is the next code point (ァ→ア … ヮ→ワ),
  // except ヵ ヶ (small カ ケ). ヰ ヱ ヲ (obsolete; ｦ is refused by banks) are written ｲ ｴ ｵ.
  const SMALL = 'ァィゥェォッャュョヮ';
  const expectedBase = (k: string): string | undefined => {
    if (letterOf.has(k)) return letterOf.get(k);
    if (SMALL.includes(k)) return letterOf.get(String.fromCharCode(k.charCodeAt(0) + 1));
    if (k === 'ヵ') return letterOf.get('カ');
    if (k === 'ヶ') return letterOf.get('ケ');
    return { ヰ: 'ｲ', ヱ: 'ｴ', ヲ: 'ｵ' }[k];
  };
  const MARK: Record<string, string> = { '\u3099': 'ﾞ', '\u309a': 'ﾟ' };
  /** Expected bank text for one full-width katakana, or undefined when banks have no spelling for it. */
  const expected = (k: string): string | undefined => {
    const [base, mark] = Array.from(k.normalize('NFD'));
    const b = expectedBase(base);
    if (b === undefined) return undefined;
    if (mark === undefined) return b;
    return MARK[mark] ? b + MARK[mark] : undefined;
  };

  test('the derivation covers the 45 letters, 22 voiced and 5 semi-voiced forms', () => {
    expect(HALF).toHaveLength(45); // ｱ..ﾝ without ｦ (which sits before ｧ) : 45 letters
    const voiced = HALF.filter((h) => (h + 'ﾞ').normalize('NFKC').length === 1);
    const semi = HALF.filter((h) => (h + 'ﾟ').normalize('NFKC').length === 1);
    expect(voiced).toHaveLength(22); // ｶ..ｺ ｻ..ｿ ﾀ..ﾄ ﾊ..ﾎ ｳ(ヴ) ﾜ(ヷ)
    expect(semi).toHaveLength(5);
  });

  const katakana = Array.from({ length: 0x30fa - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i));
  test.each(katakana)('katakana %s and its hiragana', (k) => {
    const want = expected(k);
    const got = toBankText(k, 'name');
    if (want === undefined) expect(got).toEqual({ ok: false, invalid: [k] });
    else expect(got).toEqual({ ok: true, value: want });
    const code = k.charCodeAt(0);
    // Hiragana ぁ..ゖ sit 0x60 below their katakana.
    if (code <= 0x30f6) {
      const hira = String.fromCharCode(code - 0x60);
      expect(toBankText(hira, 'name')).toEqual(want === undefined ? { ok: false, invalid: [hira] } : { ok: true, value: want });
    }
  });

  test.each(HALF)('each half-width letter %s stays itself, and with ﾞ/ﾟ where NFKC composes', (h) => {
    expect(toBankText(h, 'name')).toEqual({ ok: true, value: h });
    expect(toBankText(h, 'bankName')).toEqual({ ok: true, value: h });
    for (const m of ['ﾞ', 'ﾟ']) {
      const composed = (h + m).normalize('NFKC');
      if (composed.length === 1) expect(toBankText(composed, 'name')).toEqual({ ok: true, value: h + m });
    }
  });

  test('the rest of the half-width block: small letters enlarged, ｰ a hyphen, punctuation and ｦ refused', () => {
    for (let c = 0xff61; c <= 0xff70; c++) {
      const ch = String.fromCharCode(c);
      const got = toBankText(ch, 'name');
      const full = ch.normalize('NFKC');
      if (ch === 'ｰ') expect(got).toEqual({ ok: true, value: '-' });
      else if (SMALL.includes(full)) expect(got).toEqual({ ok: true, value: expectedBase(full) });
      else expect(got).toEqual({ ok: false, invalid: [ch] });
    }
  });

  test('other characters of the katakana block: ー is a hyphen, ・ ヽ ヾ ヿ ゠ are refused', () => {
    expect(toBankText('ー', 'name')).toEqual({ ok: true, value: '-' });
    for (const ch of ['・', 'ヽ', 'ヾ', 'ヿ', '゠', 'ゝ', 'ゞ']) expect(toBankText(ch, 'name')).toEqual({ ok: false, invalid: [ch] });
  });

  test('ASCII: names take A–Z 0–9 space ( ) . - (lower case raised); bank names only letters, digits, space and -', () => {
    for (let c = 0x21; c <= 0x7e; c++) {
      const ch = String.fromCharCode(c);
      const up = ch.toUpperCase();
      const nameOk = /[A-Z0-9().-]/.test(up);
      const bankOk = /[A-Z0-9-]/.test(up);
      expect(toBankText(ch, 'name')).toEqual(nameOk ? { ok: true, value: up } : { ok: false, invalid: [ch] });
      expect(toBankText(ch, 'bankName')).toEqual(bankOk ? { ok: true, value: up } : { ok: false, invalid: [ch] });
      // and the full-width form the same, through NFKC's inverse
      const wide = String.fromCharCode(c + 0xfee0);
      expect(toBankText(wide, 'name')).toEqual(nameOk ? { ok: true, value: up } : { ok: false, invalid: [wide] });
    }
  });
});
