/** Issue 10 part B, the pure rules: sign-up decisions, the waiting list, grants in the payout plan, 集計. */
import { PRESETS } from '../../src/domain/programs';
import type { PayoutClaim, PayoutSupporter } from '../../src/domain/payout';
import { isDue, payoutFingerprint, planPayout } from '../../src/domain/payout';
import type { Session, SignupInput } from '../../src/domain/sessions';
import { capacityOf, judgeSignup, promotions, purposeOf, sessionChoice, sessionIdOfAnswer } from '../../src/domain/sessions';
import { grantRows, sessionRows } from '../../src/domain/programReport';

const era = PRESETS[1];
const session = (extra: Partial<Session> = {}): Session => ({ id: 'S1', title: '相談会', when: '2024-06-15 19:00', capacity: 2, method: 'Zoom', state: '受付中', ...extra });
const input = (extra: Partial<SignupInput> = {}): SignupInput => ({
  id: { kind: 'ok', id: 'BN-00001-3' },
  supporter: { id: 'BN-00001-3', experienced: true, foreignRoots: false },
  sessionAnswer: 'S1 2024-06-15 19:00 相談会',
  session: session(),
  purposeAnswer: '伴走者として参加',
  purpose: 'participant',
  taken: 0,
  earlier: null,
  ...extra,
});

describe('judgeSignup', () => {
  test.each([
    [0, '参加可'],
    [1, '参加可'], // the last place
    [2, 'キャンセル待ち'], // one over
    [3, 'キャンセル待ち'],
  ])('capacity 2 with %i taken: %s', (taken, decision) => {
    expect(judgeSignup(input({ taken }))).toEqual({ decision, reasons: [] });
  });

  test('participants need experience; trainees need foreign roots (each side)', () => {
    const s = (experienced: boolean, foreignRoots: boolean) => ({ id: 'BN-00001-3', experienced, foreignRoots });
    expect(judgeSignup(input({ supporter: s(false, true) })).reasons.map((r) => r.code)).toEqual(['NOT_EXPERIENCED']);
    expect(judgeSignup(input({ supporter: s(true, false) })).decision).toBe('参加可');
    const trainee = { purpose: 'trainee' as const, purposeAnswer: '研修として参加（外国ルーツの支援者）' };
    expect(judgeSignup(input({ ...trainee, supporter: s(true, false) })).reasons.map((r) => r.code)).toEqual(['NO_FOREIGN_ROOTS']);
    expect(judgeSignup(input({ ...trainee, supporter: s(false, true) })).decision).toBe('参加可');
  });

  test('every reason is given, and any reason means 要確認 even with places free', () => {
    const r = judgeSignup(input({ id: { kind: 'checkDigit', typed: 'BN-00001-4' }, supporter: null, session: null, purpose: null, purposeAnswer: '見学' }));
    expect(r.decision).toBe('要確認');
    expect(r.reasons.map((x) => x.code)).toEqual(['ID_FORMAT', 'SESSION_UNKNOWN', 'PURPOSE_UNKNOWN']);
    expect(judgeSignup(input({ supporter: null })).reasons.map((x) => x.code)).toEqual(['ID_UNKNOWN']);
    expect(judgeSignup(input({ session: session({ state: '締切' }) })).reasons.map((x) => x.code)).toEqual(['SESSION_CLOSED']);
    expect(judgeSignup(input({ session: session({ capacity: null }) })).reasons.map((x) => x.code)).toEqual(['SESSION_CAPACITY']);
    expect(judgeSignup(input({ earlier: 'S-00001-3' })).reasons).toEqual([{ code: 'ALREADY_SIGNED_UP', params: { signupId: 'S-00001-3' } }]);
  });

  test('answers and typed values are read in any width', () => {
    expect(purposeOf('伴走者として参加')).toBe('participant');
    expect(purposeOf('研修として参加（外国ルーツの支援者）')).toBe('trainee');
    expect(purposeOf('見学')).toBeNull();
    expect([capacityOf(1), capacityOf('３'), capacityOf('20人'), capacityOf(0), capacityOf(1.5), capacityOf(''), capacityOf('多数')]).toEqual([1, 3, 20, null, null, null, null]);
    expect(sessionChoice(session())).toBe('S1 2024-06-15 19:00 相談会');
    expect(sessionIdOfAnswer('S1 2024-06-15 19:00 相談会')).toBe('S1');
  });
});

