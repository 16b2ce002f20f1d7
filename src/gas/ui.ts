/** The spreadsheet UI: menu, alerts, the month prompt and the payout confirmation dialog. */
import { yearMonthOf, tokyoDateOf } from '../domain/calendar';
import { payoutFigures } from '../domain/payout';
import { monthOrCurrent, previewPayout } from './entry';
import { takeHeldMailOwner } from './context';

/** The menu 伴走ネット (null is a separator). */
export const menuItems: ({ caption: string; fn: string } | null)[] = [
  { caption: '初期設定（シート・トリガー）', fn: 'setup' },
  { caption: 'フォームを作成', fn: 'createForms' },
  { caption: 'トリガーを引き継ぐ（このアカウントを所有者に）', fn: 'takeOverTriggers' },
  null,
  { caption: '未処理の回答を取り込む', fn: 'reconcile' },
  { caption: '審査待ちを再チェック', fn: 'revalidatePending' },
  { caption: '判定を入力（審査者を記録）', fn: 'openReviewSidebar' },
  null,
  { caption: '月次支払を作成', fn: 'createPayout' },
  { caption: '支払済にする', fn: 'markPayoutPaid' },
  { caption: '集計を作成', fn: 'createReport' },
  // issue 11: after the transfer
  { caption: '振込不能を記録', fn: 'recordReturnedTransfer' },
  { caption: '年間支払集計', fn: 'createAnnualStatement' },
  null,
  { caption: '緊急支援を記録（選択した申請）', fn: 'recordEmergencySupport' },
  // issue 10a: documents by post
  { caption: '書類送付リストを作成', fn: 'createMailingList' },
  { caption: '書類送付を確定（発送済み）', fn: 'confirmMailingList' },
  null,
  { caption: '新しい事業を設定', fn: 'defineProgram' },
  { caption: '毎日の処理を今すぐ実行', fn: 'dailyMaintenance' },
];

