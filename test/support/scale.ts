/**
 * Deployments at the office's real scale for the benchmark and the scale tests: thousands of
 * supporters and claims, the claim form holding the responses they came from, all recorded.
 */
import { formatId } from '../../src/domain/ids';
import { formatSeqId } from '../../src/app/register';
import type { ExecutionRecord } from '../runtime';
import { makeWorld, type World } from '../e2e/world';

const JST = (iso: string) => new Date(`${iso}+09:00`);

/** Writes rows into a sheet by header in one batch (set-up, not measured). */
export function seed(w: World, sheet: string, rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const s = w.sheet(sheet);
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const start = s.getLastRow() + 1;
  const need = start + rows.length + 600;
  if (need > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), need - s.getMaxRows());
  s.getRange(start, 1, rows.length, header.length).setValues(rows.map((r) => header.map((h) => r[h] ?? '')));
}

export const bn = (n: number) => formatId('BN', n + 100);
function supporters(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    伴走ネットID: bn(i),
    登録日時: JST('2024-01-10T10:00:00'),
    氏名: `支援者 ${i}`,
    メール: `s${i}@example.org`,
    電話番号: `'090${String(i).padStart(8, '0')}`,
    連絡言語: ['日本語', 'English', 'Tiếng Việt'][i % 3],
    支援経験: i % 2 === 0 ? 'はい' : 'いいえ',
    覚書受領日: JST('2023-08-01T00:00:00'),
    口座届受領日: JST('2023-08-01T00:00:00'),
    状態: '登録',
    回答ID: `reg-${i}`,
  }));
}
function accounts(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    伴走ネットID: bn(i),
    金融機関コード: "'0005",
    支店コード: "'001",
    預金種目: '普通',
    口座番号: `'${String(1000000 + i)}`,
    '口座名義（カナ）': 'ﾃｽﾄ ﾀﾛｳ',
  }));
}

/** The full claim form, every question answered (what a supporter really sends). */
export function fullClaim(id: string, email: string, date: string, caseId = ''): Record<string, string | string[]> {
  return {
    伴走ネットID: id,
    お名前: '伴走 太郎',
    メールアドレス: email,
    支援実施日: date,
    '支援時間（時間）': '2',
    '相談者ID（2回目以降）': caseId,
    この相談者についての申請は初めてですか: caseId ? 'いいえ' : 'はい',
    相談者の国籍: 'ベトナム',
    相談者の在留資格: '技能実習',
    相談者の年代: '20代',
    支援を行った都道府県: '東京都',
    課題の分野: ['労働', '医療'],
    支援の内容: ['同行', '通訳'],
    支援の概要: '労働基準監督署への相談に同行し、通訳した。',
    緊急支援が必要ですか: 'いいえ',
  };
}

/**
 * A deployment with `n` claims (one in ten 審査待ち, the rest 承認), 5,000 supporters with accounts,
 * and in the claim form the `n` responses those claims came from, all recorded in 回答記録.
 */
