import { formatId } from '../../src/domain/ids';
import { PRESETS, amountFor, documentReceivedFor, programDefaults, programStatus, parseProgramDefinition, payoutMonthFor, programForDate } from '../../src/domain/programs';
import type { Program } from '../../src/domain/programs';
import type { ReasonCode } from '../../src/domain/reasons';
import type { ClaimAnswers, PriorClaim, RuleContext, SupporterFacts } from '../../src/domain/rules';
import { assessClaim, budgetReason } from '../../src/domain/rules';

const covid = PRESETS[0];
const era = PRESETS[1];
const ME = formatId('BN', 42);
const OTHER = formatId('BN', 43);
const THIRD = formatId('BN', 44);
const CASE = formatId('R', 7);

/** 12:00 JST on a calendar date. */
const jst = (date: string, time = '12:00') => new Date(`${date}T${time}:00+09:00`);

const supporters: Record<string, SupporterFacts> = {
  [ME]: { id: ME, email: 'me@example.org', experience: true, courses: [] },
  [OTHER]: { id: OTHER, email: 'other@example.org', experience: true, courses: [] },
  [THIRD]: { id: THIRD, email: 'third@example.org', experience: true, courses: [] },
};

function answers(over: Partial<ClaimAnswers> = {}): ClaimAnswers {
  return {
    supporterId: ME,
    email: 'me@example.org',
    supportDate: '2024-05-10',
    hours: '2',
    caseId: '',
    firstForRecipient: true,
    coSupporterId: '',
    missing: [],
    ...over,
  };
}

function ctx(over: Partial<RuleContext> = {}): RuleContext {
  return {
    programs: PRESETS,
    active: era,
    received: jst('2024-05-20'),
    submitted: jst('2024-05-20'),
    supporter: (id) => supporters[id],
    caseIdIssued: (seq) => seq <= 100,
    prior: [],
    ...over,
  };
}

const codes = (a: ClaimAnswers, c: RuleContext) => assessClaim(a, c).reasons.map((r) => r.code);

describe('claim deadline (LATE), both programs, around midnight JST', () => {
  test.each([
    // 2023 rule: the same date next month
    ['2023-07-30', '2023-08-30', '23:59', []],
    ['2023-07-30', '2023-08-31', '00:01', ['LATE']],
    ['2024-01-31', '2024-02-29', '23:59', []], // leap year: last day of February
    ['2024-01-31', '2024-03-01', '00:01', ['LATE']],
    ['2025-01-31', '2025-02-28', '23:59', []], // common year
    ['2025-01-31', '2025-03-01', '00:01', ['LATE']],
    ['2025-12-31', '2026-01-31', '12:00', []],
    // 2022 rule: the day before the same date next month
    ['2022-05-26', '2022-06-25', '23:59', []],
    ['2022-05-26', '2022-06-26', '00:01', ['LATE']],
    ['2023-01-30', '2023-02-28', '23:59', []], // 2/30 does not exist: last day of February
    ['2023-01-30', '2023-03-01', '00:01', ['LATE']],
    ['2022-12-31', '2023-01-30', '12:00', []],
    ['2022-12-31', '2023-01-31', '12:00', ['LATE']],
  ] as [string, string, string, ReasonCode[]][])('support %s, received %s %s → %j', (supportDate, receivedDate, time, expected) => {
    const at = jst(receivedDate, time);
    expect(codes(answers({ supportDate }), ctx({ received: at, submitted: at }))).toEqual(expected);
  });

  test('the first submit decides LATE, not a later edit', () => {
    const c = ctx({ received: jst('2023-08-30', '23:59'), submitted: jst('2023-09-10') });
    expect(codes(answers({ supportDate: '2023-07-30' }), c)).toEqual([]);
  });
});

