import { catalog, checkCell, languageOf, LANGUAGES } from '../../src/domain/messages';
import { REASON_CODES, codesInCheckCell } from '../../src/domain/reasons';

const params = { field: '支援実施日', id: 'BN-00042-7', typed: 'a@b.jp', date: '2024-05-01', start: '2023-07-10', end: '2026-02-28', deadline: '2024-06-01', received: '2024-06-02', value: '??', hours: 0.5, min: 1, caseId: 'R-00001-1', max: 3, claimId: 'C-00001-1', cap: 100000, committed: 96000, missing: '基礎5' };

describe('catalogs', () => {
  test.each(LANGUAGES.flatMap((l) => REASON_CODES.map((c) => [l, c] as const)))('%s has a sentence and a fix for %s', (lang, code) => {
    const r = catalog(lang).reason(code, params);
    expect(r.text.length).toBeGreaterThan(10);
    expect(r.fix.length).toBeGreaterThan(5);
    expect(r.text).not.toContain('undefined');
  });

  test.each(LANGUAGES)('%s mails are complete', (lang) => {
    const c = catalog(lang);
    const reg = c.registration({ name: 'An', id: 'BN-00042-7', existing: false, contact: 'office' });
    expect(reg.body).toContain('BN-00042-7');
    const receipt = c.receipt({
      name: 'An', claimId: 'C-00001-1', supporterId: 'BN-00042-7', supportDate: '2024-05-01', hours: '1:30', amount: 4000,
      payoutMonth: '2024-06', caseId: 'R-00001-1', caseIdIssued: true, problems: [c.reason('LATE', params)], edited: false, documentsMissing: true, editUrl: 'https://x/receipt-edit', contact: 'office',
    });
    expect(receipt.body).toContain('https://x/receipt-edit');
    expect(receipt.body).toContain('R-00001-1');
    expect(receipt.body).toContain('C-00001-1');
    expect(receipt.body).toContain(c.reason('LATE', params).fix);
    expect(receipt.body.length).toBeGreaterThan(
      c.receipt({ name: 'An', claimId: 'C', supporterId: 'B', supportDate: 'd', hours: 'h', amount: 1, payoutMonth: null, caseId: null, caseIdIssued: false, problems: [], edited: false, documentsMissing: false, editUrl: '', contact: 'o' }).body.length,
    );
    const claim = { claimId: 'C-00001-1', supportDate: '2024-05-01', hours: '1:30' };
    const ni = c.needsInfo({ name: 'An', ...claim, note: '領収書を', translation: lang === 'ja' ? null : 'the receipt', problems: [c.reason('LATE', params)], editUrl: 'https://x/edit', deadline: '2024-06-08', reminder: true, contact: 'o' });
    expect(ni.body).toContain('https://x/edit');
    // the deadline in the reader's convention, and the claim restated
    expect(ni.body).toContain({ ja: '2024年6月8日', en: '8 June 2024', vi: '08/06/2024' }[lang]);
    for (const v of Object.values(claim)) expect(ni.body).toContain(v);
    expect(ni.body).toContain(c.reason('LATE', params).text);
    expect(ni.body).toContain('領収書を');
    if (lang !== 'ja') expect(ni.body).toMatch(/(Machine translation|Bản dịch máy)[^\n]*the receipt/);
    const noLink = c.needsInfo({ name: 'An', ...claim, note: 'x', translation: null, problems: [], editUrl: '', deadline: '2024-06-08', reminder: false, contact: 'o' });
    expect(noLink.body).toMatch(/返信|reply|trả lời/);
    const rejected = c.rejected({ name: 'An', ...claim, note: '正しいIDで申請しなおしてください', translation: null, contact: 'o' });
    expect(rejected.body).toContain('正しいIDで申請しなおしてください');
    expect(rejected.body).toContain('C-00001-1');
    const paid = c.paid({ name: 'An', month: '2024-06', payday: '2024-06-10', amount: 8000, claimIds: ['C-00001-1'], contact: 'o' });
    // sent after the transfer: the past tense, the date in the reader's convention
    expect(paid.body).toContain({ ja: 'お振込みしました（振込日: 2024年6月10日）', en: 'We have transferred your honorarium', vi: 'Chúng tôi đã chuyển tiền thù lao' }[lang]);
    expect(paid.body).toContain({ ja: '2024年6月10日', en: '10 June 2024', vi: '10/06/2024' }[lang]);
    expect(paid.body).not.toMatch(/お振込みします|We will transfer|sẽ chuyển/);
    const held = c.held({ name: 'An', month: '2024-06', claimIds: ['C-00001-1'], kinds: ['documents', 'account'], contact: 'o' });
    expect(held.body).toContain('C-00001-1');
    expect(held.body.split('\n').filter((l) => l.startsWith('・') || l.startsWith('- '))).toHaveLength(2);
    for (const m of [reg, receipt, ni, noLink, rejected, paid, held]) expect(`${m.subject}${m.body}`).not.toMatch(/undefined|NaN|\[object/);
  });

  test('language answers', () => {
    expect(languageOf('日本語')).toBe('ja');
    expect(languageOf('English')).toBe('en');
    expect(languageOf('Tiếng Việt')).toBe('vi');
    expect(languageOf('')).toBe('ja');
  });

  test('the 自動チェック cell round-trips its codes', () => {
    expect(checkCell([])).toBe('OK');
    const cell = checkCell([{ code: 'LATE', params }, { code: 'TOO_SHORT', params }]);
    expect(cell.split('\n')).toHaveLength(2);
    expect(cell).toMatch(/^LATE: /);
    expect(codesInCheckCell(cell)).toEqual(['LATE', 'TOO_SHORT']);
  });
});

test('money in the reader’s convention: 8,000円 / 8,000 yen / 8.000 yên', () => {
  expect(catalog('ja').yen(132000)).toBe('132,000円');
  expect(catalog('en').yen(132000)).toBe('132,000 yen');
  expect(catalog('vi').yen(132000)).toBe('132.000 yên');
  expect(catalog('vi').yen(4000)).toBe('4.000 yên');
  expect(catalog('vi').yen(1234567)).toBe('1.234.567 yên');
  expect(catalog('vi').yen(800)).toBe('800 yên');
  expect(catalog('vi').reason('BUDGET_EXCEEDED', { cap: 1000000, committed: 0 }).text).toContain('1.000.000 yên');
});

test('Japanese months read 2024年6月, not 2024年06月', () => {
  const c = catalog('ja');
  expect(c.paid({ name: 'A', month: '2024-06', payday: '2024-06-10', amount: 1, claimIds: [], contact: '' }).subject).toContain('2024年6月');
});

// ---- issue 11: a returned transfer
describe('returned transfer mail', () => {
  test.each([
    ['ja', '2024年6月10日', '12,000円'],
    ['en', '10 June 2024', '12,000 yen'],
    ['vi', '10/06/2024', 'yên'],
  ] as const)('%s: the date, amount, claims and the bank reason; what to send', (lang, date, money) => {
    const m = catalog(lang).returned({ name: 'An', month: '2024-06', payday: '2024-06-10', amount: 12000, claimIds: ['C-00001-1', 'C-00002-8'], reason: '名義相違', contact: 'office 03-0000-0000' });
    expect(m.body).toContain(date);
    expect(m.body).toContain(money);
    expect(m.body).toContain('C-00001-1, C-00002-8');
    expect(m.body).toContain('名義相違');
    expect(m.body).toContain('記号');
    expect(m.body).toContain('office 03-0000-0000');
    expect(`${m.subject}${m.body}`).not.toMatch(/undefined|NaN|\[object/);
  });
});