describe('promotions (the waiting list)', () => {
  const sessions = new Map([
    ['S1', session({ capacity: 2 })],
    ['S2', session({ id: 'S2', capacity: 1, state: '締切' })],
  ]);
  test('moves up in order of receipt (ties by row) while places are free; a closed session stays as it is', () => {
    const rows = [
      { index: 0, sessionId: 'S1', decision: '参加可', received: 1 },
      { index: 1, sessionId: 'S1', decision: 'キャンセル', received: 2 },
      { index: 2, sessionId: 'S1', decision: 'キャンセル待ち', received: 5 },
      { index: 3, sessionId: 'S1', decision: 'キャンセル待ち', received: 3 },
      { index: 4, sessionId: 'S1', decision: 'キャンセル待ち', received: 3 },
      { index: 5, sessionId: 'S2', decision: 'キャンセル待ち', received: 1 },
    ];
    // one place free in S1 (2 − 1): the earliest waiting (received 3, row 3 before row 4)
    expect(promotions(sessions, rows)).toEqual([3]);
    expect(promotions(sessions, rows.map((r) => (r.index === 0 ? { ...r, decision: 'キャンセル' } : r)))).toEqual([3, 4]);
    expect(promotions(sessions, rows.filter((r) => r.index !== 1 && r.index !== 0).concat([{ index: 9, sessionId: 'S1', decision: '参加可', received: 0 }, { index: 8, sessionId: 'S1', decision: '参加可', received: 0 }]))).toEqual([]);
  });

  test('a tie in 受付日時 goes by 申込ID before row (rows sorted by staff)', () => {
    const rows = [
      { index: 0, sessionId: 'S1', decision: '参加可', received: 1, seq: 1 },
      { index: 1, sessionId: 'S1', decision: 'キャンセル待ち', received: 3, seq: 8 },
      { index: 2, sessionId: 'S1', decision: 'キャンセル待ち', received: 3, seq: 7 },
      { index: 3, sessionId: 'S1', decision: 'キャンセル待ち', received: 3 },
      { index: 4, sessionId: 'S1', decision: 'キャンセル待ち', received: 2, seq: 9 },
    ];
    // one place: the earliest received (2) whatever its ID; then 7 before 8; one without an ID last
    expect(promotions(sessions, rows)).toEqual([4]);
    expect(promotions(sessions, rows.filter((r) => r.index !== 4))).toEqual([2]);
    expect(promotions(sessions, rows.map((r) => (r.index === 0 ? { ...r, decision: 'キャンセル' } : r)))).toEqual([4, 2]);
    expect(promotions(sessions, rows.filter((r) => r.index === 0 || r.index === 3 || r.index === 1))).toEqual([1]);
  });
});

describe('grants in the payout plan', () => {
  const supporters = new Map<string, PayoutSupporter>([
    ['A', { id: 'A', name: 'A', memorandum: '2023-08-01', accountForm: '2023-08-01' }],
    ['B', { id: 'B', name: 'B', memorandum: null, accountForm: null }],
  ]);
  const accounts = new Map([
    ['A', [{ bankCode: '0005', branchCode: '001', type: '普通', number: '1234567', holder: 'ﾔﾏﾀﾞ' }]],
    ['B', [{ bankCode: '0005', branchCode: '001', type: '普通', number: '7654321', holder: 'ｽｽﾞｷ' }]],
  ]);
  const item = (claimId: string, supporterId: string, received: string, amount: number, kind?: 'grant'): PayoutClaim => ({
    claimId, supporterId, received, programId: era.id, amount, decision: '承認', paymentId: '', draftId: '', ...(kind ? { kind } : {}),
  });

  test('a grant is due from the month it was recorded in (a claim only after the cut-off)', () => {
    expect(isDue(item('E1', 'A', '2024-05-31', 1, 'grant'), '2024-05', PRESETS, era)).toBe(true);
    expect(isDue(item('E1', 'A', '2024-06-01', 1, 'grant'), '2024-05', PRESETS, era)).toBe(false);
    expect(isDue(item('C1', 'A', '2024-05-31', 1), '2024-05', PRESETS, era)).toBe(false);
    expect(isDue(item('E1', 'A', '2024-05-31', 0, 'grant'), '2024-06', PRESETS, era)).toBe(false);
    expect(isDue({ ...item('E1', 'A', '2024-05-31', 5, 'grant'), paymentId: 'P-2024-06' }, '2024-07', PRESETS, era)).toBe(false);
  });

  test('paid with the honoraria in one line, never taxed; held with them', () => {
    const claims = [item('C1', 'A', '2024-05-10', 8000), item('C2', 'A', '2024-05-11', 4000), item('E1', 'A', '2024-05-20', 30000, 'grant'), item('E2', 'B', '2024-05-20', 5000, 'grant')];
    const p = planPayout({ month: '2024-06', claims, supporters, accounts, programs: PRESETS, active: era, withholding: true });
    expect(p.paid.map((l) => [l.supporterId, l.claimIds, l.grantIds, l.gross, l.tax, l.grants, l.net])).toEqual([
      // tax: floor(12,000 × 10.21%) = 1,225; net = 12,000 − 1,225 + 30,000
      ['A', ['C1', 'C2'], ['E1'], 12000, 1225, 30000, 40775],
    ]);
    expect(p.held.map((l) => [l.supporterId, l.claimIds, l.grantIds, l.grants, l.holdKinds])).toEqual([['B', [], ['E2'], 5000, ['documents']]]);
    expect(p.totalNet).toBe(40775);
    // the fingerprint changes when a grant is added to the same transfer amount's line
    const q = planPayout({ month: '2024-06', claims: claims.slice(0, 2).concat([item('E9', 'A', '2024-05-20', 30000, 'grant')]), supporters, accounts, programs: PRESETS, active: era, withholding: true });
    expect(payoutFingerprint(q)).not.toBe(payoutFingerprint(p));
  });
});

