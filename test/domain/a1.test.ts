import { columnNumber, gridOfA1 } from '../../src/domain/a1';

describe('A1 notation of an edited block', () => {
  test('column letters, worked out by hand', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('Z')).toBe(26);
    expect(columnNumber('AA')).toBe(27);
    expect(columnNumber('AZ')).toBe(52);
    expect(columnNumber('BA')).toBe(53);
    expect(columnNumber('ZZ')).toBe(702);
    expect(columnNumber('AAA')).toBe(703);
  });

  test('one cell and a block', () => {
    expect(gridOfA1('A1')).toEqual({ row: 1, col: 1, numRows: 1, numCols: 1 });
    expect(gridOfA1('K502')).toEqual({ row: 502, col: 11, numRows: 1, numCols: 1 });
    expect(gridOfA1('K2:K3001')).toEqual({ row: 2, col: 11, numRows: 3000, numCols: 1 });
    expect(gridOfA1('B2:C3')).toEqual({ row: 2, col: 2, numRows: 2, numCols: 2 });
    expect(gridOfA1('AE10:AF12')).toEqual({ row: 10, col: 31, numRows: 3, numCols: 2 });
  });

  test('whole rows, whole columns, sheet names and other text are left to the range', () => {
    for (const a1 of ['5:5', 'K:K', 'A2:A', "'申請'!A1", 'a1', 'A0', '', 'A1:', 'R1C1']) expect(gridOfA1(a1)).toBeNull();
  });
});
