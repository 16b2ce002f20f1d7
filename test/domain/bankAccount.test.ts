import { type RawAccount, maskAccountNumber, validateAccount } from '../../src/domain/bankAccount';

const base: RawAccount = { bankCode: '0001', branchCode: '001', type: '普通', number: '1234567', holder: 'ヤマダ タロウ' };

describe('validateAccount: valid input', () => {
  test.each<[string, Partial<RawAccount>, Record<string, string>]>([
    ['plain text cells', {}, { bankCode: '0001', branchCode: '001', type: '1', number: '1234567', holderKana: 'ﾔﾏﾀﾞ ﾀﾛｳ' }],
    ['numbers that lost leading zeros', { bankCode: 1, branchCode: 5, type: 1, number: 34567 }, { bankCode: '0001', branchCode: '005', type: '1', number: '0034567' }],
    ['short strings', { bankCode: '5', branchCode: '12', number: '1' }, { bankCode: '0005', branchCode: '012', number: '0000001' }],
    ['full-width digits', { bankCode: '０００５', branchCode: '１２３', number: '１２３４５６７' }, { bankCode: '0005', branchCode: '123', number: '1234567' }],
    ['hyphen and spaces inside the number', { number: '123-4567' }, { number: '1234567' }],
    ['full-width hyphen and space', { number: '１２３－４５６　７' }, { number: '1234567' }],
    ['padded with spaces', { bankCode: ' 0001 ', number: ' 1234567 ' }, { bankCode: '0001', number: '1234567' }],
    ['当座', { type: '当座' }, { type: '2' }],
    ['当座預金', { type: '当座預金' }, { type: '2' }],
    ['貯蓄', { type: '貯蓄' }, { type: '4' }],
    ['ふつう', { type: 'ふつう' }, { type: '1' }],
    ['普通預金', { type: '普通預金' }, { type: '1' }],
    ['type as string 2', { type: '2' }, { type: '2' }],
    ['type as number 4', { type: 4 }, { type: '4' }],
    ['type full-width １', { type: '１' }, { type: '1' }],
    ['holder in hiragana', { holder: 'ぐえん　ばん' }, { holderKana: 'ｸﾞｴﾝ ﾊﾞﾝ' }],
    ['holder in Latin', { holder: 'Nguyen Van An' }, { holderKana: 'NGUYEN VAN AN' }],
  ])('%s', (_name, patch, expected) => {
    const result = validateAccount({ ...base, ...patch });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.account).toMatchObject(expected);
  });
});

describe('validateAccount: invalid input', () => {
  test.each<[string, Partial<RawAccount>, string[]]>([
    ['bank code too long', { bankCode: '12345' }, ['金融機関コードは4桁の数字です']],
    ['bank code with letters', { bankCode: 'ABCD' }, ['金融機関コードは4桁の数字です']],
    ['bank code empty', { bankCode: '' }, ['金融機関コードは4桁の数字です']],
    ['bank code missing', { bankCode: undefined }, ['金融機関コードは4桁の数字です']],
    ['bank code negative', { bankCode: -1 }, ['金融機関コードは4桁の数字です']],
    ['branch code too long', { branchCode: '1234' }, ['支店コードは3桁の数字です']],
    ['branch code fraction', { branchCode: 1.5 }, ['支店コードは3桁の数字です']],
    ['branch code as a Date', { branchCode: new Date(0) }, ['支店コードは3桁の数字です']],
    ['type unknown', { type: '定期' }, ['預金種目は普通・当座・貯蓄のいずれかです']],
    ['type 3', { type: 3 }, ['預金種目は普通・当座・貯蓄のいずれかです']],
    ['type empty', { type: '' }, ['預金種目は普通・当座・貯蓄のいずれかです']],
    ['number too long', { number: '12345678' }, ['口座番号は7桁以内の数字です']],
    ['number with letters', { number: '12A4567' }, ['口座番号は7桁以内の数字です']],
    ['number empty', { number: '' }, ['口座番号は7桁以内の数字です']],
    ['number null', { number: null }, ['口座番号は7桁以内の数字です']],
    ['number zero', { number: 0 }, ['口座番号が0です']],
    [
      'ゆうちょ 記号番号',
      { bankCode: '9900', number: '12345-12345678' },
      ['ゆうちょ銀行の記号・番号は「記号」「番号」の列に入力してください（振込用の店番・口座番号に変換します）'],
    ],
    ['holder in kanji', { holder: '山田 太郎' }, ['口座名義に使えない文字があります: 山, 田, 太, 郎']],
    ['holder with ・', { holder: 'ヤマダ・タロウ' }, ['口座名義に使えない文字があります: ・']],
    ['holder empty', { holder: '' }, ['口座名義（カナ）が空です']],
    ['holder spaces', { holder: '　 ' }, ['口座名義（カナ）が空です']],
    ['holder missing', { holder: undefined }, ['口座名義（カナ）が空です']],
    [
      'everything wrong at once',
      { bankCode: 'x', branchCode: 'y', type: 'z', number: 'w', holder: '漢' },
      [
        '金融機関コードは4桁の数字です',
        '支店コードは3桁の数字です',
        '預金種目は普通・当座・貯蓄のいずれかです',
        '口座番号は7桁以内の数字です',
        '口座名義に使えない文字があります: 漢',
      ],
    ],
  ])('%s', (_name, patch, reasons) => {
    expect(validateAccount({ ...base, ...patch })).toEqual({ ok: false, reasons });
  });

  test('reasons never quote the account number', () => {
    const result = validateAccount({ ...base, number: '98765432' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons.join(' ')).not.toContain('98765432');
  });
});

describe('maskAccountNumber', () => {
  test.each([
    ['1234567', '****567'],
    ['0000012', '****012'],
    ['12345678', '*****678'],
    ['1234', '*234'],
    ['123', '***'],
    ['', ''],
  ])('%j → %j', (n, masked) => {
    expect(maskAccountNumber(n)).toBe(masked);
  });
});
