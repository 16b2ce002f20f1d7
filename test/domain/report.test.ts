import type { ReportClaim } from '../../src/domain/report';
import { buildReport, suppress } from '../../src/domain/report';

const c = (over: Partial<ReportClaim>): ReportClaim => ({
  month: '2024-05', decision: '承認', amount: 8000, supporterId: 'BN-1', caseId: 'R-1', issues: ['労働'], prefecture: '東京都', nationality: 'ベトナム', ...over,
});

describe('集計', () => {
  test.each([[0, 0], [1, '<3'], [2, '<3'], [3, 3], [10, 10]])('suppress(%d) = %s', (n, shown) => expect(suppress(n)).toBe(shown));

  test('counts by issue, region and nationality with small counts suppressed; rejected and other months left out', () => {
    const claims = [
      c({ supporterId: 'BN-1', caseId: 'R-1' }),
      c({ supporterId: 'BN-2', caseId: 'R-2', issues: ['労働', '在留資格'] }),
      c({ supporterId: 'BN-3', caseId: 'R-3', decision: '審査待ち' }),
      c({ supporterId: 'BN-4', caseId: 'R-4', prefecture: '大阪府', nationality: 'フィリピン' }),
      c({ decision: '却下' }),
      c({ month: '2024-04' }),
    ];
    const rows = buildReport(claims, '2024-05');
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('申請')?.[1]).toBe(4);
    expect(find('承認・支払済')?.[1]).toBe(3);
    expect(find('承認額（円）')?.[1]).toBe(24000);
    expect(find('伴走者（人）')?.[1]).toBe(4);
    expect(find('労働')?.slice(1)).toEqual([4, 3]);
    expect(find('在留資格')?.slice(1)).toEqual(['<3', '<3']);
    expect(find('東京都')?.slice(1)).toEqual([3, '<3']);
    expect(find('フィリピン')?.slice(1)).toEqual(['<3', '<3']);
    expect(rows.every((r) => r.length === 3)).toBe(true);
  });

  test('an empty month', () => {
    const rows = buildReport([], '2024-05');
    expect(rows.find((r) => r[0] === '申請')?.[1]).toBe(0);
  });
});
