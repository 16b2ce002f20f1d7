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
