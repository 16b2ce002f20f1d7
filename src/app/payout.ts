/**
 * 月次支払: builds the month's plan from 申請, 登録者 and 口座, the sheet rows, the 全銀 file and the
 * accounting CSV; closes the month once paid. Platform work (sheet, Drive, protection) is the
 * adapter's; what is paid, held and written is decided here and in domain/payout.
 */
import type { YearMonth } from '../domain/calendar';
import { isDateObject, parseCalendarDate, tokyoDateOf, tokyoDateTime } from '../domain/calendar';
import { ACCOUNT_TYPE_NAMES, accountTypeOf, maskAccountNumber } from '../domain/bankAccount';
import type { AccountType } from '../domain/bankAccount';
import type { RawAccount } from '../domain/bankAccount';
import { toCsv } from '../domain/csv';
import { catalog, languageOf } from '../domain/messages';
import type { PayoutClaim, PayoutPlan, PayoutSupporter } from '../domain/payout';
import { payoutFingerprint, planPayout } from '../domain/payout';
import { parseId } from '../domain/ids';
import { normalizeText } from '../domain/text';
import type { TransferFile, ZenginHeader } from '../domain/zengin';
import { buildTransferFile } from '../domain/zengin';
import { grantSheetRow, grantsForPayout, markGrantDrafts, markGrantsPaid, unpayableGrants } from './grantPayout';
import type { Ctx, TablePort } from './ports';
import { transferSettingProblems } from './settings';
import { ACCOUNTS, CLAIMS, PAYOUT_HEADERS, payoutSheetName, SUPPORTERS } from './schema';

export const payoutId = (month: YearMonth) => `P-${month}`;
export const closedKey = (month: YearMonth) => `payout.closed.${month}`;

export interface PreparedPayout {
  plan: PayoutPlan;
  /** Rows of the 支払 sheet (header first). */
  rows: (string | number | Date)[][];
  file: TransferFile | null;
  fileError: string | null;
  csv: string;
}

/** True once markPayoutPaid closed the month (property, or any claim carrying its 支払ID). */
export function isClosed(ctx: Ctx, month: YearMonth): boolean {
  if (ctx.prop(closedKey(month))) return true;
  const t = ctx.table(CLAIMS);
  return t.find('支払ID', payoutId(month)) >= 0;
}

/**
 * The plan from the sheets. Building: every due claim not listed on another month's unpaid payout
 * sheet. Closing (`closing`): exactly the claims this month's sheet listed.
 */
