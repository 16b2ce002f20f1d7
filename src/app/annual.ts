/**
 * 年間支払 YYYY (SPEC §10): per supporter, what was really paid by payday in that calendar year.
 *
 * Source of truth: the claims' 支払ID. markPayoutPaid writes it on exactly the claims the bank file
 * paid, and recordReturnedTransfer takes it away from the claims whose transfer came back (they get the
 * 支払ID of the month that pays them again). So a claim counts once, in the year of the payday of the
 * month whose 支払ID it carries, and a returned transfer counts nowhere until it is paid again.
 * The paid month's sheet (支払 YYYY-MM, protected once paid) gives the payday and, when the month was
 * paid with withholding, the tax withheld from that supporter's transfer. A month whose sheet is gone
 * falls back to the payday rule and to no withholding, and the statement says so.
 *
 * 緊急支援費 (grants, issue 10) travel in the same transfer but are money for the recipient's rent,
 * food or care, not the supporter's 謝金: they are a column of their own (by the same 支払ID and
 * payday), outside 件数, 支払総額 and the 5万円超 flag. The caveat says so; a tax adviser decides.
 */
import type { YearMonth } from '../domain/calendar';
import { payday as paydayOf } from '../domain/holidays';
import { programById } from '../domain/programs';
import { withholdingTax } from '../domain/zengin';
import type { Ctx } from './ports';
import { grantAmount } from './emergency';
import { CLAIMS, GRANTS, SUPPORTERS } from './schema';

export const ANNUAL_HEADERS = ['伴走ネットID', '氏名', '件数', '支払総額', '源泉徴収額', '差引支給額', '5万円超', '緊急支援費'] as const;
export const annualSheetName = (year: number | string) => `年間支払 ${year}`;
/** 支払調書 threshold for 報酬・料金 paid to one person in a year: more than 50,000 yen. */
export const STATEMENT_THRESHOLD_YEN = 50_000;

/** What a paid month's sheet says, read by the adapter (null: the sheet is not there). */
export interface PaidMonthRecord {
  payday: string | null;
  withholding: boolean;
  /** 源泉徴収税 of that supporter's line, when the sheet has one. */
  tax(supporterId: string): number | null;
}

export interface AnnualStatement {
  year: number;
  rows: (string | number)[][];
  supporters: number;
  total: number;
  months: { month: YearMonth; payday: string; fromSheet: boolean }[];
}

