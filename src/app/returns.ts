/**
 * 振込不能 (a returned transfer, SPEC §10): the bank could not credit a supporter's transfer of a paid
 * month. That supporter's payment in that month is undone so that it is paid again, once, after the
 * account is corrected:
 * - their claims of that month go back to 承認 without 支払ID (and without 支払予定ID), so the next
 *   payout finds them due like any approved claim; the closed month itself stays closed;
 * - their 口座 row is marked 要確認 in 状態, which holds them in every payout until staff clear it;
 * - ログ keeps the return, a script property keeps it as done (recording it again changes nothing);
 * - the supporter is told, in their language, what happened and what to send.
 * The adapter writes the note on the protected payout sheet (gas/payoutSheet.ts).
 */
import type { YearMonth } from '../domain/calendar';
import { tokyoDateOf, tokyoDateTime } from '../domain/calendar';
import { NEEDS_CHECK } from '../domain/bankAccount';
import { payday as paydayOf } from '../domain/holidays';
import { parseId } from '../domain/ids';
import { catalog, languageOf } from '../domain/messages';
import { normalizeText } from '../domain/text';
import type { Ctx } from './ports';
import { isClosed, payoutId } from './payout';
import { ACCOUNTS, CLAIMS, SUPPORTERS } from './schema';
import { grantsPaidBy, unpayGrants } from './grantPayout';

export const returnedKey = (month: YearMonth, supporterId: string) => `payout.returned.${month}.${supporterId}`;

export interface ReturnRequest {
  month: YearMonth;
  /** 伴走ネットID as staff typed it. */
  supporterId: string;
  /** The bank's reason (口座なし, 名義相違 …). */
  reason: string;
  /** What the payout sheet says about that month and supporter (read by the adapter). */
  sheet: { payday: string | null; transferred: number | null };
}

export type ReturnOutcome =
  | { kind: 'refused'; message: string }
  | { kind: 'already'; month: YearMonth; supporterId: string; message: string }
  | {
      kind: 'recorded';
      month: YearMonth;
      supporterId: string;
      claimIds: string[];
      /** Yen that came back (the transfer's amount). */
      amount: number;
      accountsMarked: number;
      /** The note for the payout sheet's 理由 column. */
      note: string;
      message: string;
    };

export function recordReturn(ctx: Ctx, req: ReturnRequest): ReturnOutcome {
  const parsed = parseId('BN', normalizeText(req.supporterId));
  if (parsed.kind !== 'ok') return { kind: 'refused', message: `伴走ネットID「${req.supporterId}」が読めません（例: BN-00042-7）` };
  const id = parsed.id;
  const reason = normalizeText(req.reason);
  if (!reason) return { kind: 'refused', message: '振込不能の理由を入力してください（例: 口座なし、名義相違）' };
  const month = req.month;
  const pid = payoutId(month);
  if (!isClosed(ctx, month)) {
    return { kind: 'refused', message: `${month} の支払はまだ支払済になっていません。振込不能は、支払済にした月についてだけ記録できます` };
  }
  const done = ctx.prop(returnedKey(month, id));
  if (done) {
    return { kind: 'already', month, supporterId: id, message: `${id} の ${month} の振込不能はすでに記録されています（${JSON.parse(done).at}）。何も変更していません` };
  }

  const claims = ctx.table(CLAIMS);
  const rows: number[] = [];
  for (let i = 0; i < claims.length; i++) {
    if (claims.text(i, '支払ID') === pid && claims.text(i, '伴走ネットID') === id) rows.push(i);
  }
  const grantRows = grantsPaidBy(ctx, pid, id); // 緊急支援費 paid in the same transfer (issue 10)
  if (rows.length === 0 && grantRows.length === 0) {
    return { kind: 'refused', message: `${id} には ${month} に支払った申請がありません（${pid} の支払ID を持つ申請が見つかりません）。月と伴走ネットIDを確認してください` };
  }
  const grants = unpayGrants(ctx, grantRows);
  const claimIds = [...rows.map((i) => claims.text(i, '申請ID')).sort(), ...grants.ids];
  const gross = rows.reduce((n, i) => n + (Number(claims.get(i, '金額')) || 0), 0) + grants.yen;
  const amount = req.sheet.transferred ?? gross;
  // Back to 承認, as if never paid: 記録済み判定 too, so the review trigger sees no decision to act on.
  for (const i of rows) claims.set(i, { 判定: '承認', 記録済み判定: '承認', 支払ID: '', 支払予定ID: '' });

  const today = tokyoDateOf(ctx.now);
  const mark = `${NEEDS_CHECK}: ${month} 振込不能（${reason}）${today}`;
  const accounts = ctx.table(ACCOUNTS);
  let accountsMarked = 0;
  for (let i = 0; i < accounts.length; i++) {
    const raw = normalizeText(accounts.get(i, '伴走ネットID')).toUpperCase();
    const p = parseId('BN', raw);
    if ((p.kind === 'ok' ? p.id : raw) !== id) continue;
    accounts.set(i, { 状態: mark });
    accountsMarked++;
  }

  const note = `振込不能（${reason}、${today} 記録）: 申請 ${claimIds.length}件を承認に戻しました。口座の確認後、次の支払で支払います`;
  ctx.log(pid, `振込不能を記録: ${id} ${claimIds.length}件 ${amount}円（理由: ${reason}）。申請 ${claimIds.join(', ')} を承認に戻し、口座を${NEEDS_CHECK}にしました`);
  ctx.setProp(returnedKey(month, id), JSON.stringify({ at: tokyoDateTime(ctx.now), reason, claimIds, amount, by: ctx.actor }));

  const supporters = ctx.table(SUPPORTERS);
  const si = supporters.find('伴走ネットID', id);
  const email = si >= 0 ? supporters.text(si, 'メール') : '';
  if (email) {
    const language = languageOf(supporters.get(si, '連絡言語'));
    ctx.mail.send(
      email,
      catalog(language).returned({
        name: supporters.text(si, '氏名'),
        month,
        // The sheet records the payday; without it, the payday rule of the active program.
        payday: req.sheet.payday ?? paydayOf(month, ctx.settings.active.paydayDay),
        amount,
        claimIds,
        reason,
        contact: ctx.settings.contactIn(language),
      }),
    );
  } else {
    ctx.log(id, '振込不能のお知らせを送れません（登録者シートにメールがありません）');
  }
  const message =
    `${id} の ${month} の振込不能を記録しました: 申請 ${claimIds.length}件（${amount.toLocaleString('ja-JP')}円）を承認に戻し、` +
    (accountsMarked > 0 ? `口座を${NEEDS_CHECK}にしました。口座を確認・修正したら、口座シートの状態から「${NEEDS_CHECK}」を消してください。次の月次支払で支払います。` : '口座シートにこのIDの口座がありません。');
  return { kind: 'recorded', month, supporterId: id, claimIds, amount, accountsMarked, note, message };
}