describe('集計 of sessions and grants', () => {
  test('sessions held in the month, cancellations left out, small counts suppressed', () => {
    const signups = [
      ...Array.from({ length: 3 }, () => ({ sessionId: 'S1', decision: '参加可', purpose: 'participant', attendance: '出席' })),
      { sessionId: 'S1', decision: 'キャンセル', purpose: 'participant', attendance: '' },
      { sessionId: 'S1', decision: 'キャンセル待ち', purpose: 'trainee', attendance: '' },
    ];
    const rows = sessionRows([{ id: 'S1', title: '労働', month: '2024-06' }, { id: 'S2', title: '別の月', month: '2024-07' }], signups, '2024-06');
    // 参加可 3 / 待ち 1 / 要確認 0 of 4: the 1 is hidden, and so is the 3 (else 4 − 3 − 0 gives it away);
    // 伴走者 3 / 研修 1 likewise; 出席 3 / 欠席 0 with 1 unrecorded: nothing small is shown, nothing hidden.
    expect(rows.slice(2)).toEqual([['S1 労働', 4, '秘匿', '秘匿', 0, '秘匿', '秘匿', 3, 0]]);
  });

  test('a session of 2 sign-ups hides its total and every nonzero cell', () => {
    const one = { sessionId: 'S1', decision: '参加可', purpose: 'participant', attendance: '出席' };
    const rows = sessionRows([{ id: 'S1', title: '小', month: '2024-06' }], [one, { ...one, attendance: '欠席' }], '2024-06');
    expect(rows.slice(2)).toEqual([['S1 小', '秘匿', '秘匿', 0, 0, '秘匿', 0, '秘匿', '秘匿']]);
  });

  test('no hidden count of a session row can be recovered from its total (every row of up to 6 sign-ups)', () => {
    const decisions = ['参加可', 'キャンセル待ち', '要確認'];
    for (let a = 0; a <= 6; a++) {
      for (let b = 0; a + b <= 6; b++) {
        for (let c = 0; a + b + c <= 6; c++) {
          const list = [...Array(a).fill(0), ...Array(b).fill(1), ...Array(c).fill(2)].map((d) => ({ sessionId: 'S1', decision: decisions[d], purpose: 'participant', attendance: '出席' }));
          const row = sessionRows([{ id: 'S1', title: 't', month: '2024-06' }], list, '2024-06')[2];
          const cells = row.slice(2, 5);
          const hidden = cells.filter((x) => x === '秘匿').length;
          const small = [a, b, c].some((n) => n > 0 && n < 3);
          if (!small) continue;
          // the total shown minus the shown cells leaves the hidden ones' sum: it must not pin any one down
          if (row[1] !== '秘匿') {
            const rest = (row[1] as number) - cells.reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
            expect(hidden).toBeGreaterThanOrEqual(2);
            expect(rest).toBeGreaterThanOrEqual(hidden + 1);
          }
        }
      }
    }
  });

  test('grants by 用途: only 承認 and 支払済 of the month; small counts and their yen hidden with a second cell', () => {
    const g = (use: string, amount: number, decision = '承認', month = '2024-05') => ({ month, use, decision, amount });
    const rows = grantRows([g('家賃', 10000), g('家賃', 20000, '支払済'), g('家賃', 5, '支払済'), g('食費', 3000), g('医療費', 9, '却下'), g('家賃', 1, '承認', '2024-06')], '2024-05');
    // 家賃 3 and 食費 1 of 4: the 1 is hidden, and the 3 with it (4 − 3 would give it away), yen too.
    expect(rows.slice(2)).toEqual([
      ['家賃', '秘匿', '秘匿'],
      ['食費', '秘匿', '秘匿'],
      ['合計', 4, 10000 + 20000 + 5 + 3000],
    ]);
    const big = grantRows([g('家賃', 1), g('家賃', 2), g('家賃', 3), g('食費', 10), g('食費', 20), g('食費', 30)], '2024-05');
    expect(big.slice(2)).toEqual([
      ['家賃', 3, 6],
      ['食費', 3, 60],
      ['合計', 6, 66],
    ]);
    // two grants in all: the total is hidden as well
    expect(grantRows([g('家賃', 100), g('食費', 200)], '2024-05').slice(2)).toEqual([
      ['家賃', '秘匿', '秘匿'],
      ['食費', '秘匿', '秘匿'],
      ['合計', '秘匿', '秘匿'],
    ]);
  });
});
