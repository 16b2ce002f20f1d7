/**
 * Review of the claim rules against the seeds (helper 12g): boundaries and defects found there.
 * Expected values are worked out by hand from the announcements (seeds 000, 001).
 */
import { parseCalendarDate } from '../../src/domain/calendar';
import { parseHours } from '../../src/domain/hours';
import { dammCheckDigit, isDammValid } from '../../src/domain/damm';
import { formatId, parseId } from '../../src/domain/ids';
import { PRESETS, parseProgramDefinition } from '../../src/domain/programs';
import type { Program } from '../../src/domain/programs';
import type { ClaimAnswers, PriorClaim, RuleContext, SupporterFacts } from '../../src/domain/rules';
import { assessClaim } from '../../src/domain/rules';

const covid = PRESETS[0];
const era = PRESETS[1];
const ME = formatId('BN', 42);
const OTHER = formatId('BN', 43);
const CASE = formatId('R', 7);
const jst = (date: string, time = '12:00') => new Date(`${date}T${time}:00+09:00`);

const supporters: Record<string, SupporterFacts> = {
  [ME]: { id: ME, email: 'me@example.org', experience: true, courses: [] },
  [OTHER]: { id: OTHER, email: 'other@example.org', experience: true, courses: [] },
};

const next = ((): Program => {
  const p = parseProgramDefinition('next-2026', '{"extends":"new-migrant-era-2023","name":"2026年度","period":{"start":"2026-04-01","end":"2027-03-31"}}', PRESETS);
  if (!p.ok) throw new Error(p.error);
  return p.program;
})();
const programs = [...PRESETS, next];

function claim(supportDate: string): ClaimAnswers {
  return {
    supporterId: ME,
    email: 'me@example.org',
    supportDate,
    hours: '2',
    caseId: CASE,
    firstForRecipient: false,
    coSupporterId: '',
    missing: [],
  };
}

function ctx(at: Date, prior: PriorClaim[], active: Program): RuleContext {
  return {
    programs,
    active,
    received: at,
    submitted: at,
    supporter: (id) => supporters[id],
    caseIdIssued: (seq) => seq <= 100,
    prior,
  };
}

const prior = (supportDate: string, programId: string): PriorClaim => ({
  claimId: `C-${supportDate}`,
  supporterId: OTHER,
  caseId: CASE,
  supportDate,
  programId,
  amount: 8000,
  decision: '支払済',
  codes: [],
});

describe('the per-recipient limit counts the support events of the claim’s own program only', () => {
  // Seed 000: 「1人の支援対象者(相談者)につき、申請3回まで」 is a condition of 申請 in the
  // 2023-07-10〜2026-02-28 program; seed 001's 「申請は5回まで」 is the 2022 program's. A recipient
  // whose events filled one program's limit is a new count under the next program.
  const full2023 = ['2025-12-01', '2025-12-02', '2025-12-03'].map((d) => prior(d, era.id));

  test('3 events under new-migrant-era-2023, then support in the next program: no RECIPIENT_LIMIT', () => {
    const a = assessClaim(claim('2026-05-10'), ctx(jst('2026-05-20'), full2023, next));
    expect(a.program.id).toBe('next-2026');
    expect(a.reasons.map((r) => r.code)).toEqual([]);
    expect(a.amount).toBe(8000);
  });

  test('the same 3 events still fill the limit for a 4th event inside 2023', () => {
    const a = assessClaim(claim('2025-12-10'), ctx(jst('2025-12-20'), full2023, era));
    expect(a.reasons.map((r) => r.code)).toEqual(['RECIPIENT_LIMIT']);
  });

  test('5 events under covid-2022 do not count against the 2023 program', () => {
    const p = ['2022-06-01', '2022-06-02', '2022-06-03', '2022-06-04', '2022-06-05'].map((d) => prior(d, covid.id));
    const a = assessClaim(claim('2024-05-10'), ctx(jst('2024-05-20'), p, era));
    expect(a.reasons.map((r) => r.code)).toEqual([]);
  });

  test('2 events in 2023 and 2 in the next program: a 3rd there is fine, a 4th is RECIPIENT_LIMIT', () => {
    const p = [prior('2026-01-05', era.id), prior('2026-01-06', era.id), prior('2026-04-10', next.id), prior('2026-04-11', next.id)];
    expect(assessClaim(claim('2026-05-10'), ctx(jst('2026-05-20'), p, next)).reasons.map((r) => r.code)).toEqual([]);
    const p3 = [...p, prior('2026-04-12', next.id)];
    expect(assessClaim(claim('2026-05-10'), ctx(jst('2026-05-20'), p3, next)).reasons.map((r) => r.code)).toEqual(['RECIPIENT_LIMIT']);
  });
});