/** The UI when a person is looking (menu, editor); null in triggers. */
export function ui(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

export function okAlert(title: string, message: string): void {
  const owner = takeHeldMailOwner();
  const u = ui();
  if (!u) return;
  const held = owner ? `\n\nメールは事務局のアカウント（${owner}）から送るため、メール送信待ちに入れました。次にスプレッドシートが編集されたとき、または毎日の処理で送られます。` : '';
  try {
    u.alert(title, message + held, u.ButtonSet.OK);
  } catch {
    // Run from the script editor or a trigger: there is nobody to show it to.
  }
}

/** Asks for a month, defaulting to the current one; null when cancelled or unreadable. */
export function promptMonth(title: string): string | null {
  return promptWithDefault(title, '月', yearMonthOf(tokyoDateOf(new Date())), monthOrCurrent);
}

/** Asks for a value (月 / 年), an empty answer meaning `current`; null when cancelled or unreadable. */
function promptWithDefault<T>(title: string, what: string, current: T, parse: (text: string) => T | null): T | null {
  const u = ui();
  if (!u) return current;
  const answer = u.prompt(title, `対象の${what}を入力してください（例: ${current}）。空欄なら ${current} です。`, u.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== u.Button.OK) return null;
  const text = answer.getResponseText().trim();
  const value = text === '' ? current : parse(text);
  if (value === null) {
    u.alert(title, `「${text}」は${what}として読めません（例: ${current}）。`, u.ButtonSet.OK);
    return null;
  }
  return value;
}

/** Yen with commas, as staff read it: 42,000円. */
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * The confirmation dialog: the month, the honoraria (謝金) and the emergency grants (緊急支援) on lines
 * of their own, and the transfer total; its button calls confirmPayout(month).
 */
export function showPayoutDialog(month: string, actor: string): unknown {
  const p = previewPayout(month, actor);
  const u = ui();
  const plan = p.plan;
  const f = payoutFigures(plan);
  const summary = {
    month,
    closed: p.closed,
    payday: plan.payday,
    supporters: f.people,
    claims: f.claims,
    honoraria: f.gross,
    tax: f.tax,
    grants: f.grants,
    grantTotal: f.grantYen,
    total: f.net,
    held: f.held,
    heldClaims: f.heldClaims,
    fileError: p.fileError,
  };
  if (!u) return summary;
  if (p.closed) {
    u.alert('月次支払', `${month} の支払はすでに確定しています（支払済）。`, u.ButtonSet.OK);
    return summary;
  }
  const m = escapeHtml(month);
  // Compact, with the result right under the buttons, so it shows at the size the dialog opens
  // (issue 9); once built, 閉じる replaces 作成する / キャンセル (nothing is left to cancel).
  const html = `<!DOCTYPE html><html><head><style>
body{font-family:sans-serif;font-size:14px;margin:8px 12px}p{margin:6px 0}td{padding:1px 8px 1px 0}
#msg{margin-top:8px;line-height:1.4}.done{color:#137333}.error{color:#b3261e}
table{border-collapse:collapse}tr.total td{border-top:1px solid #999;font-weight:bold}
</style></head><body>
<p><b>${m}</b> の月次支払を作成します。</p>
<table>
<tr><td>支払日</td><td>${escapeHtml(plan.payday)}</td></tr>
<tr><td>謝金</td><td>${f.honorariaPeople}人・${f.claims}件・${yen(f.gross)}</td></tr>
${f.tax > 0 ? `<tr><td>源泉徴収</td><td>−${yen(f.tax)}</td></tr>` : ''}
<tr><td>緊急支援</td><td>${f.grants > 0 ? `${f.grantPeople}人・${f.grants}件・${yen(f.grantYen)}` : 'なし'}</td></tr>
<tr class="total"><td>振込合計</td><td>${f.people}人・${yen(f.net)}</td></tr>
<tr><td>保留</td><td>${f.held}人・${f.heldClaims}件${f.heldGrants > 0 ? `・緊急支援${f.heldGrants}件` : ''}（理由は支払シートに記載）</td></tr>
</table>
${p.fileError ? `<p class="error">${escapeHtml(p.fileError)}</p>` : ''}
<p>支払シート「支払 ${m}」と振込ファイルを作成します（支払済にするまでは何度でも作り直せます）。</p>
<div><button id="ok" onclick="build()">作成する</button> <button id="cancel" onclick="google.script.host.close()">キャンセル</button>
<button id="close" style="display:none" onclick="google.script.host.close()">閉じる</button></div>
<div id="msg"></div>
<script>
function yen(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',') + '円'; }
function show(text, links, cls) {
  var msg = document.getElementById('msg');
  msg.textContent = text;
  msg.className = cls || '';
  (links || []).forEach(function (l) {
    if (!l[1]) return;
    var a = document.createElement('a');
    a.href = l[1]; a.target = '_blank'; a.textContent = l[0];
    msg.appendChild(document.createElement('br'));
    msg.appendChild(a);
  });
  msg.scrollIntoView({ block: 'nearest' });
}
function build() {
  document.getElementById('ok').disabled = true;
  show('作成中…');
  google.script.run
    .withSuccessHandler(function (r) {
      document.getElementById('ok').style.display = 'none';
      document.getElementById('cancel').style.display = 'none';
      document.getElementById('close').style.display = '';
      show('作成しました: ' + r.paid + '人・' + r.claims + '件' + (r.grants ? '＋緊急支援' + r.grants + '件' : '') + '・' + yen(r.total) +
        (r.grants ? '（うち緊急支援 ' + yen(r.grantTotal) + '）' : '') + '（支払日 ' + r.payday + '）' + (r.fileError ? ' / ' + r.fileError : ''),
        [['振込ファイル', r.transferUrl], ['会計用CSV', r.csvUrl]], r.fileError ? 'error' : 'done');
    })
    .withFailureHandler(function (e) {
      document.getElementById('ok').disabled = false;
      show(e.message, [], 'error');
    })
    .confirmPayout('${m}');
}
</script>
</body></html>`;
  u.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(420).setHeight(360), `月次支払 ${month}`);
  return summary;
}

// ---- issue 11: prompts for 振込不能を記録 and 年間支払集計 ------------------------------------------

/** Asks for a line of text; null when cancelled, nobody is looking, or the answer is empty. */
export function promptText(title: string, question: string): string | null {
  const u = ui();
  if (!u) return null;
  const answer = u.prompt(title, question, u.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== u.Button.OK) return null;
  const text = answer.getResponseText().trim();
  return text === '' ? null : text;
}

/** A year: 2026, '2026', '２０２６年'; null when unreadable. */
export function parseYear(v: unknown): number | null {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.normalize('NFKC').trim().replace(/年$/, '') : '';
  return /^(19|20)\d\d$/.test(text) ? Number(text) : null;
}

/** Asks for a year, defaulting to the current one in Tokyo; null when cancelled or unreadable. */
export function promptYear(title: string): number | null {
  return promptWithDefault(title, '年', Number(tokyoDateOf(new Date()).slice(0, 4)), parseYear);
}
