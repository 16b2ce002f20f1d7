import { emergencyBudget, parseSettings, SETTING_DEFS, transferSettingProblems } from '../../src/app/settings';

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

describe('transferSettingProblems: every value the month end needs, named with its fix in Japanese', () => {
  const good: Record<string, string> = {
    依頼人コード: '1234567890', 依頼人名: 'ｲｼﾞﾕｳﾚﾝ', 仕向銀行コード: '0009', 仕向銀行名: '', 仕向支店コード: '100', 仕向支店名: '',
    預金種目: '普通', 口座番号: '7654321', 振込指定区分: '7',
  };
  const problems = (over: Record<string, string>) => transferSettingProblems((k) => ({ ...good, ...over })[k] ?? '');
  test('a complete, valid set has none', () => expect(problems({})).toEqual([]));
  test('katakana and hiragana names convert; full-width is fine', () => {
    expect(problems({ 依頼人名: 'イジュウレン', 仕向銀行名: 'ミツイスミトモ', 仕向支店名: 'うえの' })).toEqual([]);
  });
  test.each([
    [{ 依頼人名: '移住連' }, '依頼人名「移住連」には振込ファイルに使えない文字があります（移 住 連）'],
    [{ 仕向銀行名: '三井住友銀行' }, '仕向銀行名「三井住友銀行」には振込ファイルに使えない文字があります'],
    [{ 仕向支店名: 'ウエノ・シテン' }, '仕向支店名「ウエノ・シテン」には振込ファイルに使えない文字があります（・）'],
    [{ 仕向銀行名: 'ミツイスミトモギンコウトウキヨウ' }, '仕向銀行名「ミツイスミトモギンコウトウキヨウ」は半角15文字までです（いまは17文字）'], // ギ is two bytes (ｷﾞ)
    [{ 依頼人名: '' }, '依頼人名が未設定です'],
    [{ 依頼人コード: '12345678901' }, '依頼人コード「12345678901」は10桁以内の数字'],
    [{ 仕向銀行コード: '009' }, '仕向銀行コード「009」は4桁の数字'],
    [{ 仕向銀行コード: '00009' }, '仕向銀行コード「00009」は4桁の数字'],
    [{ 仕向支店コード: '10' }, '仕向支店コード「10」は3桁の数字'],
    [{ 口座番号: '12345678' }, '口座番号「12345678」は7桁以内の数字'],
    [{ 預金種目: '貯蓄' }, '預金種目「貯蓄」は「普通」か「当座」'],
    [{ 振込指定区分: '9' }, '振込指定区分「9」は 7（電信）、8（文書）'],
  ])('%p → %s', (over, text) => {
    const list = problems(over as Record<string, string>);
    expect(list).toHaveLength(1);
    expect(list[0]).toContain(text);
    expect(list[0]).not.toMatch(/[a-z]{4,}/); // no English developer words
  });
  test('exact lengths pass: 4-digit bank, 3-digit branch, 7-digit account, 10-digit requester', () => {
    expect(problems({ 仕向銀行コード: '9900', 仕向支店コード: '019', 口座番号: '1', 依頼人コード: '1' })).toEqual([]);
  });
});
