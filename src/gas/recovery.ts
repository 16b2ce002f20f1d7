/**
 * A run that could not get the script lock (SPEC §8: the month-end rush) is not left for the
 * daily job: it schedules one recovery run a minute later (a one-off time trigger), which takes
 * in the responses the form holds and the 判定 typed meanwhile. Exactly once: a submit that lost
 * the lock wrote nothing, and the recovery run processes each response through 回答記録 (already
 * handled → nothing); a decision is acted on only while 判定 differs from 記録済み判定.
 *
 * Scheduling needs no script lock (the holder is what made us lose it): a second lock (the
 * document's, else the user's) makes "look for the trigger, create it if absent" one step, so
 * several losers at the same instant leave one trigger. The project's 20 triggers per user are
 * respected: at the limit nothing is created (the daily job still reconciles).
 */
import { scriptProperties } from './context';
import { readTriggerRecord, runningAccount } from './triggers';

export const RECOVERY_HANDLER = 'recoverPending';
const RECOVERY_DELAY_MS = 60_000;
const MAX_TRIGGERS = 20;
/** Script property keys of edits whose trigger lost the lock: rows and editor, one key per edit. */
export const PENDING_EDIT_PREFIX = 'recover.edit.';

export function scheduleRecovery(pendingEdit?: { rows: number[]; actor: string; sheet?: string }): void {
  if (pendingEdit && pendingEdit.rows.length > 0) {
    // A property of its own per edit (set without the lock: each key is written once, by this run).
    // The rows as runs ([from, to]): a pasted block of thousands of rows stays a few bytes, well
    // within a property's 9 KB ("Argument too large" past it).
    try {
      const key = `${PENDING_EDIT_PREFIX}${Date.now()}.${Math.floor(Math.random() * 1e9)}`;
      const { rows, ...rest } = pendingEdit;
      PropertiesService.getScriptProperties().setProperty(key, JSON.stringify({ ...rest, runs: rowRuns(rows) }));
    } catch (e) {
      // Still schedule the run: it takes in the responses, and the daily job the 判定 left unrecorded.
      console.error(`変更された行を回復用に保存できませんでした: ${String(e)}`);
    }
  }
  try {
    // Triggers run as, and mail from, the account that creates them: only the triggers' owner
    // schedules one (another staff member's run is caught by the owner's daily job).
    const owner = readTriggerRecord(scriptProperties()).owner;
    if (owner && owner !== runningAccount()) return;
    const guard = LockService.getDocumentLock() ?? LockService.getUserLock();
    if (!guard.tryLock(10_000)) return; // another run is scheduling it right now
    try {
      const triggers = ScriptApp.getProjectTriggers();
      if (triggers.some((t) => t.getHandlerFunction() === RECOVERY_HANDLER)) return;
      if (triggers.length >= MAX_TRIGGERS) {
        console.error(`トリガーが上限（${MAX_TRIGGERS}）に達しているため、回復の実行を予約できません。毎日の処理で取り込まれます`);
        return;
      }
      ScriptApp.newTrigger(RECOVERY_HANDLER).timeBased().after(RECOVERY_DELAY_MS).create();
    } finally {
      guard.releaseLock();
    }
  } catch (e) {
    // Never hide the lost lock behind a scheduling fault: the caller reports the lost lock.
    console.error(`回復の実行を予約できませんでした: ${String(e)}`);
  }
}

/** The edits waiting for the recovery run (from the run's script properties), by key. */
/** `sheet`: the sheet edited (申請 when absent: edits kept before other sheets' were). */
export function pendingEdits(props: Record<string, string>): { key: string; rows: number[]; actor: string; sheet?: string }[] {
  const out: { key: string; rows: number[]; actor: string; sheet?: string }[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (!key.startsWith(PENDING_EDIT_PREFIX)) continue;
    try {
      const v = JSON.parse(value) as { rows?: unknown; runs?: unknown; actor?: unknown; sheet?: unknown };
      const isRow = (r: unknown): r is number => Number.isInteger(r) && (r as number) >= 0;
      const rows = Array.isArray(v.rows) ? v.rows.filter(isRow) : [];
      // (Kept as runs since; a list of rows is what earlier versions kept.)
      if (Array.isArray(v.runs)) {
        for (const run of v.runs) {
          if (!Array.isArray(run) || !isRow(run[0]) || !isRow(run[1]) || run[1] < run[0]) continue;
          for (let r = run[0]; r <= run[1]; r++) rows.push(r);
        }
      }
      out.push({ key, rows, actor: typeof v.actor === 'string' ? v.actor : '', ...(typeof v.sheet === 'string' && v.sheet ? { sheet: v.sheet } : {}) });
    } catch {
      out.push({ key, rows: [], actor: '' });
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Rows as runs of consecutive numbers: [2, 3, 4, 9] → [[2, 4], [9, 9]]. */
export function rowRuns(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}
