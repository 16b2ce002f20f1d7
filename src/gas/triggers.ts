/**
 * One set of triggers, owned by one account (SPEC §8).
 *
 * Installable triggers belong to the account that created them: they run as it, mail goes out from it
 * and counts against its quota, and ScriptApp.getProjectTriggers() shows each account only its own.
 * So `setup` records which account owns the triggers and the ID of each one (script properties);
 * run by another account it installs nothing. A take-over installs a fresh set as the new owner and
 * records it; the old owner's triggers, which the new owner cannot see or delete, are made harmless:
 * every handler compares the event's triggerUid with the recorded IDs and does nothing for another.
 */
import { propsAtStart } from './context';

export const TRIGGER_OWNER_KEY = 'triggers.owner';
export const TRIGGER_IDS_KEY = 'triggers.ids';

/** The handlers of the one recorded set, with the label staff see. */
export const TRIGGER_LABELS: Record<string, string> = {
  onRegistrationSubmit: '登録フォームの送信',
  onClaimSubmit: '申請フォームの送信',
  onCourseSubmit: '講座アンケートフォームの送信', // issue 10a
  onSessionSubmit: '相談会申込フォームの送信',
  onReviewEdit: '申請シートの編集（判定）',
  dailyMaintenance: '毎日の処理',
};

export interface TriggerRecord {
  owner: string;
  /** handler → trigger ID */
  ids: Record<string, string>;
}

/** The account this run acts as (an installable trigger's creator, or the person who clicked). */
export function runningAccount(): string {
  try {
    return Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export function readTriggerRecord(props = PropertiesService.getScriptProperties()): TriggerRecord {
  const all = props.getProperties();
  let ids: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(all[TRIGGER_IDS_KEY] || '{}');
    if (parsed && typeof parsed === 'object') ids = parsed as Record<string, string>;
  } catch {
    ids = {};
  }
  return { owner: all[TRIGGER_OWNER_KEY] || '', ids };
}

export function writeTriggerRecord(record: TriggerRecord, props = PropertiesService.getScriptProperties()): void {
  props.setProperties({ [TRIGGER_OWNER_KEY]: record.owner, [TRIGGER_IDS_KEY]: JSON.stringify(record.ids) });
}

/**
 * Whether an event comes from a trigger that is not in the recorded set (an old owner's, left behind
 * by a take-over): such a trigger must do nothing. A run without a triggerUid (menu, editor) and a
 * project where nothing is recorded yet are never stray.
 */
export function isStrayTrigger(e: unknown): boolean {
  const uid = e !== null && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if (uid === undefined || uid === null || uid === '') return false;
  const raw = propsAtStart()[TRIGGER_IDS_KEY];
  if (!raw) return false;
  try {
    const ids = Object.values(JSON.parse(raw) as Record<string, string>).map(String);
    return ids.length > 0 && !ids.includes(String(uid));
  } catch {
    return false;
  }
}

/** Who owns the triggers, and how to hand them over: the text setup shows to another account. */
export function notOwnerMessage(owner: string, me: string): string {
  return (
    `トリガー（フォーム送信・判定の編集・毎日の処理）は ${owner} が所有しています。このアカウント（${me || '不明'}）ではトリガーを設定しませんでした（二重に動かないため）。` +
    `担当のアカウントを替えるときは、新しく担当するアカウントでメニュー「トリガーを引き継ぐ」を実行してください。${owner} のトリガーはその後何もしなくなります（不要なら ${owner} で「初期設定」を実行すると削除されます）。`
  );
}

/**
 * The recorded triggers this account cannot find any more (deleted in the editor, or removed by Google),
 * and form triggers that no longer point at the form in 設定 (a form created or mapped since by an
 * account that may not install triggers). Only the owner can see its triggers: for anyone else the
 * answer is null (not checked). `forms`: handler → the configured form's ID ('' when none).
 */
export function missingTriggers(forms: Record<string, string>): { owner: string; missing: string[] } | null {
  const record = readTriggerRecord();
  const me = runningAccount();
  if (!record.owner || record.owner !== me) return null;
  const have = new Map(ScriptApp.getProjectTriggers().map((t) => [t.getUniqueId(), t] as const));
  const label = (handler: string) => `${TRIGGER_LABELS[handler] ?? handler}（${handler}）`;
  const missing: string[] = [];
  for (const handler of Object.keys(TRIGGER_LABELS)) {
    const uid = record.ids[handler];
    const formId = forms[handler];
    const t = uid ? have.get(uid) : undefined;
    if (uid && !t) missing.push(label(handler));
    else if (formId !== undefined && formId !== '' && (!t || t.getTriggerSourceId() !== formId)) missing.push(`${label(handler)}: 設定のフォームに対するトリガーがありません`);
  }
  return { owner: record.owner, missing };
}
