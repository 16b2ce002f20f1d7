/** Claim rules against the seeds, end to end on the built bundle (helper 12g's review). */
import { makeWorld, type World } from './world';

const last = (w: World) => w.rows('申請')[w.rows('申請').length - 1];
const codes = (w: World) => (String(last(w).自動チェック) === 'OK' ? [] : String(last(w).自動チェック).split('\n').map((l) => l.split(':')[0]));

describe('the per-recipient limit is per program (seed 000: 「1人の支援対象者(相談者)につき、申請3回まで」 for its own period)', () => {
  test('a recipient with 3 events in new-migrant-era-2023 can be claimed for under the next program', () => {
    const w = makeWorld({ now: '2026-02-20T10:00:00+09:00' });
    const a = w.supporter({ name: '伴走 一郎', email: 'ichiro@example.org', language: '日本語' });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-02-01' });
    const caseId = String(last(w).相談者ID);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-02-02', caseId, first: 'いいえ' });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-02-03', caseId, first: 'いいえ' });
    expect(codes(w)).toEqual([]);
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-02-04', caseId, first: 'いいえ' });
    expect(codes(w)).toEqual(['RECIPIENT_LIMIT']); // the 4th inside 2023: still the limit

    w.at('2026-04-05T10:00:00+09:00');
    w.call('defineProgram', { name: '2026年度', start: '2026-04-01', end: '2027-03-31' });
    w.claim({ id: a, email: 'ichiro@example.org', date: '2026-04-02', caseId, first: 'いいえ' });
    expect(last(w)).toMatchObject({ プログラム: '2026年度', 相談者ID: caseId, 金額: 8000 });
    expect(codes(w)).toEqual([]);
  });
});

describe('answers that look like formulas stay text in 申請', () => {
  test('=, +, -, @ at the start of お名前, 支援時間, 相談者ID, 同行者ID: no formula, the text as typed, a reason each', () => {
    const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
    const a = w.supporter({ name: '伴走 一郎', email: 'ichiro@example.org', language: '日本語' });
    w.claim({ id: a, email: 'ichiro@example.org', name: '=HYPERLINK("http://evil.example","x")', hours: '-1', caseId: '+R-1', first: 'いいえ', coId: '@BN' });
    const s = w.sheet('申請');
    const n = s.getLastRow();
    const formulas = s.getRange(n, 1, 1, s.getLastColumn()).getFormulas()[0];
    expect(formulas.filter((f) => f !== '')).toEqual([]);
    const row = last(w);
    expect(row).toMatchObject({ 氏名: '=HYPERLINK("http://evil.example","x")', 支援時間: '-1', 相談者ID: '+R-1', 同行者ID: '@BN', 金額: 0 });
    expect(codes(w)).toEqual(expect.arrayContaining(['HOURS_INVALID', 'CASE_ID_UNKNOWN', 'CO_SUPPORTER_UNKNOWN']));
  });
});
