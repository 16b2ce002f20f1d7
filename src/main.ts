/**
 * Entry points (SPEC §6): the only functions Apps Script sees. Each is a thin call into src/gas;
 * the build turns every export here into a top-level `function` of build/Code.js.
 */
import { defineProgramFromMenu } from './gas/defineProgram';
import type { ProgramAnswers } from './domain/programs';
import { menuItems, okAlert, parseYear, promptMonth, promptText, promptYear, showPayoutDialog, ui } from './gas/ui';
import { buildAnnualStatement, recordReturnRun } from './gas/afterTransfer';
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
  recordEmergency,
  sessionSubmit,
} from './gas/entry';
// issue 10a: course questionnaires and documents by post
import { buildMailingList, confirmMailing, courseSubmit, latestUnconfirmedMailing } from './gas/entry';
import { isStrayTrigger, readTriggerRecord, runningAccount } from './gas/triggers';
import { applySidebarDecision, readSelection, showReviewSidebar, type SidebarDecision } from './gas/reviewSidebar';

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
    ...report.forms,
    report.triggerOwner ? `トリガーの所有者: ${report.triggerOwner}` : '',
    report.problems.length ? `\n未設定・要確認:\n${report.problems.map((p) => `・${p}`).join('\n')}` : '\nすべて設定済みです。',
  ].filter(Boolean);
  okAlert('初期設定', lines.join('\n'));
  return report;
}

/** Installable form-submit trigger of the registration form. */
export function onRegistrationSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  if (isStrayTrigger(e)) return; // an old owner's trigger: the recorded one handles this response
  registrationSubmit(e);
}

/** Installable form-submit trigger of the claim form. */
export function onClaimSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  if (isStrayTrigger(e)) return;
  claimSubmit(e);
}

/** Installable edit trigger of the spreadsheet (simple triggers cannot send mail). */
export function onReviewEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (isStrayTrigger(e)) return;
  reviewEdit(e);
}

/** Processes every form response not yet in the sheets (menu and daily). */
export function reconcile(): unknown {
  const r = reconcileAll(actorEmail());
  okAlert('未処理の回答を取り込む', `登録 ${r.registrations}件、申請 ${r.claims}件、講座アンケート ${r.courses}件、相談会申込 ${r.signups}件を取り込みました。${r.pending ? `\n設問が見つからず保留: ${r.pending}件（ログを確認）` : ''}${r.resumed ? '\n時間切れのため、続きは1分ほど後に自動で実行します。' : ''}`);
  return r;
}

/** Re-runs the automatic check on every 審査待ち claim. */
export function revalidatePending(): unknown {
  const r = revalidate(actorEmail());
  okAlert('審査待ちを再チェック', `${r.checked}件を確認し、${r.changed}件の結果が変わりました。`);
  return r;
}

