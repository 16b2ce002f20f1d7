import { formatPostal, splitPostalCode } from '../../src/domain/postal';

describe('splitPostalCode', () => {
  test.each<[string, string, string]>([
    ['〒110-0005 東京都台東区上野1-12-6', '110-0005', '東京都台東区上野1-12-6'],
    ['〒１１０－０００５　東京都台東区上野１－１２－６', '110-0005', '東京都台東区上野1-12-6'],
    ['1100005 東京都台東区上野1-12-6', '110-0005', '東京都台東区上野1-12-6'],
    ['110-0005東京都台東区上野1-12-6', '110-0005', '東京都台東区上野1-12-6'],
    ['１１０ー０００５ 東京都台東区', '110-0005', '東京都台東区'],
    ['東京都台東区上野1-12-6 〒110-0005', '110-0005', '東京都台東区上野1-12-6'],
    ['郵便番号：110-0005 東京都台東区', '110-0005', '東京都台東区'],
    ['〒 110 0005 東京都', '', '〒 110 0005 東京都'],
    // numbers inside the address are not postal codes
    ['東京都台東区上野1-12-6', '', '東京都台東区上野1-12-6'],
    ['大阪府大阪市北区1234567番地', '', '大阪府大阪市北区1234567番地'],
    ['12345678 東京都', '', '12345678 東京都'],
    ['110-00051 東京都', '', '110-00051 東京都'],
    ['', '', ''],
  ])('%p → %p / %p', (raw, code, address) => expect(splitPostalCode(raw)).toEqual({ postalCode: code, address }));

  test('a postal code given on its own wins, and the address keeps its text', () => {
    expect(splitPostalCode('東京都台東区上野1-12-6', '１１００００５')).toEqual({ postalCode: '110-0005', address: '東京都台東区上野1-12-6' });
    expect(splitPostalCode('〒110-0005 東京都台東区', '〒530-0001')).toEqual({ postalCode: '530-0001', address: '東京都台東区' });
  });
});

describe('formatPostal', () => {
  test.each<[string, string]>([
    ['1234567', '123-4567'],
    ['１２３－４５６７', '123-4567'],
    ['〒123-4567', '123-4567'],
    ['123-456', ''],
    ['12345678', ''],
    ['abc', ''],
  ])('%p → %p', (raw, want) => expect(formatPostal(raw)).toBe(want));
});