describe('dates staff type in 和暦 (覚書受領日, 口座届受領日): read, within each era’s real days', () => {
  // Without this, 令和6年5月1日 in 覚書受領日 read as "not received" and held a payable claim.
  test.each<[string, string | null]>([
    ['令和6年5月1日', '2024-05-01'],
    ['令和６年５月１日', '2024-05-01'],
    ['令和 6 年 5 月 1 日', '2024-05-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['令和元年4月30日', null], // the day before 令和 began (it was 平成31年4月30日)
    ['平成31年4月30日', '2019-04-30'],
    ['平成31年5月1日', null], // the first day of 令和
    ['平成元年1月8日', '1989-01-08'],
    ['平成元年1月7日', null],
    ['令和8年2月28日', '2026-02-28'],
    ['令和8年2月29日', null],
    ['令和0年5月1日', null],
    ['昭和64年1月7日', null],
  ])('%p → %p', (input, want) => expect(parseCalendarDate(input)).toBe(want));
});

describe('Damm check digit: exhaustive', () => {
  // The table property behind the guarantee, for every interim digit x and digits a ≠ b:
  // a substitution changes the interim (T[x][a] ≠ T[x][b]) and, the table being a Latin square,
  // stays changed to the end; an adjacent transposition ab → ba changes it (T[T[x][a]][b] ≠ T[T[x][b]][a]).
  test('the table: every row a permutation, and T[T[x][a]][b] ≠ T[T[x][b]][a] for a ≠ b', () => {
    // interim after digits p is dammCheckDigit(p); to reach every interim x, find a prefix giving it.
    const prefixFor = new Map<number, string>();
    for (let n = 0; prefixFor.size < 10; n++) if (!prefixFor.has(dammCheckDigit(String(n)))) prefixFor.set(dammCheckDigit(String(n)), String(n));
    for (const [, p] of prefixFor) {
      const row = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => dammCheckDigit(p + a)));
      expect(row.size).toBe(10);
      for (let a = 0; a <= 9; a++) for (let b = 0; b <= 9; b++) if (a !== b) expect(dammCheckDigit(`${p}${a}${b}`)).not.toBe(dammCheckDigit(`${p}${b}${a}`));
    }
  });

  test('every 5-digit sequence: every single-digit error and every adjacent transposition of the 6 digits (check digit included) is caught', () => {
    let checked = 0;
    for (let seq = 0; seq < 100000; seq++) {
      const full = String(seq).padStart(5, '0') + dammCheckDigit(String(seq).padStart(5, '0'));
      if (!isDammValid(full)) throw new Error(`${full} not valid`);
      for (let i = 0; i < 6; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === full[i]) continue;
          if (isDammValid(full.slice(0, i) + d + full.slice(i + 1))) throw new Error(`missed substitution at ${i} in ${full}`);
          checked++;
        }
        if (i < 5 && full[i] !== full[i + 1]) {
          if (isDammValid(full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2))) throw new Error(`missed transposition at ${i} in ${full}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5_400_000);
  });

  test('as typed: a wrong digit or a swap in BN-/R- IDs is "checkDigit" (mistyped), never another valid ID', () => {
    for (const prefix of ['BN', 'R'] as const) {
      const wrong: string[] = [];
      for (let seq = 0; seq < 100000; seq += 97) {
        const id = formatId(prefix, seq);
        const digits = id.slice(prefix.length + 1, prefix.length + 6) + id.slice(-1);
        for (let i = 0; i < 6; i++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === digits[i]) continue;
            const bad = digits.slice(0, i) + d + digits.slice(i + 1);
            const typed = `${prefix}-${bad.slice(0, 5)}-${bad[5]}`;
            if (parseId(prefix, typed).kind !== 'checkDigit') wrong.push(typed);
          }
        }
        // the swap across the hyphen (last sequence digit ↔ check digit)
        if (digits[4] !== digits[5]) {
          const typed = `${prefix}-${digits.slice(0, 4)}${digits[5]}-${digits[4]}`;
          if (parseId(prefix, typed).kind !== 'checkDigit') wrong.push(typed);
        }
      }
      expect(wrong).toEqual([]);
    }
  });

  test('lowercase, full-width and missing hyphens are the same ID', () => {
    const id = formatId('BN', 42);
    const d = id.slice(-1);
    for (const typed of [`bn-00042-${d}`, `ＢＮ－０００４２－${String.fromCharCode(0xff10 + Number(d))}`, `BN00042${d}`, ` bn 00042 ${d} `, `BNｰ00042ｰ${d}`]) {
      expect(parseId('BN', typed)).toEqual({ kind: 'ok', id, seq: 42 });
    }
  });
});

describe('hours as supporters type them (seed 000: 2時間未満 4,000円 / 2時間以上 8,000円)', () => {
  test.each<[string, number | null]>([
    ['1 tiếng rưỡi', 1.5], // Vietnamese "an hour and a half", like １時間半
    ['2 giờ rưỡi', 2.5],
    ['1 tieng ruoi', 1.5],
    ['rưỡi', null],
  ])('%p → %p', (input, want) => expect(parseHours(input)).toBe(want));
  test('「1 tiếng rưỡi」 is 1.5 h: 4,000 yen under 2023 rules, not HOURS_INVALID', () => {
    const a = assessClaim({ ...claim('2024-05-10'), caseId: '', firstForRecipient: true, hours: '1 tiếng rưỡi' }, ctx(jst('2024-05-20'), [], era));
    expect(a.reasons).toEqual([]);
    expect(a.amount).toBe(4000);
  });
});

describe('support on a program’s last day, claimed after the program ended (deadline by the seed’s rule)', () => {
  // Seed 000: 「2026年2月28日」まで、「支援実施後、1ヶ月以内」(7/30 → 8/30): 2/28 → 3/28, paid the next month.
  // Seed 001: 「2023年2月28日」まで、5/26 → 6/25: 2/28 → 3/27; 「毎月20日に締め、翌10日」: received 3/27 → May.
  test.each<[string, string, string, string[], string | null]>([
    ['2026-02-28', '2026-03-28', '23:59', [], '2026-04'],
    ['2026-02-28', '2026-03-29', '00:00', ['LATE'], '2026-04'],
    ['2023-02-28', '2023-03-27', '23:59', [], '2023-05'],
    ['2023-02-28', '2023-03-28', '00:00', ['LATE'], '2023-05'],
    ['2023-02-28', '2023-03-20', '23:59', [], '2023-04'],
  ])('support %s, received %s %s → %j, payout %s', (supportDate, day, time, expected, month) => {
    const at = jst(day, time);
    const active = supportDate.startsWith('2026') ? era : covid;
    const a = assessClaim({ ...claim(supportDate), caseId: '', firstForRecipient: true }, ctx(at, [], active));
    expect(a.program.id).toBe(active.id);
    expect(a.reasons.map((r) => r.code)).toEqual(expected);
    expect(a.payoutMonth).toBe(month);
    expect(a.amount).toBe(active === era ? 8000 : 6000);
  });
});
