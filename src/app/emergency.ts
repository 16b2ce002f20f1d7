/**
 * Emergency support (緊急支援費, SPEC §9). For a case already being supported (its 相談者ID has a
 * claim), the office is alerted when a claim says urgent help is needed; staff record a grant from
 * the 申請 row (recordEmergencySupport) and set 用途, 金額 and 判定; approved grants are paid with
 * the month's payout (app/grantPayout.ts). No recipient name is stored or mailed anywhere.
 */
import { parseId } from '../domain/ids';
import { programById } from '../domain/programs';
import { normalizeText, parseYesNo } from '../domain/text';
import type { Ctx, TablePort } from './ports';
import { emergencyBudget } from './settings';
import { formatSeqId, nextSeqOf } from './register';
import { CLAIMS, GRANT_DECISIONS, GRANTS } from './schema';

export const SEQ_E = 'seq.E';

/** 緊急支援ID: `E-` + sequence + Damm digit. */
export const formatGrantId = (seq: number) => formatSeqId('E', seq);

/** 緊急支援が必要ですか answered yes (はい / yes / có). */
export function saysUrgent(v: unknown): boolean {
  return parseYesNo(v) === true;
}

/**
 * The office hears at once when a claim asks for urgent help: the claim ID, the case ID and who
 * supports, never the recipient's name or the free-text summary. An edit that keeps はい does not
 * alert again.
 */
export function alertEmergency(ctx: Ctx, c: { claimId: string; caseId: string; supporterId: string; supportDate: string; urgent: unknown; wasUrgent: boolean }): void {
  if (!saysUrgent(c.urgent) || c.wasUrgent) return;
  ctx.log(c.claimId, '緊急支援が必要との回答があったため事務局に通知しました');
  ctx.mail.notifyOffice(
    `緊急支援が必要との申請があります（${c.claimId}）`,
    [
      '伴走支援の申請で「緊急支援が必要ですか」に「はい」と回答がありました。',
      '',
      `申請ID: ${c.claimId}`,
      `相談者ID: ${c.caseId || '（未発行）'}`,
      `伴走ネットID: ${c.supporterId || '—'}`,
      `支援実施日: ${c.supportDate || '—'}`,
      '',
      '伴走者に連絡して状況を確認してください。緊急支援費を出す場合は、申請シートでこの行を選び、メニュー「緊急支援を記録」を実行してください。',
    ].join('\n'),
  );
}

export interface GrantRecordResult {
  created: string[];
  refused: string[];
}

/**
 * recordEmergencySupport: one 緊急支援 row per selected 申請 row (indexes into 申請). Only for a
 * case that already has a claim (a valid 相談者ID with a claim that is not 却下); a grant still
 * 審査待ち for the same claim is not recorded twice.
 */
export function recordGrants(ctx: Ctx, claimRows: readonly number[]): GrantRecordResult {
  const claims = ctx.lookup(CLAIMS);
  const grants = ctx.lookup(GRANTS);
  const result: GrantRecordResult = { created: [], refused: [] };
  claims.load(claimRows.filter((i) => i >= 0 && i < claims.length));
  for (const i of claimRows) {
    const claimId = i >= 0 && i < claims.length ? claims.text(i, '申請ID') : '';
    if (!claimId) {
      result.refused.push(`${i + 2}行目: 申請の行ではありません`);
      continue;
    }
    const caseParsed = parseId('R', claims.get(i, '相談者ID'));
    if (caseParsed.kind !== 'ok') {
      result.refused.push(`${claimId}: 相談者IDがないか正しくないため記録できません（緊急支援はすでに申請のある相談者が対象です）`);
      continue;
    }
    const caseId = caseParsed.id;
    if (!caseHasClaim(claims, caseId)) {
      result.refused.push(`${claimId}: 相談者 ${caseId} には有効な申請がありません（却下のみ）。緊急支援はすでに伴走支援の申請がある相談者が対象です`);
      continue;
    }
    const open = findOpenGrant(grants, claimId);
    if (open) {
      result.refused.push(`${claimId}: この申請からの緊急支援 ${open} がすでに審査待ちです`);
      continue;
    }
    const grantId = formatGrantId(nextSeqOf(ctx, SEQ_E, grants, '緊急支援ID', 'E'));
    grants.append({
      緊急支援ID: grantId,
      記録日時: ctx.now,
      伴走ネットID: claims.text(i, '伴走ネットID'),
      相談者ID: caseId,
      用途: '',
      金額: '',
      判定: '審査待ち',
      審査メモ: '',
      支払ID: '',
      申請ID: claimId,
      プログラム: claims.text(i, 'プログラム'),
      支払予定ID: '',
      記録者: ctx.actor,
    });
    ctx.log(grantId, `緊急支援を記録しました（${claimId}、相談者 ${caseId}）。用途・金額・判定を入力してください`);
    result.created.push(grantId);
  }
  return result;
}