describe('amounts at every boundary', () => {
  test.each([
    [era, 0.99, 0],
    [era, 1, 4000],
    [era, 1.99, 4000],
    [era, 2, 8000],
    [era, 8, 8000],
    [covid, 0.99, 0],
    [covid, 1, 6000],
    [covid, 2.9, 6000],
    [covid, 3, 10000],
  ] as [Program, number, number][])('%s %d h → %d yen', (program, hours, yen) => {
    expect(amountFor(program, hours)).toBe(yen);
  });

  test.each([
    ['0.99', ['TOO_SHORT'], 0],
    ['1', [], 4000],
    ['１時間半', [], 4000],
    ['1:59', [], 4000],
    ['2', [], 8000],
    ['２', [], 8000],
    ['120分', [], 8000],
    ['01:30:00', [], 4000],
    ['24', [], 8000],
    ['25', ['HOURS_INVALID'], 0],
    ['about two', ['HOURS_INVALID'], 0],
  ] as [string, ReasonCode[], number][])('hours %s → %j, %d yen', (hours, expected, yen) => {
    const a = assessClaim(answers({ hours }), ctx());
    expect(a.reasons.map((r) => r.code)).toEqual(expected);
    expect(a.amount).toBe(yen);
  });
});

describe('hours one second and one thousandth below each boundary, and at it (both programs)', () => {
  // Hand-worked from SPEC §1: 2022 (support 2022-06-10): <1 h TOO_SHORT, 1..<3 h 6,000, ≥3 h 10,000;
  // 2023 (support 2024-05-10): <1 h TOO_SHORT, 1..<2 h 4,000, ≥2 h 8,000.
  const at2022 = jst('2022-06-15');
  test.each([
    ['covid-2022', '00:59:59', ['TOO_SHORT'], 0],
    ['covid-2022', '0.999', ['TOO_SHORT'], 0],
    ['covid-2022', '01:00:00', [], 6000],
    ['covid-2022', '1', [], 6000],
    ['covid-2022', '02:59:59', [], 6000],
    ['covid-2022', '2.999', [], 6000],
    ['covid-2022', '03:00:00', [], 10000],
    ['covid-2022', '3', [], 10000],
    ['new-migrant-era-2023', '00:59:59', ['TOO_SHORT'], 0],
    ['new-migrant-era-2023', '0.999', ['TOO_SHORT'], 0],
    ['new-migrant-era-2023', '01:00:00', [], 4000],
    ['new-migrant-era-2023', '1', [], 4000],
    ['new-migrant-era-2023', '01:59:59', [], 4000],
    ['new-migrant-era-2023', '1.999', [], 4000],
    ['new-migrant-era-2023', '02:00:00', [], 8000],
    ['new-migrant-era-2023', '2', [], 8000],
  ] as [string, string, ReasonCode[], number][])('%s %s → %j %d yen', (programId, hours, expected, yen) => {
    const c = programId === 'covid-2022' ? ctx({ received: at2022, submitted: at2022 }) : ctx();
    const a = assessClaim(answers({ hours, supportDate: programId === 'covid-2022' ? '2022-06-10' : '2024-05-10' }), c);
    expect(a.program.id).toBe(programId);
    expect(a.reasons.map((r) => r.code)).toEqual(expected);
    expect(a.amount).toBe(yen);
  });

  test('TOO_SHORT quotes the time cut to the second (0:59:59), not rounded up to 1:00', () => {
    const a = assessClaim(answers({ hours: '00:59:59' }), ctx());
    expect(a.reasons[0].params).toEqual({ hours: '0:59:59', min: '1:00' });
  });
});

describe('support periods: first and last day of each, and one day outside', () => {
  test.each([
    ['2022-05-24', 'OUT_OF_PERIOD', 'new-migrant-era-2023'],
    ['2022-05-25', null, 'covid-2022'],
    ['2023-02-28', null, 'covid-2022'],
    ['2023-03-01', 'OUT_OF_PERIOD', 'new-migrant-era-2023'],
    ['2023-07-09', 'OUT_OF_PERIOD', 'new-migrant-era-2023'],
    ['2023-07-10', null, 'new-migrant-era-2023'],
    ['2026-02-28', null, 'new-migrant-era-2023'],
    ['2026-03-01', 'OUT_OF_PERIOD', 'new-migrant-era-2023'],
  ])('%s → %s (%s)', (supportDate, code, programId) => {
    const at = jst(supportDate, '20:00');
    const a = assessClaim(answers({ supportDate }), ctx({ received: at, submitted: at }));
    expect(a.program.id).toBe(programId);
    expect(a.reasons.map((r) => r.code)).toEqual(code ? [code] : []);
  });

  test('a support date after the submit is FUTURE_DATE', () => {
    expect(codes(answers({ supportDate: '2024-05-21' }), ctx())).toEqual(['FUTURE_DATE']);
    expect(codes(answers({ supportDate: '2024-05-20' }), ctx())).toEqual([]);
  });

  test('an unreadable date is a reason, not a crash', () => {
    const a = assessClaim(answers({ supportDate: '先週の水曜' }), ctx());
    expect(a.reasons.map((r) => r.code)).toEqual(['FIELD_MISSING']);
    expect(a.reasons[0].params.value).toBe('先週の水曜');
  });
});

