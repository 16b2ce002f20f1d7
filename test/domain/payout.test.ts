import { PRESETS } from '../../src/domain/programs';
import type { PayoutClaim, PayoutSupporter } from '../../src/domain/payout';
import { payoutFigures, payoutFingerprint, planPayout } from '../../src/domain/payout';
import type { RawAccount } from '../../src/domain/bankAccount';

const [covid, era] = PRESETS;
const claim = (claimId: string, supporterId: string, received: string, extra: Partial<PayoutClaim> = {}): PayoutClaim => ({
  claimId, supporterId, received, programId: era.id, amount: 8000, decision: '承認', paymentId: '', draftId: '', ...extra,
});
const sup = (id: string, docs: string | null = '2023-08-01'): PayoutSupporter => ({ id, name: `name ${id}`, memorandum: docs, accountForm: docs });
const acct = (holder = 'ﾔﾏﾀﾞ ﾀﾛｳ'): RawAccount[] => [{ bankCode: '0005', branchCode: '001', type: '普通', number: '1234567', holder }];

function plan(claims: PayoutClaim[], opts: { month?: string; withholding?: boolean; supporters?: PayoutSupporter[]; accounts?: [string, RawAccount[]][] } = {}) {
  const supporters = new Map((opts.supporters ?? [sup('A'), sup('B'), sup('C')]).map((s) => [s.id, s]));
  const accounts = new Map(opts.accounts ?? [['A', acct()], ['B', acct('ｽｽﾞｷ')], ['C', acct()]]);
  return planPayout({ month: opts.month ?? '2024-06', claims, supporters, accounts, programs: PRESETS, active: era, withholding: opts.withholding ?? false });
}

describe('planPayout', () => {
  test('groups approved claims received by the cut-off per supporter', () => {
    const p = plan([
      claim('C1', 'A', '2024-05-01'),
      claim('C2', 'A', '2024-05-31'),
      claim('C3', 'B', '2024-05-15', { amount: 4000 }),
      claim('C4', 'A', '2024-06-01'), // after the cut-off: next month
      claim('C5', 'B', '2024-05-02', { decision: '審査待ち' }),
      claim('C6', 'B', '2024-05-03', { decision: '却下' }),
      claim('C7', 'C', '2024-04-03', { paymentId: 'P-2024-05', decision: '支払済' }),
    ]);
    expect(p.paid.map((l) => [l.supporterId, l.claimIds, l.gross])).toEqual([
      ['A', ['C1', 'C2'], 16000],
      ['B', ['C3'], 4000],
    ]);
    expect(p.totalGross).toBe(20000);
    expect(p.held).toEqual([]);
    expect(p.payday).toBe('2024-06-10');
  });

  test('2022 cut-off is the 20th', () => {
    const c = (id: string, received: string) => claim(id, 'A', received, { programId: covid.id, amount: 6000 });
    const p = plan([c('C1', '2022-06-20'), c('C2', '2022-06-21')], { month: '2022-07', supporters: [sup('A', '2022-06-01')] });
    expect(p.paid[0].claimIds).toEqual(['C1']);
    expect(p.payday).toBe('2022-07-08'); // 7/10 is a Sunday
  });

  test('held with reasons: no documents, documents from an earlier program, no account, bad account, two accounts', () => {
    const p = plan(
      [claim('C1', 'A', '2024-05-01'), claim('C2', 'B', '2024-05-01'), claim('C3', 'C', '2024-05-01'), claim('C4', 'D', '2024-05-01'), claim('C5', 'E', '2024-05-01')],
      {
        supporters: [sup('A', null), sup('B', '2022-06-01'), sup('C'), sup('D'), sup('E')],
        accounts: [['A', acct()], ['B', acct()], ['D', acct('山田')], ['E', [...acct(), ...acct()]]],
      },
    );
    expect(p.paid).toEqual([]);
    const reasons = Object.fromEntries(p.held.map((l) => [l.supporterId, l.reasons.join(' / ')]));
    expect(reasons.A).toMatch(/覚書.*未受領/);
    expect(reasons.B).toMatch(/覚書.*未受領/);
    expect(reasons.C).toMatch(/口座が登録されていません/);
    expect(reasons.D).toMatch(/口座名義/);
    expect(reasons.E).toMatch(/複数/);
    const kinds = Object.fromEntries(p.held.map((l) => [l.supporterId, l.holdKinds]));
    expect(kinds).toEqual({ A: ['documents'], B: ['documents'], C: ['account'], D: ['account'], E: ['account'] });
  });

  test('withholding: 10.21% rounded down, net transferred', () => {
    const p = plan([claim('C1', 'A', '2024-05-01'), claim('C2', 'A', '2024-05-02', { amount: 4000 })], { withholding: true });
    expect(p.paid[0]).toMatchObject({ gross: 12000, tax: 1225, net: 10775 });
    expect(p.totalNet).toBe(10775);
  });

  test("claims on another month's open payout sheet are not paid again; closing takes only the sheet's claims", () => {
    const claims = [
      claim('C1', 'A', '2024-05-01', { draftId: 'P-2024-06' }),
      claim('C2', 'A', '2024-05-02'),
      claim('C3', 'B', '2024-05-03', { draftId: 'P-2024-05' }), // its sheet was deleted: free again
    ];
    const july = planPayout({ month: '2024-07', claims, supporters: new Map([['A', sup('A')], ['B', sup('B')]]), accounts: new Map([['A', acct()], ['B', acct()]]), programs: PRESETS, active: era, withholding: false, openDrafts: new Set(['P-2024-06']) });
    expect(july.paid.flatMap((l) => l.claimIds)).toEqual(['C2', 'C3']);
    expect(july.elsewhere).toEqual([{ claimId: 'C1', draftId: 'P-2024-06' }]);
    const closeJune = planPayout({ month: '2024-06', claims, supporters: new Map([['A', sup('A')]]), accounts: new Map([['A', acct()]]), programs: PRESETS, active: era, withholding: false, onlyDraft: 'P-2024-06' });
    expect(closeJune.paid.flatMap((l) => l.claimIds)).toEqual(['C1']);
  });

  test('the 照合コード changes with the amount or the account, not with the order of building', () => {
    const base = plan([claim('C1', 'A', '2024-05-01'), claim('C2', 'B', '2024-05-01')]);
    expect(payoutFingerprint(base)).toBe(payoutFingerprint(plan([claim('C2', 'B', '2024-05-01'), claim('C1', 'A', '2024-05-01')])));
    expect(payoutFingerprint(base)).not.toBe(payoutFingerprint(plan([claim('C1', 'A', '2024-05-01', { amount: 4000 }), claim('C2', 'B', '2024-05-01')])));
    const other = plan([claim('C1', 'A', '2024-05-01'), claim('C2', 'B', '2024-05-01')], { accounts: [['A', acct()], ['B', [{ ...acct()[0], number: '7654321' }]]] });
    expect(payoutFingerprint(base)).not.toBe(payoutFingerprint(other));
  });

  test('payday moves back over weekends and holidays', () => {
    expect(plan([], { month: '2026-05' }).payday).toBe('2026-05-08');
    expect(plan([], { month: '2028-01' }).payday).toBe('2028-01-07');
  });
});