export function planFromSheets(ctx: Ctx, month: YearMonth, closing = false): PayoutPlan {
  const claims = ctx.table(CLAIMS);
  const list: PayoutClaim[] = [];
  // An approved, unpaid claim without a readable 受付日時 (a row pasted as text) has no payout month:
  // it is named on the sheet instead of being left out in silence.
  const undated: string[] = [];
  for (let i = 0; i < claims.length; i++) {
    const claimId = claims.text(i, '申請ID');
    const receivedAt = claims.get(i, '受付日時');
    if (claimId && !isDateObject(receivedAt) && claims.text(i, '判定') === '承認' && claims.text(i, '支払ID') === '') undated.push(claimId);
    if (!claimId || !isDateObject(receivedAt)) continue;
    list.push({
      claimId,
      supporterId: claims.text(i, '伴走ネットID'),
      received: tokyoDateOf(receivedAt as Date),
      programId: claims.text(i, 'プログラム'),
      amount: Number(claims.get(i, '金額')) || 0,
      decision: claims.text(i, '判定'),
      paymentId: claims.text(i, '支払ID'),
      draftId: claims.text(i, '支払予定ID'),
    });
  }
  list.push(...grantsForPayout(ctx)); // 緊急支援費 (issue 10): paid and held like claims
  // Other months' payout sheets that are built, still there, and not yet paid.
  const openDrafts = new Set<string>();
  for (const draft of new Set(list.map((c) => c.draftId).filter((d) => d && d !== payoutId(month)))) {
    const m = draft.replace(/^P-/, '');
    if (ctx.sheetExists(payoutSheetName(m)) && !ctx.prop(closedKey(m))) openDrafts.add(draft);
  }
  const s = ctx.table(SUPPORTERS);
  const supporters = new Map<string, PayoutSupporter>();
  for (let i = 0; i < s.length; i++) {
    const id = s.text(i, '伴走ネットID');
    if (id) {
      supporters.set(id, {
        id,
        name: s.text(i, '氏名'),
        memorandum: parseCalendarDate(s.get(i, '覚書受領日')),
        accountForm: parseCalendarDate(s.get(i, '口座届受領日')),
      });
    }
  }
  const a = ctx.table(ACCOUNTS);
  const accounts = new Map<string, RawAccount[]>();
  for (let i = 0; i < a.length; i++) {
    // The same normalisation as everywhere (SPEC §2): BN−00001−3, bn000013 and BN-1-3 all match.
    const raw = normalizeText(a.get(i, '伴走ネットID')).toUpperCase();
    const parsed = parseId('BN', raw);
    const id = parsed.kind === 'ok' ? parsed.id : raw;
    if (!id) continue;
    const rows = accounts.get(id) ?? [];
    // (A leading apostrophe typed into a plain-text code cell is dropped by the table read.)
    rows.push({
      bankCode: a.get(i, '金融機関コード'),
      branchCode: a.get(i, '支店コード'),
      type: a.get(i, '預金種目'),
      number: a.get(i, '口座番号'),
      holder: a.get(i, '口座名義（カナ）'),
      // Columns a sheet made before them may lack: get() gives '' for a missing header.
      kigo: a.get(i, '記号'),
      bango: a.get(i, '番号'),
      status: a.get(i, '状態'),
    });
    accounts.set(id, rows);
  }
  const plan = planPayout({
    month,
    claims: list,
    supporters,
    accounts,
    programs: ctx.settings.programs,
    active: ctx.settings.active,
    withholding: ctx.settings.withholding,
    openDrafts,
    ...(closing ? { onlyDraft: payoutId(month) } : {}),
  });
  if (!closing && undated.length > 0) plan.unpayable = [...plan.unpayable, ...undated].sort();
  return plan;
}

/**
 * After building: the paid claims carry this month's 支払予定ID (so no other month pays them while
 * this sheet is open), and claims that dropped out of it lose it. One write of one column.
 */
export function markDrafts(ctx: Ctx, month: YearMonth, plan: PayoutPlan): void {
  syncDrafts(ctx.table(CLAIMS), '申請ID', new Set(plan.paid.flatMap((l) => l.claimIds)), payoutId(month));
  markGrantDrafts(ctx, month, plan);
  markExpectedMonth(ctx, month, plan);
}

/** What 支払予定月 says of a claim this payout holds: it is not paid in the month it was expected. */
export const HELD_MONTH = (month: YearMonth) => `保留（${month}の支払で保留。理由は「支払 ${month}」）`;

/**
 * 支払予定月 stays true (issue 9): a claim on this payout is expected in this month; a claim it
 * holds says so instead of a month that has passed. Only the cells that change are written.
 */
function markExpectedMonth(ctx: Ctx, month: YearMonth, plan: PayoutPlan): void {
  const t = ctx.table(CLAIMS);
  const paid = new Set(plan.paid.flatMap((l) => l.claimIds));
  const held = new Set(plan.held.flatMap((l) => l.claimIds));
  for (let i = 0; i < t.length; i++) {
    const id = t.text(i, '申請ID');
    const want = paid.has(id) ? month : held.has(id) ? HELD_MONTH(month) : null;
    if (want !== null && t.text(i, '支払予定月') !== want) t.set(i, { 支払予定月: want });
  }
}

/** 支払予定ID = `id` on the rows whose ID is planned; rows that dropped out of `id` lose it. */
export function syncDrafts(t: TablePort, idHeader: string, planned: ReadonlySet<string>, id: string): void {
  for (let i = 0; i < t.length; i++) {
    const rowId = t.text(i, idHeader);
    const draft = t.text(i, '支払予定ID');
    if (planned.has(rowId) && draft !== id) t.set(i, { 支払予定ID: id });
    else if (!planned.has(rowId) && draft === id) t.set(i, { 支払予定ID: '' });
  }
}