describe('IDs', () => {
  const good = ME; // BN-00042-?
  const wrongDigit = `${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10}`;
  test.each([
    [good, []],
    [good.toLowerCase(), []],
    [good.replace(/-/g, '－').replace('BN', 'ＢＮ'), []],
    [wrongDigit, ['ID_FORMAT']],
    ['BN-00042', ['ID_FORMAT']],
    ['hello', ['ID_FORMAT']],
    [formatId('BN', 999), ['ID_UNKNOWN']],
  ] as [string, ReasonCode[]][])('%s → %j', (supporterId, expected) => {
    expect(codes(answers({ supporterId }), ctx())).toEqual(expected);
  });

  test('an empty required answer is FIELD_MISSING (from the adapter), with no ID reason', () => {
    expect(codes(answers({ supporterId: '', missing: ['伴走ネットID'] }), ctx())).toEqual(['FIELD_MISSING']);
  });

  test('email mismatch', () => {
    expect(codes(answers({ email: 'someone@else.org' }), ctx())).toEqual(['EMAIL_MISMATCH']);
  });

  test('a typed email that is present but no address is EMAIL_MISMATCH (not FIELD_MISSING), with what was typed', () => {
    const a = assessClaim(answers({ email: '', typedEmail: undefined, typedEmailInvalid: 'mailto:me@example.org' } as Partial<ClaimAnswers>), ctx());
    expect(a.reasons).toEqual([{ code: 'EMAIL_MISMATCH', params: { typed: 'mailto:me@example.org', invalid: 1 } }]);
    // even when the ID is unknown (nothing to compare with, and no address to use)
    expect(codes(answers({ supporterId: formatId('BN', 999), email: '', typedEmailInvalid: 'me@' }), ctx())).toEqual(['ID_UNKNOWN', 'EMAIL_MISMATCH']);
  });

  test('co-supporter: unknown, malformed, self', () => {
    expect(codes(answers({ coSupporterId: OTHER }), ctx())).toEqual([]);
    expect(codes(answers({ coSupporterId: formatId('BN', 500) }), ctx())).toEqual(['CO_SUPPORTER_UNKNOWN']);
    expect(codes(answers({ coSupporterId: 'BN-1' }), ctx())).toEqual(['CO_SUPPORTER_UNKNOWN']);
    expect(codes(answers({ coSupporterId: ME }), ctx())).toEqual(['CO_SUPPORTER_SELF']);
  });

  test('case IDs: first claim issues one; a later claim needs one that was issued', () => {
    expect(assessClaim(answers(), ctx()).issueCaseId).toBe(true);
    expect(codes(answers({ firstForRecipient: false }), ctx())).toEqual(['CASE_ID_MISSING']);
    expect(codes(answers({ caseId: CASE, firstForRecipient: false }), ctx())).toEqual([]);
    expect(codes(answers({ caseId: formatId('R', 101), firstForRecipient: false }), ctx())).toEqual(['CASE_ID_UNKNOWN']);
    expect(codes(answers({ caseId: 'R-7', firstForRecipient: false }), ctx())).toEqual(['CASE_ID_UNKNOWN']);
    // R-0-0 and R-00000-0 pass the Damm check, but sequence 0 is never issued
    expect(codes(answers({ caseId: 'R-0-0', firstForRecipient: false }), ctx())).toEqual(['CASE_ID_UNKNOWN']);
    expect(codes(answers({ caseId: 'R-00000-0', firstForRecipient: false }), ctx())).toEqual(['CASE_ID_UNKNOWN']);
    expect(codes(answers({ caseId: formatId('R', 1), firstForRecipient: false }), ctx())).toEqual([]);
    const own = assessClaim(answers({ caseId: '' }), ctx({ ownCaseId: CASE }));
    expect(own.caseId).toBe(CASE);
    expect(own.issueCaseId).toBe(false);
  });
});

