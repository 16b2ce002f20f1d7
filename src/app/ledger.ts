/**
 * 回答記録: one row per form response the system has handled, keyed by the response id. It makes
 * every handler idempotent (the same unedited response twice does nothing) and tells reconcile
 * what is still to do. A response that could not be processed is recorded as 保留 and retried.
 */
import type { Ctx, ResponseData, TablePort } from './ports';
import { RESPONSES } from './schema';

export type FormKind = '登録' | '申請';
export type LedgerResult = '登録' | '既存' | '更新' | '申請' | '保留' | 'メールなし';

export class Ledger {
  private readonly t: TablePort;
  constructor(private readonly ctx: Ctx) {
    this.t = ctx.table(RESPONSES);
  }

  private index(id: string): number {
    return this.t.find('回答ID', id);
  }

  /** True when this exact submit (id and timestamp) was already handled and needs nothing more. */
  isDone(r: ResponseData): boolean {
    const i = this.index(r.id);
    if (i < 0) return false;
    return this.t.text(i, '結果') !== '保留' && sameInstant(this.t.get(i, '回答日時'), r.timestamp);
  }

  /** The latest submit time recorded for a response (to tell an edit from a repeat). */
  known(id: string): { timestamp: unknown; result: string } | null {
    const i = this.index(id);
    return i < 0 ? null : { timestamp: this.t.get(i, '回答日時'), result: this.t.text(i, '結果') };
  }

  record(form: FormKind, r: ResponseData, result: LedgerResult, target: string, detail = ''): void {
    const row = { 回答ID: r.id, フォーム: form, 回答日時: r.timestamp, 処理日時: this.ctx.now, 結果: result, 対象: target, 詳細: detail };
    const i = this.index(r.id);
    if (i < 0) this.t.append(row);
    else this.t.set(i, row);
  }
}

export function sameInstant(a: unknown, b: Date): boolean {
  if (Object.prototype.toString.call(a) !== '[object Date]') return false;
  // Sheets keeps date-times to the second (some implementations to the millisecond).
  return Math.floor((a as Date).getTime() / 1000) === Math.floor(b.getTime() / 1000);
}

/** Question titles a response needs but does not have: unanswered, or (when absent from the form) unmapped. */
export function missingTitles(r: ResponseData, titles: string[]): string[] {
  return titles.filter((t) => {
    const a = r.answers.get(t);
    return a === undefined || (Array.isArray(a) ? a.length === 0 : a.trim() === '');
  });
}
