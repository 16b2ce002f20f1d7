/**
 * 判定を入力 (sidebar): a way of deciding that records the reviewer. On consumer accounts an edit
 * trigger does not say who edited (only the trigger's owner is named), so a 判定 typed into the sheet
 * is logged as 不明. Here the reviewer clicks a button: the call runs as that person, who runs the
 * script themselves, so Session.getActiveUser() names them ("these restrictions generally do not
 * apply if the developer runs the script themselves"). The decision goes through the same use case
 * as an edit (handleReviewChanges): the same mails and ログ lines.
 */
import { handleReviewChanges, UNNAMED_EDITOR } from '../app/review';
import { CLAIMS } from '../app/schema';
import { asDecision } from '../domain/rules';
import { spreadsheet } from './context';
import { withCtx } from './entry';
import { normHeader } from './table';
import SIDEBAR_HTML from './reviewSidebar.html';
import { readTriggerRecord, runningAccount } from './triggers';

/** What the sidebar may set (支払済 is set only by closing a payout). */
export const SIDEBAR_DECISIONS = ['承認', '差戻し', '却下', '審査待ち'] as const;

export interface SidebarClaim {
  claimId: string;
  name: string;
  supportDate: string;
  amount: number;
  decision: string;
  memo: string;
}

export interface SidebarSelection {
  /** who the decision will be recorded as ('' when Google does not say) */
  reviewer: string;
  claims: SidebarClaim[];
  /** why nothing is listed (not on 申請, nothing selected) */
  message: string;
}

export function clickingUser(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export function showReviewSidebar(u: GoogleAppsScript.Base.Ui): void {
  u.showSidebar(HtmlService.createHtmlOutput(SIDEBAR_HTML).setTitle('判定を入力'));
}

const dateText = (v: unknown): string =>
  v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? Utilities.formatDate(v as Date, 'Asia/Tokyo', 'yyyy-MM-dd') : String(v ?? '');

/** The 申請 rows the person has selected (only those rows are read). */
export function readSelection(): SidebarSelection {
  const reviewer = clickingUser();
  const ss = spreadsheet();
  const sheet = ss.getActiveSheet();
  if (!sheet || sheet.getName() !== CLAIMS.name) return { reviewer, claims: [], message: '申請シートで、判定する行を選んでください。' };
  const ranges = ss.getActiveRangeList()?.getRanges() ?? [];
  const rows = new Set<number>();
  for (const r of ranges) for (let row = Math.max(2, r.getRow()); row <= r.getLastRow(); row++) rows.add(row);
  const lastRow = sheet.getLastRow();
  const wanted = [...rows].filter((r) => r <= lastRow).sort((a, b) => a - b);
  if (wanted.length === 0) return { reviewer, claims: [], message: '申請シートで、判定する行（2行目以降）を選んでください。' };
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => normHeader(String(h)));
  const col = (h: string) => header.indexOf(normHeader(h));
  // One read covering the selected rows (from the first to the last selected).
  const first = wanted[0];
  const block = sheet.getRange(first, 1, wanted[wanted.length - 1] - first + 1, width).getValues();
  const claims: SidebarClaim[] = [];
  for (const row of wanted) {
    const v = block[row - first];
    const at = (h: string) => (col(h) >= 0 ? v[col(h)] : '');
    const claimId = String(at('申請ID')).replace(/^'/, '').trim();
    if (!claimId) continue;
    claims.push({
      claimId,
      name: String(at('氏名')),
      supportDate: dateText(at('支援日')),
      amount: Number(at('金額')) || 0,
      decision: String(at('判定')),
      memo: String(at('審査メモ')),
    });
  }
  return { reviewer, claims, message: claims.length ? '' : '選んだ行に申請がありません。' };
}

export interface SidebarDecision {
  claimIds: string[];
  decision: string;
  /** written to 審査メモ of every row when given (a blank memo leaves the rows' memos as they are) */
  memo?: string;
}

/** Sets 判定 (and 審査メモ) on the named claims and acts on them as the clicking reviewer. */
export function applySidebarDecision(input: SidebarDecision): { changed: number; reviewer: string; claims: string[]; mailHeld: boolean } {
  const decision = asDecision(input?.decision);
  if (!decision || !(SIDEBAR_DECISIONS as readonly string[]).includes(decision)) throw new Error(`判定「${String(input?.decision)}」は選べません（${SIDEBAR_DECISIONS.join('・')}）`);
  const ids = [...new Set((input.claimIds ?? []).map((c) => String(c).trim()).filter(Boolean))];
  if (ids.length === 0) throw new Error('申請が選ばれていません');
  const reviewer = clickingUser() || UNNAMED_EDITOR;
  const memo = typeof input.memo === 'string' ? input.memo.trim() : '';
  // This call runs as the reviewer, and MailApp sends from the account that runs it: unless the reviewer
  // is the triggers' owner, the mail waits for the owner's account to send it.
  const owner = readTriggerRecord().owner;
  const hold = owner !== '' && owner !== runningAccount();
  return withCtx('判定の入力（サイドバー）', reviewer, (ctx) => {
    if (hold) ctx.mail.holdFor = `事務局のアカウント（${owner}）から送るため`;
    // An edit path: the named claims are found and read, never the whole 申請.
    const t = ctx.lookup(CLAIMS);
    const rows: number[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const i = t.find('申請ID', id);
      if (i < 0) missing.push(id);
      else rows.push(i);
    }
    if (missing.length > 0) throw new Error(`申請 ${missing.join('、')} が見つかりません（行が削除されたか、申請IDが変わりました）`);
    for (const i of rows) t.set(i, { 判定: decision, ...(memo ? { 審査メモ: memo } : {}) });
    const r = handleReviewChanges(ctx, rows);
    return { changed: r.changes, reviewer, claims: ids, mailHeld: hold };
  });
}