describe('limits per recipient and per event', () => {
  const prior = (supporterId: string, supportDate: string, extra: Partial<PriorClaim> = {}): PriorClaim => ({
    claimId: `C-${supporterId}-${supportDate}`,
    supporterId,
    caseId: CASE,
    supportDate,
    programId: era.id,
    amount: 8000,
    decision: '承認',
    codes: [],
    ...extra,
  });
  const claim = (supportDate: string, supporterId = ME) => answers({ caseId: CASE, supportDate, supporterId, email: supporters[supporterId].email, firstForRecipient: false });

  test('the 4th support event for one recipient under 2023 rules', () => {
    const p = [prior(OTHER, '2024-05-01'), prior(OTHER, '2024-05-02'), prior(OTHER, '2024-05-03')];
    expect(codes(claim('2024-05-10'), ctx({ prior: p.slice(0, 2) }))).toEqual([]);
    expect(codes(claim('2024-05-10'), ctx({ prior: p }))).toEqual(['RECIPIENT_LIMIT']);
  });

  test('the 6th support event under 2022 rules', () => {
    const dates = ['2022-06-01', '2022-06-02', '2022-06-03', '2022-06-04', '2022-06-05'];
    const p = dates.map((d) => prior(OTHER, d, { programId: covid.id }));
    const at = jst('2022-06-20');
    const c = { received: at, submitted: at, active: covid };
    expect(codes(claim('2022-06-10'), ctx({ ...c, prior: p.slice(0, 4) }))).toEqual([]);
    expect(codes(claim('2022-06-10'), ctx({ ...c, prior: p }))).toEqual(['RECIPIENT_LIMIT']);
  });

  test('a second supporter on the same event is fine; a third is EVENT_LIMIT', () => {
    expect(codes(claim('2024-05-01'), ctx({ prior: [prior(OTHER, '2024-05-01')] }))).toEqual([]);
    expect(codes(claim('2024-05-01'), ctx({ prior: [prior(OTHER, '2024-05-01'), prior(THIRD, '2024-05-01')] }))).toEqual(['EVENT_LIMIT']);
  });

  test('the same supporter twice on one event is DUPLICATE', () => {
    expect(codes(claim('2024-05-01'), ctx({ prior: [prior(ME, '2024-05-01')] }))).toEqual(['DUPLICATE']);
  });

  test('rejected claims and claims over a limit free their place', () => {
    const p = [
      prior(OTHER, '2024-05-01'),
      prior(OTHER, '2024-05-02', { decision: '却下' }),
      prior(THIRD, '2024-05-03', { codes: ['RECIPIENT_LIMIT'] }),
      prior(OTHER, '2024-05-04'),
    ];
    expect(codes(claim('2024-05-10'), ctx({ prior: p }))).toEqual([]);
  });
});

describe('eligibility (2023): experience, or 基礎1–5 with 基礎5 waived up to 2024-03-31', () => {
  const novice = (courses: string[]): SupporterFacts => ({ id: ME, email: 'me@example.org', experience: false, courses });
  const run = (courses: string[], supportDate: string) => {
    const at = jst(supportDate, '20:00');
    return codes(answers({ supportDate }), ctx({ supporter: () => novice(courses), received: at, submitted: at }));
  };
  test.each([
    [['基礎1', '基礎2', '基礎3', '基礎4'], '2024-03-31', []],
    [['基礎1', '基礎2', '基礎3', '基礎4'], '2024-04-01', ['NOT_ELIGIBLE']],
    [['基礎１', '基礎 2', '基礎③', '基礎4', '基礎5'], '2024-04-01', []],
    [['基礎1', '基礎2'], '2023-08-01', ['NOT_ELIGIBLE']],
    [[], '2023-08-01', ['NOT_ELIGIBLE']],
  ] as [string[], string, ReasonCode[]][])('%j on %s → %j', (courses, date, expected) => {
    expect(run(courses, date)).toEqual(expected);
  });
  test('no automatic eligibility check under 2022 rules', () => {
    const at = jst('2022-07-01');
    expect(codes(answers({ supportDate: '2022-06-20' }), ctx({ supporter: () => novice([]), received: at, submitted: at }))).toEqual([]);
  });
});