describe('planPayout: 口座 要確認 and ゆうちょ 記号・番号', () => {
  test('an account marked 要確認 holds the supporter with that reason; cleared, it is paid', () => {
    const marked: RawAccount[] = [{ ...acct()[0], status: '要確認: 2024-06 振込不能（名義相違）' }];
    const held = plan([claim('C1', 'A', '2024-05-01')], { accounts: [['A', marked]] });
    expect(held.paid).toEqual([]);
    expect(held.held[0].reasons.join(' / ')).toBe(
      '口座: 口座が要確認です（要確認: 2024-06 振込不能（名義相違））。口座を確認・修正したら、口座シートの状態から「要確認」を消してください',
    );
    expect(held.held[0].holdKinds).toEqual(['account']);
    for (const cleared of ['', '確認済み 2024-07-01', null]) {
      const p = plan([claim('C1', 'A', '2024-05-01')], { accounts: [['A', [{ ...acct()[0], status: cleared }]]] });
      expect(p.paid.map((l) => l.claimIds)).toEqual([['C1']]);
    }
  });

  test('a ゆうちょ account by 記号・番号 is paid to 9900-238 普通 1234567', () => {
    const yucho: RawAccount[] = [{ bankCode: '', branchCode: '', type: '', number: '', holder: 'ﾕｳﾁﾖ ﾊﾅｺ', kigo: '12345', bango: '12345671' }];
    const p = plan([claim('C1', 'A', '2024-05-01')], { accounts: [['A', yucho]] });
    expect(p.paid[0].account).toEqual({ bankCode: '9900', branchCode: '238', type: '1', number: '1234567', holderKana: 'ﾕｳﾁﾖ ﾊﾅｺ' });
  });

  test('a 記号・番号 that cannot be converted holds with the reason', () => {
    const bad: RawAccount[] = [{ bankCode: '', branchCode: '', type: '', number: '', holder: 'ﾕｳﾁﾖ ﾊﾅｺ', kigo: '12345', bango: '12345678' }];
    const p = plan([claim('C1', 'A', '2024-05-01')], { accounts: [['A', bad]] });
    expect(p.paid).toEqual([]);
    expect(p.held[0].reasons[0]).toMatch(/^口座: ゆうちょ銀行（記号が1で始まる口座）の番号は末尾が1です/);
  });
});

describe('payoutFigures (the payout dialog)', () => {
  test('honoraria, tax and grants apart; paid and held; the lines add up to the transfer total', () => {
    const p = plan(
      [
        claim('C1', 'A', '2024-05-01'), // 8,000
        claim('C2', 'A', '2024-05-02', { amount: 4000 }),
        claim('G1', 'A', '2024-05-03', { kind: 'grant', amount: 30000 }),
        claim('G2', 'B', '2024-05-04', { kind: 'grant', amount: 10000 }), // B: a grant only
        claim('C3', 'C', '2024-05-05'), // C has no documents: held with its grant
        claim('G3', 'C', '2024-05-06', { kind: 'grant', amount: 5000 }),
      ],
      { withholding: true, supporters: [sup('A'), sup('B'), sup('C', null)] },
    );
    // tax: 12,000 × 10.21% = 1,225.2 → 1,225 (A); B has no honorarium: 0.
    expect(payoutFigures(p)).toEqual({
      honorariaPeople: 1,
      claims: 2,
      gross: 12000,
      tax: 1225,
      grantPeople: 2,
      grants: 2,
      grantYen: 40000,
      people: 2,
      net: 12000 - 1225 + 40000,
      held: 1,
      heldClaims: 1,
      heldGrants: 1,
    });
  });
});