/** The transfer file's header from 設定 (codes padded back when a sheet dropped leading zeros). */
export function requesterHeader(ctx: Ctx, transferDate: string): { header?: ZenginHeader; error?: string } {
  const digits = (key: string, len: number) => {
    const v = normalizeText(ctx.settings.value(key)).replace(/[-\s]/g, '');
    return /^\d+$/.test(v) && v.length <= len ? v.padStart(len, '0') : null;
  };
  // The same checks setup shows, in Japanese: a value the file cannot hold is named with its fix.
  const problems = transferSettingProblems((key) => ctx.settings.value(key));
  if (problems.length > 0) return { error: `設定を直すまで振込ファイルを作れません: ${problems.join(' / ')}` };
  const missing: string[] = [];
  const requesterCode = digits('依頼人コード', 10);
  const bankCode = digits('仕向銀行コード', 4);
  const branchCode = digits('仕向支店コード', 3);
  const accountNumber = digits('口座番号', 7);
  const requesterName = normalizeText(ctx.settings.value('依頼人名'));
  if (!requesterCode) missing.push('依頼人コード（10桁以内の数字）');
  if (!requesterName) missing.push('依頼人名');
  if (!bankCode) missing.push('仕向銀行コード（4桁）');
  if (!branchCode) missing.push('仕向支店コード（3桁）');
  if (!accountNumber) missing.push('口座番号（7桁以内）');
  // The requester's account is 普通 or 当座 (a 全銀 header has no 貯蓄); anything else is a setting to fix.
  const type = accountTypeOf(ctx.settings.value('預金種目'));
  const accountType = type === '1' || type === '2' ? type : null;
  if (!accountType) missing.push('預金種目（普通 または 当座）');
  if (missing.length > 0) return { error: `設定が足りないため振込ファイルを作れません: ${missing.join('、')}` };
  return {
    header: {
      requesterCode: requesterCode as string,
      requesterName,
      transferDate,
      bankCode: bankCode as string,
      bankName: normalizeText(ctx.settings.value('仕向銀行名')),
      branchCode: branchCode as string,
      branchName: normalizeText(ctx.settings.value('仕向支店名')),
      accountType: accountType as '1' | '2',
      accountNumber: accountNumber as string,
    },
  };
}

export function preparePayout(ctx: Ctx, month: YearMonth): PreparedPayout {
  const plan = planFromSheets(ctx, month);
  return prepareFromPlan(ctx, month, plan);
}