describe('budget', () => {
  const capped = { ...era, budgetYen: 20000 };
  test.each([
    [0, 8000, null],
    [12000, 8000, null],
    [12001, 8000, 'BUDGET_EXCEEDED'],
    [20000, 0, null],
  ])('committed %d + %d', (committed, amount, code) => {
    expect(budgetReason(capped, committed, amount)?.code ?? null).toBe(code);
  });
  test('no cap, no reason', () => expect(budgetReason(era, 1e9, 8000)).toBeNull());
});

describe('documents received for a program: on or after its first day (one rule for receipts and payouts)', () => {
  test.each([
    ['covid-2022', '2022-05-24', false],
    ['covid-2022', '2022-05-25', true],
    ['new-migrant-era-2023', '2023-07-09', false],
    ['new-migrant-era-2023', '2023-07-10', true],
    ['new-migrant-era-2023', '2026-02-28', true],
  ])('%s, received %s → %p', (id, date, want) => {
    const program = PRESETS.find((p) => p.id === id) as Program;
    expect(documentReceivedFor(program, date)).toBe(want);
  });
  test('none received', () => expect(documentReceivedFor(era, null)).toBe(false));
});

describe('program data', () => {
  test('payout month by cut-off', () => {
    expect(payoutMonthFor(covid, '2022-06-20')).toBe('2022-07');
    expect(payoutMonthFor(covid, '2022-06-21')).toBe('2022-08');
    expect(payoutMonthFor(era, '2024-05-31')).toBe('2024-06');
    expect(payoutMonthFor(era, '2024-06-01')).toBe('2024-07');
    expect(payoutMonthFor(era, '2024-12-15')).toBe('2025-01');
  });
  test('programForDate', () => {
    expect(programForDate(PRESETS, '2023-05-01')).toBeUndefined();
  });
  test('a third program defined in 設定 extends a preset', () => {
    const r = parseProgramDefinition('fy2026', '{"extends":"new-migrant-era-2023","name":"2026年度","period":{"start":"2026-04-01","end":"2027-03-31"},"tiers":[{"fromHours":0,"amount":5000},{"fromHours":2,"amount":9000}]}', PRESETS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.program.maxEventsPerRecipient).toBe(3);
    expect(amountFor(r.program, 2)).toBe(9000);
    expect(programForDate([...PRESETS, r.program], '2026-05-01')?.id).toBe('fy2026');
  });
  test.each([
    ['not json', 'JSON'],
    ['{"name":"x"}', 'extends'],
    ['{"extends":"nope"}', 'nope'],
    ['{"extends":"covid-2022","period":{"start":"2027-01-01","end":"2026-01-01"}}', 'start'],
    ['{"extends":"covid-2022","tiers":[{"fromHours":"x"}]}', 'tiers'],
  ])('bad definition %s names the problem', (json, word) => {
    const r = parseProgramDefinition('bad', json, PRESETS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(word);
  });
});

describe('program lifecycle: open on its first and last day, none the day before and after', () => {
  test.each([
    ['2022-05-24', null, null, 'covid-2022'],
    ['2022-05-25', 'covid-2022', null, null],
    ['2023-02-28', 'covid-2022', null, null],
    ['2023-03-01', null, 'covid-2022', 'new-migrant-era-2023'],
    ['2023-07-09', null, 'covid-2022', 'new-migrant-era-2023'],
    ['2023-07-10', 'new-migrant-era-2023', null, null],
    ['2026-02-28', 'new-migrant-era-2023', null, null],
    ['2026-03-01', null, 'new-migrant-era-2023', null],
  ])('%s → open %s, ended %s, next %s', (today, open, ended, next) => {
    const s = programStatus(PRESETS, today);
    if (open) expect(s).toEqual({ kind: 'open', program: expect.objectContaining({ id: open }) });
    else {
      expect(s.kind).toBe('none');
      if (s.kind === 'none') {
        expect(s.ended?.id ?? null).toBe(ended);
        expect(s.next?.id ?? null).toBe(next);
      }
    }
  });

  test('defaults for the next program: from the day after the last ended (or today), a year long, the same rules', () => {
    expect(programDefaults(era, '2026-01-10')).toEqual({ start: '2026-03-01', end: '2027-02-28', amounts: '1:4000, 2:8000', limits: '3, 2', payday: '10', budget: '' });
    expect(programDefaults(era, '2026-11-29')).toMatchObject({ start: '2026-11-29', end: '2027-11-28' });
    expect(programDefaults(covid, '2026-11-29').amounts).toBe('1:6000, 3:10000');
  });
});