export function scaleWorld(n: number, now = '2024-05-29T10:00:00+09:00', S = 5000): World {
  const w = makeWorld({ now, mailQuota: 1500 });
  seed(w, '登録者', supporters(S));
  seed(w, '口座', accounts(S));
  const claimRows: Record<string, unknown>[] = [];
  const ledger: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    // each at its own second (08:00 plus i seconds on its day)
    const at = new Date(JST(`2024-05-${day}T08:00:00`).getTime() + i * 1000);
    w.rt.clock.set(at);
    const resp = w.rt.submit(w.claimForm, fullClaim(bn(i % S), `s${i % S}@example.org`, `2024-05-${day}`), { silent: true });
    const decision = i % 10 === 0 ? '審査待ち' : '承認';
    const claimId = `C-${String(i + 1).padStart(6, '0')}-0`;
    const caseId = formatId('R', i + 1);
    claimRows.push({
      申請ID: claimId,
      受付日時: at,
      伴走ネットID: bn(i % S),
      氏名: `支援者 ${i % S}`,
      支援日: JST(`2024-05-${day}T00:00:00`),
      支援時間: 2,
      相談者ID: caseId,
      金額: 8000,
      自動チェック: 'OK',
      判定: decision,
      記録済み判定: decision,
      プログラム: 'new-migrant-era-2023',
      支払予定月: '2024-06',
      メール: `s${i % S}@example.org`,
      回答ID: resp.getId(),
      回答日時: at,
    });
    ledger.push({ 回答ID: resp.getId(), フォーム: '申請', 回答日時: at, 処理日時: at, 結果: '申請', 対象: claimId, 相談者ID: caseId });
  }
  seed(w, '申請', claimRows);
  seed(w, '回答記録', ledger);
  // A deployment that has run reconcile before (the daily job): it has a high-water mark.
  w.rt.clock.set(new Date(now));
  w.call('reconcile');
  // The counters a running deployment keeps in script properties (IDs issued so far).
  const props = (w.rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
  props.setProperties({ 'seq.C': String(n), 'seq.R': String(n), 'seq.BN': String(S + 100) });
  w.rt.cost.enable();
  w.rt.mail.sent.length = 0;
  return w;
}


// ---- issue 7 item 4 (helper 12a): the program sheets' edit paths at scale ----

/** The session the program-sheet benchmarks edit: 定員 3, three places taken, three waiting. */
export const OPEN_SESSION = 'S-NOW';
/** Its sign-ups are the last rows of 相談会申込, interleaved with another open session's. */
export const OTHER_OPEN_SESSION = 'S-NEXT';

/**
 * A deployment with `n` rows in 相談会申込 and `n` in 緊急支援: past sessions (終了, 40 sign-ups each,
 * above), two open sessions whose sign-ups are the last 12 rows (S-NOW: 定員 3 with 参加可 ×3 then
 * キャンセル待ち ×3, interleaved with S-NEXT's), and grants of the active program (one in four
 * 承認 with 金額, the last one 審査待ち with 金額 30,000). 相談会 has one row per session. Settings as
 * a running office has them; the daily job has run once (as every day), then the cost model is on.
 * Returns the sheet rows (1-based) of S-NOW's first 参加可 and of the last grant.
 */