export function prepareFromPlan(ctx: Ctx, month: YearMonth, plan: PayoutPlan): PreparedPayout {
  const withholding = ctx.settings.withholding;
  const headers: string[] = [...PAYOUT_HEADERS];
  if (withholding) headers.splice(5, 0, '源泉徴収税', '振込額');
  const bank = (l: PayoutPlan['paid'][number]) =>
    l.account ? `${l.account.bankCode}-${l.account.branchCode} ${typeName(l.account.type)} ${maskAccountNumber(l.account.number)} ${l.account.holderKana}` : '';
  const row = (l: PayoutPlan['paid'][number], status: string) => {
    const r: (string | number)[] = [l.supporterId, l.name, l.claimIds.length, l.claimIds.join(', '), l.gross];
    if (withholding) r.push(l.tax, l.net - l.grants);
    r.push(bank(l), status, l.reasons.join(' / '));
    return r;
  };
  const blank = () => headers.map(() => '');
  const kv = (k: string, v: string | number | Date) => {
    const r: (string | number | Date)[] = blank();
    r[0] = k;
    r[1] = v;
    return r;
  };
  // A supporter's grants have their own line below the honoraria (both in the one transfer).
  const lines = (l: PayoutPlan['paid'][number], status: string) => [
    ...(l.claimIds.length > 0 ? [row(l, status)] : []),
    ...(l.grantIds.length > 0 ? [grantSheetRow(l, status, withholding, bank(l))] : []),
  ];
  const rows: (string | number | Date)[][] = [headers, ...plan.paid.flatMap((l) => lines(l, '支払予定')), ...plan.held.flatMap((l) => lines(l, '保留'))];

  let file: TransferFile | null = null;
  let fileError: string | null = null;
  if (plan.paid.length > 0) {
    const h = requesterHeader(ctx, plan.payday);
    if (h.error || !h.header) fileError = h.error ?? '振込ファイルを作れません';
    else {
      const kind = normalizeText(ctx.settings.value('振込指定区分'));
      try {
        file = buildTransferFile(
          h.header,
          plan.paid.map((l) => {
            const acc = l.account as NonNullable<typeof l.account>;
            return {
              bankCode: acc.bankCode,
              branchCode: acc.branchCode,
              accountType: acc.type,
              accountNumber: acc.number,
              payeeName: acc.holderKana,
              amount: l.net,
              transferKind: kind === '8' || kind === '0' ? kind : '7',
            };
          }),
        );
      } catch (e) {
        fileError = `振込ファイルを作れません: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }
  rows.push(blank());
  rows.push(kv('支払ID', payoutId(month)));
  rows.push(kv('支払日', plan.payday));
  rows.push(kv('支払人数', plan.paid.length));
  rows.push(kv('支払件数', plan.paid.reduce((n, l) => n + l.claimIds.length, 0)));
  rows.push(kv('支払合計（円）', plan.totalGross));
  const grantCount = plan.paid.reduce((n, l) => n + l.grantIds.length, 0);
  if (grantCount > 0) {
    rows.push(kv('緊急支援件数', grantCount));
    rows.push(kv('緊急支援費合計（円）', plan.paid.reduce((n, l) => n + l.grants, 0)));
  }
  if (withholding) rows.push(kv('源泉徴収税合計（円）', plan.totalTax));
  if (withholding || grantCount > 0) rows.push(kv('振込合計（円）', plan.totalNet));
  rows.push(kv('保留人数', plan.held.length));
  rows.push(kv('保留件数', plan.held.reduce((n, l) => n + l.claimIds.length + l.grantIds.length, 0)));
  rows.push(kv('保留合計（円）', plan.held.reduce((n, l) => n + l.gross + l.grants, 0)));
  if (plan.elsewhere.length > 0) {
    const sheets = [...new Set(plan.elsewhere.map((e) => payoutSheetName(e.draftId.replace(/^P-/, ''))))].join('、');
    rows.push(kv('他の未確定の支払に含まれる申請', `${plan.elsewhere.length}件（${sheets}）: 先にそちらを支払済にしてください`));
  }
  if (plan.unpayable.length > 0) {
    rows.push(kv('支払えない申請（承認済み・金額が0か読めない、または受付日時が日付でない）', `${plan.unpayable.join(', ')}: 支援時間を直してもらい（フォームの回答の編集）再チェック後に承認するか、受付日時を日付に直してから作り直してください`));
    ctx.log(payoutId(month), `承認済みの申請 ${plan.unpayable.join(', ')} は金額が0か読めないか受付日時が日付でないため支払いに含めていません`);
  }
  const unpayable = unpayableGrants(ctx, month);
  if (unpayable.length > 0) {
    rows.push(kv('支払えない緊急支援（承認済み・金額が空か1以上の整数の円でない）', `${unpayable.join(', ')}: 緊急支援シートの金額を直してから作り直してください`));
    ctx.log(payoutId(month), `承認済みの緊急支援 ${unpayable.join(', ')} は金額が読めないため支払いに含めていません`);
  }
  rows.push(kv('照合コード', payoutFingerprint(plan)));
  rows.push(kv('作成日時', tokyoDateTime(ctx.now)));
  rows.push(kv('作成者', ctx.actor));
  rows.push(kv('状態', '未払い（支払済にするまで作り直せます）'));
  if (fileError) rows.push(kv('振込ファイル', fileError));

  const csvRows: (string | number)[][] = [
    // SPEC §7: the full account number stays in 口座 and the transfer file.
    ['支払ID', '支払日', '伴走ネットID', '氏名', '申請ID', '件数', '謝金', '源泉徴収税', '振込額', '金融機関コード', '支店コード', '預金種目', '口座番号（下3桁）', '口座名義', '緊急支援ID', '緊急支援費'],
    ...plan.paid.map((l) => [
      payoutId(month),
      plan.payday,
      l.supporterId,
      l.name,
      l.claimIds.join(' '),
      l.claimIds.length,
      l.gross,
      l.tax,
      l.net,
      l.account?.bankCode ?? '',
      l.account?.branchCode ?? '',
      l.account ? typeName(l.account.type) : '',
      l.account ? maskAccountNumber(l.account.number) : '',
      l.account?.holderKana ?? '',
      l.grantIds.join(' '),
      l.grants,
    ]),
  ];
  return { plan, rows, file, fileError, csv: toCsv(csvRows) };
}

function typeName(t: string): string {
  return ACCOUNT_TYPE_NAMES[t as AccountType] ?? 'その他';
}

/**
 * Closes the month: the claims of the plan become 支払済 with the payout ID, supporters get a
 * notice. The caller has checked that the plan matches the sheet the manager saw.
 */
export function markPaid(ctx: Ctx, month: YearMonth, plan: PayoutPlan, held: PayoutPlan['held']): { claims: number; supporters: number } {
  const t: TablePort = ctx.table(CLAIMS);
  const id = payoutId(month);
  const byClaim = new Map<string, number>();
  for (let i = 0; i < t.length; i++) byClaim.set(t.text(i, '申請ID'), i);
  const supporters = ctx.table(SUPPORTERS);
  let claims = 0;
  for (const l of plan.paid) {
    for (const claimId of l.claimIds) {
      const i = byClaim.get(claimId);
      if (i === undefined) throw new Error(`申請 ${claimId} が見つかりません`);
      if (t.text(i, '支払ID') !== '') throw new Error(`申請 ${claimId} はすでに支払済です（${t.text(i, '支払ID')}）`);
      t.set(i, { 判定: '支払済', 記録済み判定: '支払済', 支払ID: id, 支払予定ID: '' });
      claims++;
    }
    const si = supporters.find('伴走ネットID', l.supporterId);
    const language = si >= 0 ? languageOf(supporters.get(si, '連絡言語')) : 'ja';
    const email = si >= 0 ? supporters.text(si, 'メール') : '';
    if (email) {
      ctx.mail.send(
        email,
        catalog(language).paid({
          name: l.name,
          month,
          payday: plan.payday,
          amount: l.gross,
          claimIds: l.claimIds,
          ...(l.tax > 0 ? { tax: l.tax, net: l.net - l.grants } : {}),
          ...(l.grants > 0 ? { grants: l.grants, grantIds: l.grantIds } : {}),
          contact: ctx.settings.contactIn(language),
        }),
      );
    }
  }
  // Held supporters hear why, in their language, and that nothing needs to be claimed again.
  for (const l of held) {
    const si = supporters.find('伴走ネットID', l.supporterId);
    const email = si >= 0 ? supporters.text(si, 'メール') : '';
    if (!email || l.holdKinds.length === 0) continue;
    const language = languageOf(supporters.get(si, '連絡言語'));
    ctx.mail.send(email, catalog(language).held({ name: l.name, month, claimIds: [...l.claimIds, ...l.grantIds], kinds: l.holdKinds, contact: ctx.settings.contactIn(language) }));
  }
  const grants = markGrantsPaid(ctx, month, plan);
  ctx.setProp(closedKey(month), tokyoDateTime(ctx.now));
  ctx.log(id, `支払済にしました: ${plan.paid.length}人、${claims}件${grants ? `、緊急支援 ${grants}件` : ''}、${plan.totalNet}円（支払日 ${plan.payday}）`);
  return { claims, supporters: plan.paid.length };
}
