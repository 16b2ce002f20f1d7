/**
 * ゆうちょ銀行 記号・番号 → 店番・預金種目・口座番号 (the bank's 「変換の公式」, cited in src/domain/japanPost.ts).
 * Expected values are worked by hand from the rule and agree with examples published with the bank's own
 * lookup tool's output (sources in each row); none is computed by the code under test.
 */
import { convertJapanPost } from '../../src/domain/japanPost';
import { validateAccount } from '../../src/domain/bankAccount';

describe('convertJapanPost: published examples', () => {
  test.each<[string, unknown, unknown, string, string, string, string]>([
    // [source, 記号, 番号, 店番, 店名, 預金種目, 口座番号]
    ['総合口座, the example printed with the rule (記号12345 番号12345671 → 二三八 1234567)', '12345', '12345671', '238', '二三八', '1', '1234567'],
    ['総合口座 14030-12345671 → 四〇八 普通 1234567 (jpb-account-converter, checked against the bank tool)', '14030', '12345671', '408', '四〇八', '1', '1234567'],
    ['総合口座 15150-21111111 → 五一八 普通 2111111', '15150', '21111111', '518', '五一八', '1', '2111111'],
    ['総合口座 11940-12345671 → 一九八 普通 1234567', '11940', '12345671', '198', '一九八', '1', '1234567'],
    ['総合口座 10530-12345671 (a bank sample) → 〇五八', '10530', '12345671', '058', '〇五八', '1', '1234567'],
    ['総合口座 17300-19927651 → 七三八; the number drops its LAST digit (1992765), not its first', '17300', '19927651', '738', '七三八', '1', '1992765'],
    ['総合口座, a short 番号 is padded: 10000-1231 → 〇〇八 0000123', '10000', '1231', '008', '〇〇八', '1', '0000123'],
    ['振替口座 00580-654321 → 〇五九 当座 0654321', '00580', '654321', '059', '〇五九', '2', '0654321'],
    ['振替口座 00160-0-100001 (middle digit not used) → 〇一九 当座 0100001', '00160-0', '100001', '019', '〇一九', '2', '0100001'],
    ['振替口座 with the middle digit run in: 001600', '001600', '100001', '019', '〇一九', '2', '0100001'],
    ['full-width digits and a hyphen', '１２３４５', '１２３４－５６７１', '238', '二三八', '1', '1234567'],
    ['cells that are numbers: 記号 00160 lost its zeros', 160, 100001, '019', '〇一九', '2', '0100001'],
  ])('%s', (_source, kigo, bango, branch, name, type, number) => {
    expect(convertJapanPost(kigo, bango)).toEqual({ ok: true, value: { branchCode: branch, branchName: name, type, number } });
  });

  test('通常貯蓄貯金 (預金種目 貯蓄) is 貯蓄預金 under the same rule', () => {
    expect(convertJapanPost('12345', '12345671', true)).toEqual({ ok: true, value: { branchCode: '238', branchName: '二三八', type: '4', number: '1234567' } });
  });
});

describe('convertJapanPost: what cannot be converted says why', () => {
  test.each<[string, unknown, unknown, RegExp]>([
    ['記号 4 digits', '1234', '12345671', /記号は5桁/],
    ['記号 6 digits starting with 1', '123456', '12345671', /記号は5桁/],
    ['記号 with a letter', '12A45', '12345671', /記号は5桁/],
    ['記号 empty', '', '12345671', /記号は5桁/],
    ['記号 starting with 2', '23450', '12345671', /0か1で始まります/],
    ['番号 9 digits', '12345', '123456781', /8桁以内/],
    ['番号 not ending in 1', '12345', '12345678', /末尾が1/],
    ['番号 only "1"', '12345', '1', /変換できません/],
    ['番号 empty', '12345', '', /番号は8桁以内/],
    ['振替 番号 8 digits', '00160', '12345678', /7桁以内/],
    ['振替 番号 0', '00160', '0', /番号が0/],
    ['振替 as 貯蓄', '00160', '100001', /当座預金/],
  ])('%s', (_name, kigo, bango, reason) => {
    const r = convertJapanPost(kigo, bango, _name.includes('貯蓄'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  test('boundary: 番号 of 8 digits converts, 9 does not; 振替 7 digits converts, 8 does not', () => {
    expect(convertJapanPost('12345', '99999991').ok).toBe(true);
    expect(convertJapanPost('12345', '999999991').ok).toBe(false);
    expect(convertJapanPost('00160', '1234567')).toMatchObject({ ok: true, value: { number: '1234567' } });
    expect(convertJapanPost('00160', '12345678').ok).toBe(false);
  });
});

describe('validateAccount with 記号 / 番号 (口座 sheet)', () => {
  const holder = 'ユウチョ ハナコ';
  test('記号 and 番号 alone: bank code 9900, 店番, 普通, 口座番号', () => {
    expect(validateAccount({ bankCode: '', branchCode: '', type: '', number: '', holder, kigo: '12345', bango: '12345671' })).toEqual({
      ok: true,
      account: { bankCode: '9900', branchCode: '238', type: '1', number: '1234567', holderKana: 'ﾕｳﾁﾖ ﾊﾅｺ' },
    });
  });
  test('with 9900, 普通 and the converted branch and number filled in as well: the same', () => {
    expect(validateAccount({ bankCode: '9900', branchCode: '238', type: '普通', number: '1234567', holder, kigo: '12345', bango: '12345671' })).toMatchObject({
      ok: true,
      account: { bankCode: '9900', branchCode: '238', type: '1', number: '1234567' },
    });
  });
  test('a 記号 typed into 支店コード and the 番号 into 口座番号 of a 9900 row is converted', () => {
    expect(validateAccount({ bankCode: '9900', branchCode: '00580', type: '', number: '654321', holder })).toMatchObject({
      ok: true,
      account: { bankCode: '9900', branchCode: '059', type: '2', number: '0654321' },
    });
  });
  test.each<[string, Partial<Parameters<typeof validateAccount>[0]>, RegExp]>([
    ['another bank code', { bankCode: '0005' }, /9900/],
    ['a branch code that disagrees', { branchCode: '239' }, /支店コードが記号からの変換（店番238）と一致しません/],
    ['a number that disagrees', { number: '1234568' }, /口座番号が番号からの変換と一致しません/],
    ['当座 for a 総合口座', { type: '当座' }, /預金種目が記号・番号からの変換（普通）と一致しません/],
    ['番号 missing', { bango: '' }, /番号は8桁以内/],
    ['記号 missing', { kigo: '' }, /記号は5桁/],
  ])('held: %s', (_name, patch, reason) => {
    const r = validateAccount({ bankCode: '', branchCode: '', type: '', number: '', holder, kigo: '12345', bango: '12345671', ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reasons.join('\n')).toMatch(reason);
      expect(r.reasons.join('\n')).not.toMatch(/1234567/); // the account number is never quoted
    }
  });
  test('an 8-digit 番号 typed into 口座番号 of a 9900 row says where it belongs', () => {
    const r = validateAccount({ bankCode: '9900', branchCode: '238', type: '普通', number: '12345671', holder });
    expect(r).toEqual({ ok: false, reasons: ['ゆうちょ銀行の記号・番号は「記号」「番号」の列に入力してください（振込用の店番・口座番号に変換します）'] });
  });
  test('a 9900 account already converted (店番 + 7 digits) is taken as typed', () => {
    expect(validateAccount({ bankCode: '9900', branchCode: '238', type: '普通', number: '1234567', holder })).toMatchObject({ ok: true, account: { branchCode: '238', number: '1234567' } });
  });
});
