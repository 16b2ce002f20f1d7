/**
 * Entry points (SPEC §6): the only functions Apps Script sees. Each is a thin call into src/gas;
 * the build turns every export here into a top-level `function` of build/Code.js.
 */
import { menuItems, okAlert, promptMonth, showPayoutDialog, ui } from './gas/ui';
import {
  actorEmail,
  buildPayout,
  buildReportSheet,
  claimSubmit,
  closePayout,
  createFormsNow,
  daily,
  monthOrCurrent,
  reconcileAll,
  recoverLost,
  registrationSubmit,
  resumePayoutRun,
  revalidate,
  reviewEdit,
  setupAll,
} from './gas/entry';

/** Simple trigger: the 伴走ネット menu. */
export function onOpen(): void {
  const u = ui();
  if (!u) return;
  const menu = u.createMenu('伴走ネット');
  for (const item of menuItems) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.fn);
  }
  menu.addToUi();
}

/** Creates or completes the sheets, 設定 keys, validation, protection and triggers. Safe to run twice. */
export function setup(): unknown {
  const report = setupAll();
  const lines = [
    report.created.length ? `作成したシート: ${report.created.join('、')}` : '',
    report.addedHeaders.length ? `追加した列: ${report.addedHeaders.join('、')}` : '',
    report.addedKeys ? `設定に追加したキー: ${report.addedKeys}件` : '',
    ...report.triggers,
    report.problems.length ? `\n未設定・要確認:\n${report.problems.map((p) => `・${p}`).join('\n')}` : '\nすべて設定済みです。',
  ].filter(Boolean);
  okAlert('初期設定', lines.join('\n'));
  return report;
}

/** Installable form-submit trigger of the registration form. */
export function onRegistrationSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  registrationSubmit(e);
}

/** Installable form-submit trigger of the claim form. */
export function onClaimSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  claimSubmit(e);
}

/** Installable edit trigger of the spreadsheet (simple triggers cannot send mail). */
export function onReviewEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  reviewEdit(e);
}

/** Processes every form response not yet in the sheets (menu and daily). */
export function reconcile(): unknown {
  const r = reconcileAll(actorEmail());
  okAlert('未処理の回答を取り込む', `登録 ${r.registrations}件、申請 ${r.claims}件を取り込みました。${r.pending ? `\n設問が見つからず保留: ${r.pending}件（ログを確認）` : ''}${r.resumed ? '\n時間切れのため、続きは1分後に自動で実行します。' : ''}`);
  return r;
}

/** Re-runs the automatic check on every 審査待ち claim. */
export function revalidatePending(): unknown {
  const r = revalidate(actorEmail());
  okAlert('審査待ちを再チェック', `${r.checked}件を確認し、${r.changed}件の結果が変わりました。`);
  return r;
}

/** Daily time trigger: queued mail, needs-info reminders and expiry report, reconcile. */
export function dailyMaintenance(): unknown {
  return daily();
}

/**
 * 月次支払. With a month ('YYYY-MM') it builds at once (editor, tests); from the menu it asks for the
 * month and shows a confirmation dialog whose button calls confirmPayout.
 */
export function createPayout(month?: unknown): unknown {
  if (typeof month === 'string' && month.trim() !== '') {
    const m = monthOrCurrent(month);
    if (!m) throw new Error(`月「${month}」が読めません（例: 2026-03）`);
    return buildPayout(m, actorEmail());
  }
  const m = promptMonth('月次支払を作成');
  if (!m) return null;
  return showPayoutDialog(m, actorEmail());
}

/** Called by the confirmation dialog. */
export function confirmPayout(month: string): unknown {
  const m = monthOrCurrent(month);
  if (!m) throw new Error(`月「${month}」が読めません`);
  return buildPayout(m, actorEmail());
}

/** Time trigger set when a payout stopped before the time limit: builds it again. */
export function resumePayout(): unknown {
  return resumePayoutRun();
}

/** Closes a month: 支払済 with the payout ID, payment notices, the sheet protected. */
export function markPayoutPaid(month?: unknown): unknown {
  let m: string | null;
  if (typeof month === 'string' && month.trim() !== '') m = monthOrCurrent(month);
  else {
    m = promptMonth('支払済にする');
    if (!m) return null;
    const u = ui();
    if (u) {
      const answer = u.alert('支払済にする', `${m} の振込が完了したことを確認しましたか？\n対象の申請を支払済にし、支払のお知らせを送り、支払シートを保護します。元に戻せません。`, u.ButtonSet.YES_NO);
      if (answer !== u.Button.YES) return null;
    }
  }
  if (!m) throw new Error(`月「${String(month)}」が読めません（例: 2026-03）`);
  const r = closePayout(m, actorEmail());
  okAlert('支払済にする', `${r.month}: ${r.supporters}人、${r.claims}件を支払済にしました（${r.total.toLocaleString('ja-JP')}円、支払日 ${r.payday}）。`);
  return r;
}

/** Creates fresh registration and claim forms for the active program and installs their triggers. */
export function createForms(): unknown {
  const r = createFormsNow(actorEmail());
  setupAll();
  okAlert('フォームを作成', `フォームを作成し、設定に登録しました。\n登録フォーム: ${r.registration}\n申請フォーム: ${r.claim}`);
  return r;
}

/** 集計 for grant reports and policy proposals: claims, approvals, yen, people, by issue, region, nationality. */
export function createReport(month?: unknown): unknown {
  let m: string | null;
  if (typeof month === 'string' && month.trim() !== '') m = monthOrCurrent(month);
  else m = promptMonth('集計を作成');
  if (!m) return null;
  const r = buildReportSheet(m, actorEmail());
  okAlert('集計を作成', `シート「${r.sheet}」を作成しました。件数が3未満の欄は「<3」と表示しています。`);
  return r;
}

// ---------------------------------------------------------------- issue 7: recovery after a lost lock

/**
 * One-off time trigger, scheduled by a submit or an edit that could not get the script lock: takes
 * in the responses not yet handled and the decisions typed meanwhile (README「ロックの回復」).
 */
export function recoverPending(): unknown {
  return recoverLost();
}