export function programWorld(n: number, opts: { budget?: string; forms?: boolean } = {}): { w: World; signupRow: number; grantRow: number; sessionRow: number } {
  // forms: the forms built by createForms, the sign-up form among them (its choices follow 相談会)
  const w = makeWorld({ now: '2024-06-01T10:00:00+09:00', mailQuota: 1500, createForms: opts.forms });
  const S = 300;
  seed(w, '登録者', supporters(S));
  w.setSetting('緊急支援予算上限', opts.budget ?? '1000000000');
  const old = Math.max(0, n - 12);
  const pastSessions = Math.ceil(old / 40);
  const sessions: Record<string, unknown>[] = [];
  for (let k = 0; k < pastSessions; k++) {
    sessions.push({ 相談会ID: `S-${String(k + 1).padStart(4, '0')}`, 日時: JST('2023-04-01T19:00:00'), 名称: `過去の相談会 ${k + 1}`, 定員: 40, 参加方法: 'Zoom', 状態: '終了' });
  }
  sessions.push({ 相談会ID: OPEN_SESSION, 日時: JST('2024-06-15T19:00:00'), 名称: '労働問題の相談会', 定員: 3, 参加方法: 'Zoom', 状態: '受付中' });
  sessions.push({ 相談会ID: OTHER_OPEN_SESSION, 日時: JST('2024-06-22T19:00:00'), 名称: '医療の相談会', 定員: 10, 参加方法: 'Zoom', 状態: '受付中' });
  seed(w, '相談会', sessions);
  const signups: Record<string, unknown>[] = [];
  const ledger: Record<string, unknown>[] = [];
  const signup = (k: number, session: string, decision: string, at: Date) => {
    const s = k % S;
    const id = formatSeqId('S', k + 1);
    signups.push({
      申込ID: id,
      受付日時: at,
      伴走ネットID: bn(s),
      氏名: `支援者 ${s}`,
      相談会ID: session,
      参加目的: '伴走者として参加',
      判定: decision,
      理由: '',
      メール: `s${s}@example.org`,
      言語: ['日本語', 'English', 'Tiếng Việt'][s % 3],
      回答ID: `signup-${k}`,
      回答日時: at,
      記録済み判定: decision,
    });
    ledger.push({ 回答ID: `signup-${k}`, フォーム: '相談会', 回答日時: at, 処理日時: at, 結果: '申込', 対象: id, 詳細: `判定: ${decision}` });
  };
  for (let k = 0; k < old; k++) signup(k, `S-${String(Math.floor(k / 40) + 1).padStart(4, '0')}`, '参加可', JST('2023-03-20T10:00:00'));
  const nowDecisions = ['参加可', '参加可', '参加可', 'キャンセル待ち', 'キャンセル待ち', 'キャンセル待ち'];
  for (let j = 0; j < 12; j++) {
    const at = new Date(JST('2024-05-20T10:00:00').getTime() + j * 60_000);
    signup(old + j, j % 2 === 0 ? OPEN_SESSION : OTHER_OPEN_SESSION, j % 2 === 0 ? nowDecisions[j / 2] : '参加可', at);
  }
  seed(w, '相談会申込', signups);
  seed(w, '回答記録', ledger);
  const grants: Record<string, unknown>[] = [];
  for (let k = 0; k < n; k++) {
    const last = k === n - 1;
    const approved = !last && k % 4 === 0;
    grants.push({
      緊急支援ID: formatSeqId('E', k + 1),
      記録日時: JST('2024-05-01T10:00:00'),
      伴走ネットID: bn(k % S),
      相談者ID: formatId('R', k + 1),
      用途: '家賃',
      金額: approved || last ? (last ? 30000 : 1000) : '',
      判定: approved ? '承認' : '審査待ち',
      審査メモ: '',
      支払ID: '',
      申請ID: `C-${String(k + 1).padStart(6, '0')}-0`,
      プログラム: 'new-migrant-era-2023',
      支払予定ID: '',
      記録者: 'staff@smj.example',
    });
  }
  seed(w, '緊急支援', grants);
  const props = (w.rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
  props.setProperties({ 'seq.S': String(n), 'seq.E': String(n), 'seq.BN': String(S + 100) });
  w.call('dailyMaintenance');
  w.rt.cost.enable();
  w.rt.mail.sent.length = 0;
  return { w, signupRow: old + 2, grantRow: n + 1, sessionRow: pastSessions + 2 };
}

/** The column of `header` in `sheet` (1-based), as staff see it. */
export function col(w: World, sheet: string, header: string): number {
  const s = w.sheet(sheet);
  const c = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String).indexOf(header) + 1;
  if (c < 1) throw new Error(`no column ${header} in ${sheet}`);
  return c;
}

/** staff@smj.example types `value` into the cell of `header` in row `row` (the edit trigger runs). */
export function edit(w: World, sheet: string, row: number, header: string, value: unknown): void {
  const s = w.sheet(sheet);
  w.rt.editCell(s, s.getRange(row, col(w, sheet, header)).getA1Notation(), value, { user: 'staff@smj.example' });
}

/** A script property as the script sees it. */
export const prop = (w: World, key: string) => (w.rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties().getProperty(key);

/** The one execution `fn` causes (a submit's or an edit's trigger), checked to have run without error. */
export function runOnce(w: World, fn: () => unknown): ExecutionRecord {
  const from = w.rt.executions.length;
  fn();
  const recs = w.rt.executions.slice(from);
  expect(recs).toHaveLength(1);
  expect(recs[0].error).toBeUndefined();
  return recs[0];
}

/** The same service calls, cells read and cells written: what costs the same at two sizes means. */
export function expectSameCost(large: ExecutionRecord, small: ExecutionRecord): void {
  expect([large.calls, large.cellsRead, large.cellsWritten]).toEqual([small.calls, small.cellsRead, small.cellsWritten]);
}