/** Daily time trigger: queued mail, needs-info reminders and expiry report, reconcile. */
export function dailyMaintenance(e?: unknown): unknown {
  if (isStrayTrigger(e)) return null;
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
  const report = setupAll();
  okAlert(
    'フォームを作成',
    [
      'フォームを作成して公開し、設定に登録しました。回答用のリンク（支援者に知らせるURL）:',
      `登録フォーム: ${r.registrationUrl}`,
      `申請フォーム: ${r.claimUrl}`,
      `講座アンケートフォーム: ${r.courseUrl}`,
      `相談会フォーム: ${r.sessionUrl}`,
      report.problems.length ? `\n要確認:\n${report.problems.map((p) => `・${p}`).join('\n')}` : '',
      report.triggerOwner && report.triggerOwner !== runningAccount()
        ? `\n新しいフォームの送信トリガーは、所有者（${report.triggerOwner}）が「初期設定」を実行すると設定されます。それまでの回答は失われず、毎日の処理で取り込まれます。`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return r;
}

/**
 * Makes the account that clicks the owner of the triggers: installs a full set as it and records
 * them. The old owner's triggers cannot be seen from here; they stay but do nothing from now on.
 */
export function takeOverTriggers(): unknown {
  const before = readTriggerRecord().owner;
  const me = runningAccount();
  const u = ui();
  if (u && before && before !== me) {
    const answer = u.alert(
      'トリガーを引き継ぐ',
      `トリガーの所有者を ${before} から ${me} に替えます。\nこれからフォーム送信・判定・毎日の処理はこのアカウントで動き、メールもこのアカウントから送られます。${before} のトリガーは何もしなくなります。続けますか？`,
      u.ButtonSet.YES_NO,
    );
    if (answer !== u.Button.YES) return null;
  }
  const report = setupAll({ takeOver: true });
  okAlert(
    'トリガーを引き継ぐ',
    [
      `トリガーの所有者: ${report.triggerOwner}`,
      ...report.triggers,
      before && before !== me ? `${before} のトリガーはこのあと何もしません（${before} で「初期設定」を実行すると削除されます）。` : '',
      report.problems.length ? `\n要確認:\n${report.problems.map((p) => `・${p}`).join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return report;
}


/** 集計 for grant reports and policy proposals: claims, approvals, yen, people, by issue, region, nationality. */
export function createReport(month?: unknown): unknown {
  let m: string | null;
  if (typeof month === 'string' && month.trim() !== '') m = monthOrCurrent(month);
  else m = promptMonth('集計を作成');
  if (!m) return null;
  const r = buildReportSheet(m, actorEmail());
  okAlert('集計を作成', `シート「${r.sheet}」を作成しました。件数が3未満の欄は「<3」、内訳で差し引きから分からないように隠した欄は「秘匿」と表示しています。`);
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

// ---- issue 10 part A: course questionnaires and documents by post ----

/** Installable form-submit trigger of the course questionnaire form (講座アンケートフォーム). */
export function onCourseSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  if (isStrayTrigger(e)) return; // an old owner's trigger: the recorded one handles this response
  courseSubmit(e);
}

/** 書類送付リスト: `書類送付 YYYY-MM-DD` and a label CSV of everyone due the documents by post. */
export function createMailingList(): unknown {
  const r = buildMailingList(actorEmail());
  okAlert(
    '書類送付リスト',
    [
      `シート「${r.sheet}」を作成しました: ${r.count}人。`,
      r.csvUrl ? `宛名ラベル用CSV: ${r.csvUrl}` : '',
      r.fileError ?? '',
      r.noAddress.length ? `住所が登録されていないため載せていません: ${r.noAddress.join('、')}` : '',
      r.count ? '発送したら、メニュー「書類送付を確定（発送済み）」で書類送付日を記入してください。' : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return r;
}

/**
 * 書類送付を確定: fills 書類送付日 (today) for everyone on a mailing list. With a sheet name it acts
 * on that list (editor, tests); from the menu it takes the newest unconfirmed list and asks first.
 */
export function confirmMailingList(sheetName?: unknown): unknown {
  const name = typeof sheetName === 'string' && sheetName.trim() !== '' ? sheetName.trim() : latestUnconfirmedMailing();
  const u = ui();
  if (!name) {
    okAlert('書類送付を確定', '確定していない書類送付リストがありません。先に「書類送付リストを作成」を実行してください。');
    return null;
  }
  if (u && typeof sheetName !== 'string') {
    const answer = u.alert('書類送付を確定', `「${name}」の全員に書類を発送しましたか？\n登録者シートの書類送付日に今日の日付を記入します。`, u.ButtonSet.YES_NO);
    if (answer !== u.Button.YES) return null;
  }
  const r = confirmMailing(name, actorEmail());
  okAlert('書類送付を確定', `「${r.sheet}」: ${r.written}人の書類送付日に ${r.date} を記入しました。`);
  return r;
}

/** 判定を入力: the sidebar that records the reviewer (the person who clicks). */
export function openReviewSidebar(): void {
  const u = ui();
  if (u) showReviewSidebar(u);
}

/** Called by the sidebar: the selected 申請 rows and who is deciding. */
export function reviewSidebarSelection(): unknown {
  return readSelection();
}

/** Called by the sidebar: sets 判定 (and 審査メモ) on the claims, recorded under the clicking reviewer. */
export function applyReviewFromSidebar(input: SidebarDecision): unknown {
  return applySidebarDecision(input);
}

/**
 * 新しい事業を設定: asks for what differs from the previous program, validates it, writes the
 * プログラム定義 row and makes it active (issue 9). Given an object of answers it asks nothing.
 */
export function defineProgram(answers?: unknown): unknown {
  const given = answers !== null && typeof answers === 'object' ? (answers as Partial<ProgramAnswers>) : undefined;
  return defineProgramFromMenu(actorEmail(), given);
}

// ---- issue 11: after the transfer ---------------------------------------------------------------

/**
 * 振込不能を記録: the bank returned a paid month's transfer to one supporter. From the editor
 * `recordReturnedTransfer('2026-03', 'BN-00042-7', '名義相違')`; from the menu it asks for each.
 */
export function recordReturnedTransfer(month?: unknown, supporterId?: unknown, reason?: unknown): unknown {
  const title = '振込不能を記録';
  const given = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  let m: string | null;
  if (given(month)) {
    m = monthOrCurrent(month);
    if (!m) throw new Error(`月「${String(month)}」が読めません（例: 2026-03）`);
  } else m = promptMonth(`${title}（支払済にした月）`);
  if (!m) return null;
  const id = given(supporterId) ?? promptText(title, `${m} に振り込んだ伴走者の伴走ネットIDを入力してください（例: BN-00042-7）`);
  if (!id) return null;
  const why = given(reason) ?? promptText(title, '銀行からの振込不能の理由を入力してください（例: 口座なし、名義相違）');
  if (!why) return null;
  const r = recordReturnRun(m, id, why, actorEmail());
  okAlert(title, r.message);
  return r;
}

/** 年間支払集計: `年間支払 YYYY` from what was paid by payday in that year (returns excluded). */
export function createAnnualStatement(year?: unknown): unknown {
  let y: number | null;
  if (year !== undefined && year !== null && year !== '' && typeof year !== 'object') {
    y = parseYear(year);
    if (y === null) throw new Error(`年「${String(year)}」が読めません（例: 2026）`);
  } else y = promptYear('年間支払集計');
  if (y === null) return null;
  const r = buildAnnualStatement(y, actorEmail());
  okAlert('年間支払集計', `シート「${r.sheet}」を作成しました: ${r.supporters}人、${r.total.toLocaleString('ja-JP')}円。\n5万円超の扱い（支払調書・源泉徴収）は税理士に確認してください。`);
  return r;
}

// ---- issue 10 part B: consultation sessions and emergency support ----

/** Installable form-submit trigger of the consultation-session sign-up form (設定 相談会フォーム). */
export function onSessionSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  if (isStrayTrigger(e)) return;
  sessionSubmit(e);
}

/**
 * 緊急支援を記録: a 緊急支援 row for each selected 申請 row (from the editor: a claim ID). Only for a
 * case that already has a claim; staff then set 用途, 金額 and 判定 in 緊急支援.
 */
export function recordEmergencySupport(claimId?: unknown): unknown {
  const r = recordEmergency(actorEmail(), typeof claimId === 'string' && claimId.trim() !== '' ? claimId : undefined);
  const lines = [
    r.created.length ? `緊急支援を記録しました: ${r.created.join('、')}\nシート「緊急支援」で用途・金額・判定を入力してください。` : '',
    ...r.refused.map((x) => `記録できません: ${x}`),
  ].filter(Boolean);
  okAlert('緊急支援を記録', lines.join('\n'));
  return r;
}
