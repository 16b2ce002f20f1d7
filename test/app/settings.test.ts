import { emergencyBudget, parseSettings, SETTING_DEFS } from '../../src/app/settings';

describe('parseSettings', () => {
  test('defaults when empty: the 2023 program, payday 10, no budget, SPEC question titles', () => {
    const s = parseSettings([]);
    expect(s.active.id).toBe('new-migrant-era-2023');
    expect(s.active.paydayDay).toBe(10);
    expect(s.active.budgetYen).toBeNull();
    expect(s.claimTitles.hours).toBe('支援時間(時間)'); // NFKC of 支援時間（時間）
    expect(s.errors).toEqual([]);
  });

  test('a question title overridden with full-width brackets in the key is found', () => {
    const s = parseSettings([['申請設問:支援時間（時間）', '活動時間（時間）']]);
    expect(s.claimTitles.hours).toBe('活動時間(時間)');
  });

  test('支払日 and 予算上限 apply to the active program; bad values are named', () => {
    const s = parseSettings([['プログラム', 'covid-2022'], ['支払日', '１５'], ['予算上限', '1,000,000円']]);
    expect(s.active).toMatchObject({ id: 'covid-2022', paydayDay: 15, budgetYen: 1000000 });
    const bad = parseSettings([['支払日', '末日'], ['プログラム', 'nope']]);
    expect(bad.errors.join('\n')).toMatch(/支払日/);
    expect(bad.errors.join('\n')).toMatch(/nope/);
  });

  test('緊急支援予算上限: yen with commas or 円, empty for none; anything else is named', () => {
    expect([emergencyBudget(''), emergencyBudget('50,000円'), emergencyBudget('０'), emergencyBudget('たくさん'), emergencyBudget('-1')]).toEqual([null, 50000, 0, 'invalid', 'invalid']);
    expect(parseSettings([['緊急支援予算上限', '300,000']]).errors).toEqual([]);
    expect(parseSettings([['緊急支援予算上限', '三十万']]).errors.join('\n')).toMatch(/緊急支援予算上限「三十万」/);
  });

  test('a third program defined in 設定 becomes active without code', () => {
    const s = parseSettings([
      ['プログラム定義:fy2026', '{"extends":"new-migrant-era-2023","name":"2026年度","period":{"start":"2026-04-01","end":"2027-03-31"}}'],
      ['プログラム', 'fy2026'],
    ]);
    expect(s.active.id).toBe('fy2026');
    expect(s.programs.map((p) => p.id)).toEqual(['covid-2022', 'new-migrant-era-2023', 'fy2026']);
  });

  test('every key has a default and a description', () => {
    for (const d of SETTING_DEFS) expect(d.description.length).toBeGreaterThan(3);
    expect(new Set(SETTING_DEFS.map((d) => d.key)).size).toBe(SETTING_DEFS.length);
  });

  test('office emails: several, separated by commas or 、', () => {
    expect(parseSettings([['事務局メール', 'A@smj.example、b@smj.example']]).officeEmails).toEqual(['a@smj.example', 'b@smj.example']);
  });
});