function caseHasClaim(claims: TablePort, caseId: string): boolean {
  return claims.findAll('相談者ID', caseId).some((j) => claims.text(j, '申請ID') !== '' && claims.text(j, '判定') !== '却下');
}

function findOpenGrant(grants: TablePort, claimId: string): string | null {
  const j = grants.findAll('申請ID', claimId).find((k) => grants.text(k, '判定') === '審査待ち');
  return j === undefined ? null : grants.text(j, '緊急支援ID');
}

/** 金額 as staff typed it: a whole number of yen ≥ 1, or null. */
export function grantAmount(v: unknown): number | null {
  const n = typeof v === 'number' ? v : Number(normalizeText(v).replace(/[,円¥]/g, ''));
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * Staff's edits of 緊急支援 (edit trigger, daily job): a paid grant stays 支払済, 支払済 cannot be
 * typed by hand, an unknown 判定 goes back to 審査待ち; then the emergency budget is checked.
 * With `edited` (the rows of the edit that fired the trigger) only those rows are read, and the
 * budget's running total changes by what they changed: an edit costs the same whatever the size of
 * 緊急支援. Without, every row is, and the totals are rebuilt from the sheet (the daily job).
 */
export function handleGrantChanges(ctx: Ctx, edited?: readonly number[]): { corrected: number } {
  const lean = edited !== undefined;
  const t = lean ? ctx.lookup(GRANTS) : ctx.table(GRANTS);
  // (Edited rows are sheet rows: read as they are, without asking the sheet its length.)
  const rows = lean ? [...new Set(edited)].filter((i) => i >= 0).sort((a, b) => a - b) : Array.from({ length: t.length }, (_, i) => i);
  t.load(rows, lean);
  let corrected = 0;
  for (const i of rows) {
    const id = t.text(i, '緊急支援ID');
    if (!id) continue;
    const decision = t.text(i, '判定');
    const paid = t.text(i, '支払ID') !== '';
    let fixed: string | null = null;
    if (paid && decision !== '支払済') fixed = '支払済';
    else if (!paid && decision === '支払済') fixed = '承認';
    else if (!(GRANT_DECISIONS as readonly string[]).includes(decision)) fixed = '審査待ち';
    if (fixed !== null) {
      t.set(i, { 判定: fixed });
      ctx.log(id, `判定「${decision}」は受け付けません（支払済は月次支払の確定でのみ設定されます）。「${fixed}」にしました`);
      corrected++;
    }
  }
  if (lean) recordGrantBudget(ctx, t, rows);
  else rebuildGrantBudget(ctx, t);
  checkGrantBudget(ctx);
  return { corrected };
}

/** Script property: the yen of a program's grants that are 承認 or 支払済 (the running total). */
export const grantBudgetKey = (programId: string) => `grantBudget.used.${programId}`;

/** What a grant counts in its program's total: 金額 when 承認 or 支払済, else nothing. */
function countedYen(t: TablePort, i: number): number {
  return t.text(i, '緊急支援ID') !== '' && ['承認', '支払済'].includes(t.text(i, '判定')) ? (grantAmount(t.get(i, '金額')) ?? 0) : 0;
}

/** The program a grant belongs to (its プログラム; one the settings do not know counts in the active program). */
function grantProgram(ctx: Ctx, t: TablePort, i: number): string {
  return (programById(ctx.settings.programs, t.text(i, 'プログラム')) ?? ctx.settings.active).id;
}

/**
 * The edited rows' part of the running totals: each grant's 予算計上額 says what it counted until now,
 * so its program's total moves by the difference. A sheet without that column (setup not yet run
 * since) keeps the whole-sheet sum; a total not yet built is built from the whole sheet, once.
 */
function recordGrantBudget(ctx: Ctx, t: TablePort, rows: readonly number[]): void {
  if (!t.has('予算計上額')) return;
  const deltas = new Map<string, number>();
  for (const i of rows) {
    const now = countedYen(t, i);
    const before = grantAmount(t.get(i, '予算計上額')) ?? 0;
    if (now === before) continue;
    t.set(i, { 予算計上額: now || '' });
    const p = grantProgram(ctx, t, i);
    deltas.set(p, (deltas.get(p) ?? 0) + now - before);
  }
  for (const [p, d] of deltas) {
    const total = Number(ctx.prop(grantBudgetKey(p)) ?? NaN);
    // Not built yet: left for grantsUsed, which builds every total from the sheet (this run's rows included).
    if (Number.isFinite(total)) ctx.setProp(grantBudgetKey(p), String(total + d));
  }
}

/** Every program's total and every grant's 予算計上額 from the whole sheet (daily; and once, when missing). */
function rebuildGrantBudget(ctx: Ctx, t: TablePort): void {
  if (!t.has('予算計上額')) return;
  const totals = new Map<string, number>(ctx.settings.programs.map((p) => [p.id, 0]));
  for (let i = 0; i < t.length; i++) {
    const yen = countedYen(t, i);
    if ((grantAmount(t.get(i, '予算計上額')) ?? 0) !== yen) t.set(i, { 予算計上額: yen || '' });
    if (yen === 0) continue;
    const p = grantProgram(ctx, t, i);
    totals.set(p, (totals.get(p) ?? 0) + yen);
  }
  for (const [p, yen] of totals) if (ctx.prop(grantBudgetKey(p)) !== String(yen)) ctx.setProp(grantBudgetKey(p), String(yen));
}

/** The active program's grants that are 承認 or 支払済, in yen: the running total, else the sheet summed. */
function grantsUsed(ctx: Ctx): number {
  const program = ctx.settings.active;
  const lean = ctx.lookup(GRANTS);
  if (lean.has('予算計上額')) {
    if (!Number.isFinite(Number(ctx.prop(grantBudgetKey(program.id)) ?? NaN))) rebuildGrantBudget(ctx, ctx.table(GRANTS));
    const total = Number(ctx.prop(grantBudgetKey(program.id)) ?? NaN);
    if (Number.isFinite(total)) return total;
  }
  const t = ctx.table(GRANTS);
  let used = 0;
  for (let i = 0; i < t.length; i++) if (grantProgram(ctx, t, i) === program.id) used += countedYen(t, i);
  return used;
}

/**
 * 緊急支援予算上限 (設定, for the active program): the grants of that program that are 承認 or
 * 支払済 are summed (kept as a running total, script property `grantBudget.used.<program>`, rebuilt
 * from the sheet by the daily job); reaching the cap is reported to the office once per new total.
 */
export function checkGrantBudget(ctx: Ctx): { cap: number | null; used: number } {
  const cap = emergencyBudget(ctx.settings.value('緊急支援予算上限'));
  if (cap === null || cap === 'invalid') return { cap: null, used: 0 }; // an unreadable value is reported by setup
  const program = ctx.settings.active;
  const used = grantsUsed(ctx);
  if (used < cap) return { cap, used };
  const key = `grantBudget.reported.${program.id}.${used}`;
  if (!ctx.prop(key)) {
    ctx.setProp(key, String(ctx.now.getTime()));
    ctx.log('緊急支援', `緊急支援費が予算上限に達しました（承認・支払済 ${used}円 / 上限 ${cap}円）`);
    ctx.mail.notifyOffice(
      '緊急支援費が予算上限に達しました',
      `プログラム ${program.name} の緊急支援費（承認・支払済）の合計が ${used.toLocaleString('ja-JP')}円 になり、設定の緊急支援予算上限 ${cap.toLocaleString('ja-JP')}円 に達しました${used > cap ? `（${(used - cap).toLocaleString('ja-JP')}円 超過）` : ''}。\n新しい緊急支援を承認する前に、予算を確認してください。`,
    );
  }
  return { cap, used };
}