export function annualStatement(ctx: Ctx, year: number, monthRecord: (month: YearMonth) => PaidMonthRecord | null): AnnualStatement {
  const claims = ctx.table(CLAIMS);
  // (supporter, paid month) → claims: tax was withheld per transfer, i.e. per supporter and month.
  type Group = { id: string; month: YearMonth; count: number; gross: number; grants: number; name: string; paydayDay: number };
  const groups = new Map<string, Group>();
  // A row copied by hand after payment repeats its ID and 支払ID: it was paid once, so it counts once.
  const seen = new Set<string>();
  const add = (paymentId: string, id: string, programId: string, name: string, f: (g: Group) => void, itemId: string) => {
    const m = /^P-(\d{4}-\d{2})$/.exec(paymentId);
    if (!m) return;
    if (itemId) {
      if (seen.has(itemId)) return;
      seen.add(itemId);
    }
    const key = `${id}\t${m[1]}`;
    const program = programById(ctx.settings.programs, programId) ?? ctx.settings.active;
    const g = groups.get(key) ?? { id, month: m[1], count: 0, gross: 0, grants: 0, name, paydayDay: program.paydayDay };
    f(g);
    g.paydayDay = Math.min(g.paydayDay, program.paydayDay);
    groups.set(key, g);
  };
  for (let i = 0; i < claims.length; i++) {
    add(claims.text(i, '支払ID'), claims.text(i, '伴走ネットID'), claims.text(i, 'プログラム'), claims.text(i, '氏名'), (g) => {
      g.count++;
      g.gross += Number(claims.get(i, '金額')) || 0;
    }, claims.text(i, '申請ID') && `申請\t${claims.text(i, '申請ID')}`);
  }
  if (ctx.sheetExists(GRANTS.name)) {
    const grants = ctx.table(GRANTS);
    for (let i = 0; i < grants.length; i++) {
      add(grants.text(i, '支払ID'), grants.text(i, '伴走ネットID'), grants.text(i, 'プログラム'), '', (g) => {
        g.grants += grantAmount(grants.get(i, '金額')) ?? 0;
      }, grants.text(i, '緊急支援ID') && `緊急支援\t${grants.text(i, '緊急支援ID')}`);
    }
  }
  // The fallback payday (a month whose sheet is gone) uses the earliest payday day of the programs
  // paid that month, as the payout does.
  const earliest = new Map<YearMonth, number>();
  for (const g of groups.values()) earliest.set(g.month, Math.min(earliest.get(g.month) ?? g.paydayDay, g.paydayDay));
  const months = new Map<YearMonth, { record: PaidMonthRecord | null; payday: string }>();
  for (const [month, day] of earliest) {
    // A payday lies in its payout month or, moved back over 1/1–1/3, in the December before: no
    // other month's sheet needs reading.
    if (!month.startsWith(`${year}-`) && month !== `${year + 1}-01`) continue;
    const record = monthRecord(month);
    months.set(month, { record, payday: record?.payday ?? paydayOf(month, day) });
  }

  const supporters = ctx.table(SUPPORTERS);
  const per = new Map<string, { name: string; count: number; gross: number; tax: number; grants: number }>();
  for (const g of groups.values()) {
    const month = months.get(g.month);
    if (!month || !month.payday.startsWith(`${year}-`)) continue;
    // Grants are never withheld (their payout line says 源泉徴収なし): the sheet's tax is the honoraria's.
    const tax = month.record?.withholding ? (month.record.tax(g.id) ?? withholdingTax(g.gross)) : 0;
    const si = supporters.find('伴走ネットID', g.id);
    const p = per.get(g.id) ?? { name: si >= 0 ? supporters.text(si, '氏名') : g.name, count: 0, gross: 0, tax: 0, grants: 0 };
    if (!p.name && g.name) p.name = g.name;
    p.count += g.count;
    p.gross += g.gross;
    p.tax += tax;
    p.grants += g.grants;
    per.set(g.id, p);
  }

  const ids = [...per.keys()].sort();
  const body = ids.map((id) => {
    const p = per.get(id) as { name: string; count: number; gross: number; tax: number; grants: number };
    return [id, p.name, p.count, p.gross, p.tax, p.gross - p.tax, p.gross > STATEMENT_THRESHOLD_YEN ? 'はい' : '', p.grants];
  });
  const sum = (c: number) => body.reduce((n, r) => n + Number(r[c]), 0);
  const blank = () => ANNUAL_HEADERS.map(() => '') as (string | number)[];
  const kv = (k: string, v: string | number) => {
    const r = blank();
    r[0] = k;
    r[1] = v;
    return r;
  };
  const used = [...months]
    .filter(([, m]) => m.payday.startsWith(`${year}-`))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, m]) => ({ month, payday: m.payday, fromSheet: m.record !== null }));
  const total = sum(3);
  const rows: (string | number)[][] = [
    [...ANNUAL_HEADERS],
    ...body,
    ['合計', `${body.length}人`, sum(2), total, sum(4), sum(5), `${body.filter((r) => r[6] === 'はい').length}人`, sum(7)],
    blank(),
    kv('対象', `支払日が ${year}-01-01〜${year}-12-31 の支払（支払済の申請の支払IDによる。振込不能として記録した振込は、支払い直した月に数えます）`),
    kv('対象の支払', used.length > 0 ? used.map((u) => `${u.month}（支払日 ${u.payday}${u.fromSheet ? '' : '、支払シートなし: 支払日は規則から計算、源泉徴収なしとして集計'}）`).join('、') : 'なし'),
    kv('5万円超', `支払総額（源泉徴収前）が ${STATEMENT_THRESHOLD_YEN.toLocaleString('ja-JP')}円を超える人に「はい」`),
    kv('緊急支援費', '同じ振込で支払った緊急支援費（相談者の家賃・食費などのための費用）。件数・支払総額・5万円超には含めません。扱いは税理士に確認してください'),
    kv(
      '注意',
      '5万円超は「報酬、料金、契約金及び賞金の支払調書」の提出基準の目安です。この謝金が支払調書・源泉徴収の対象になるかは支払の区分によるため、税理士に確認してください。マイナンバー（個人番号）はこのシートにもシステムにも保存しません。必要な場合は別の安全な方法で扱ってください。',
    ),
  ];
  return { year, rows, supporters: body.length, total, months: used };
}
