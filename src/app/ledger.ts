/**
 * 回答記録: one row per form response the system has handled, keyed by the response id. It makes
 * every handler idempotent (the same unedited response twice does nothing) and tells reconcile
 * what is still to do. A response that could not be processed is recorded as 保留 and retried.
 */
import { isDateObject } from '../domain/calendar';
import type { Ctx, ResponseData, TablePort } from './ports';
import { CLAIMS, RESPONSES, SIGNUPS, SUPPORTERS } from './schema';

export type FormKind = '登録' | '申請' | '講座' | '相談会';
export type LedgerResult = '登録' | '既存' | '更新' | '申請' | '保留' | 'メールなし' | '講座' | '重複' | '要確認' | '申込';

export class Ledger {
  private readonly t: TablePort;
  constructor(private readonly ctx: Ctx) {
    // One lookup by response ID (a TextFinder on 回答ID), whatever the number of responses.
    this.t = ctx.lookup(RESPONSES);
  }

  private index(id: string): number {
    return this.t.find('回答ID', id);
  }

  /**
   * What to do with this submit: 'done' when this exact submit (id and timestamp) was handled and
   * its row is still there; 'restore' with the ID it was given when staff deleted that row (the
   * form is the durable record: the row comes back with the same ID, and no mail goes out);
   * 'process' otherwise.
   */
  status(r: { id: string; timestamp: Date }): { kind: 'done' } | { kind: 'restore'; target: string; caseId: string } | { kind: 'process' } {
    const i = this.index(r.id);
    if (i < 0) return { kind: 'process' };
    const result = this.t.text(i, '結果');
    if (result === '保留' || !sameInstant(this.t.get(i, '回答日時'), r.timestamp)) return { kind: 'process' };
    const target = this.t.text(i, '対象');
    const caseId = this.t.text(i, '相談者ID');
    if (result === '登録' && target && this.ctx.lookup(SUPPORTERS).find('伴走ネットID', target) < 0) return { kind: 'restore', target, caseId };
    if (result === '申請' && target && this.ctx.lookup(CLAIMS).find('申請ID', target) < 0) return { kind: 'restore', target, caseId };
    if (result === '申込' && target && this.ctx.lookup(SIGNUPS).find('申込ID', target) < 0) return { kind: 'restore', target, caseId };
    return { kind: 'done' };
  }

  /** The 詳細 recorded for a response ('' when none). */
  detail(id: string): string {
    const i = this.index(id);
    return i < 0 ? '' : this.t.text(i, '詳細');
  }

  /**
   * Rewrites the 詳細 of a handled response (one cell), e.g. a sign-up's 判定 after staff or the
   * waiting list changed it. Nothing when the response is not in 回答記録.
   */
  setDetail(id: string, detail: string): void {
    const i = this.index(id);
    if (i >= 0 && this.t.text(i, '詳細') !== detail) this.t.set(i, { 詳細: detail });
  }

  /** `caseId`: the 相談者ID a claim holds, so a deleted row comes back with it. */
  record(form: FormKind, r: { id: string; timestamp: Date }, result: LedgerResult, target: string, detail = '', caseId = ''): void {
    const row = { 回答ID: r.id, フォーム: form, 回答日時: r.timestamp, 処理日時: this.ctx.now, 結果: result, 対象: target, 相談者ID: caseId, 詳細: detail };
    const i = this.index(r.id);
    if (i < 0) this.t.append(row);
    else this.t.set(i, row);
  }
}

/**
 * Responses of one form handled earlier whose row staff have deleted since (SPEC §7: the form is the
 * durable record and the sheets are rebuilt from it). reconcile's high-water mark skips responses it
 * already passed, so the daily job asks for these: one column read per sheet, whatever its size.
 */
export function deletedRowResponses(ctx: Ctx, form: FormKind): string[] {
  const sheets = { 登録: [SUPPORTERS, '伴走ネットID'], 申請: [CLAIMS, '申請ID'], 申込: [SIGNUPS, '申込ID'] } as const;
  const t = ctx.lookup(RESPONSES);
  if (t.length === 0) return [];
  const ids = t.column('回答ID');
  const forms = t.column('フォーム');
  const results = t.column('結果');
  const targets = t.column('対象');
  const present = new Map<string, Set<string>>();
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const result = String(results[i] ?? '').trim();
    const target = String(targets[i] ?? '').trim();
    if (String(forms[i] ?? '').trim() !== form || !target || !(result in sheets)) continue;
    let set = present.get(result);
    if (!set) {
      const [schema, header] = sheets[result as keyof typeof sheets];
      set = new Set(ctx.lookup(schema).column(header as never).map((v) => String(v ?? '').trim()));
      present.set(result, set);
    }
    if (!set.has(target)) out.push(String(ids[i]).trim());
  }
  return out;
}

export function sameInstant(a: unknown, b: Date): boolean {
  if (!isDateObject(a)) return false;
  // A sheet may keep a date-time to the second, rounded either way: within a second is the same submit.
  return Math.abs(a.getTime() - b.getTime()) < 1000;
}

/** Question titles a response needs but does not have: unanswered, or (when absent from the form) unmapped. */
export function missingTitles(r: ResponseData, titles: string[]): string[] {
  return titles.filter((t) => {
    const a = r.answers.get(t);
    return a === undefined || (Array.isArray(a) ? a.length === 0 : a.trim() === '');
  });
}

/**
 * A required answer that is absent from the response is either unanswered or (when the form has no
 * question with that title) a mapping problem. For the latter the response is kept as 保留 and the
 * office is told the titles to fix in 設定; reconcile processes it once fixed. Returns those titles.
 */
export function reportUnmapped(ctx: Ctx, ledger: Ledger, form: FormKind, r: ResponseData, absentTitles: string[], formTitles: () => string[]): string[] {
  if (absentTitles.length === 0) return [];
  const inForm = new Set(formTitles());
  const unmapped = absentTitles.filter((t) => !inForm.has(t));
  if (unmapped.length === 0) return [];
  const list = unmapped.join('、');
  const detail = `設問が見つかりません: ${list}`;
  const already = ledger.detail(r.id) === detail;
  ledger.record(form, r, '保留', '', detail);
  // Reported once: reconcile meets the response again every day until the mapping is fixed.
  if (already) return unmapped;
  ctx.log(`${form}回答 ${r.id}`, `処理できません。設定の設問名を確認してください: ${list}`);
  ctx.mail.notifyOffice(
    `${form}フォームの回答を処理できません`,
    `${form}フォームの回答 ${r.id} を処理できませんでした。\n見つからない設問: ${list}\n\n設定シートの「${form}設問:…」の値をフォームの設問名に合わせてから、メニュー「未処理の回答を取り込む」を実行してください。回答はフォームに残っています。`,
  );
  return unmapped;
}
