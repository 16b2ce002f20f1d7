/**
 * npm run bench: the built bundle on the local runtime with its cost model on (test/runtime/index.ts
 * DEFAULT_COST: 60 ms per service call, 10 µs per cell read, 20 µs per cell written), at 1k, 10k and
 * 50k claims. Per operation: service calls, cells read and written, modelled seconds (and, for the
 * submits, the seconds under the script lock); then the month-end burst: 30 claims in the same
 * minute at 10k claims, and whether each was processed exactly once with one receipt.
 */
import { readFileSync } from 'node:fs';
import { formatId } from '../src/domain/ids';
import type { ExecutionRecord } from '../test/runtime';
import { makeWorld, type World } from '../test/e2e/world';

const JST = (iso: string) => new Date(`${iso}+09:00`);

interface Line {
  what: string;
  size: string;
  calls: number;
  read: number;
  written: number;
  seconds: number;
  lockSeconds: number | null;
  note: string;
}
const table: Line[] = [];

/** Runs `run` and sums the executions it caused (a submit or an edit fires its trigger). */
function measure(w: World, what: string, size: string, run: () => unknown, withLock = false): unknown {
  const from = w.rt.executions.length;
  let result: unknown;
  let note = '';
  try {
    result = run();
  } catch (e) {
    note = `error: ${String(e).slice(0, 80)}`;
  }
  const recs: ExecutionRecord[] = w.rt.executions.slice(from);
  const sum = (f: (r: ExecutionRecord) => number) => recs.reduce((n, r) => n + f(r), 0);
  if (!note && recs.some((r) => r.error)) note = `error: ${String(recs.find((r) => r.error)?.error).slice(0, 80)}`;
  let resumed = false;
  try {
    resumed = !!result && typeof result === 'object' && !!(result as { resumed?: boolean }).resumed;
  } catch {
    resumed = false; // a fake object (e.g. a FormResponse) has no such member
  }
  if (!note && resumed) note = 'stopped for time, resumes';
  table.push({
    what,
    size,
    calls: sum((r) => r.calls),
    read: sum((r) => r.cellsRead),
    written: sum((r) => r.cellsWritten),
    seconds: sum((r) => r.ms) / 1000,
    lockSeconds: withLock ? sum((r) => r.lockHeldMs) / 1000 : null,
    note,
  });
  return result;
}

/** Writes rows into a sheet by header in one batch (set-up, not measured). */
function seed(w: World, sheet: string, rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const s = w.sheet(sheet);
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const start = s.getLastRow() + 1;
  const need = start + rows.length + 600;
  if (need > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), need - s.getMaxRows());
  s.getRange(start, 1, rows.length, header.length).setValues(rows.map((r) => header.map((h) => r[h] ?? '')));
}

const bn = (n: number) => formatId('BN', n + 100);
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
function fullClaim(id: string, email: string, date: string, caseId = ''): Record<string, string | string[]> {
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
function world(n: number, now = '2024-05-29T10:00:00+09:00'): World {
  const w = makeWorld({ now, mailQuota: 1500 });
  const S = 5000;
  seed(w, '登録者', supporters(S));
  seed(w, '口座', accounts(S));
  const claimRows: Record<string, unknown>[] = [];
  const ledger: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const at = JST(`2024-05-${day}T${String(8 + Math.floor(i / 28) % 12).padStart(2, '0')}:00:00`);
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
  w.rt.clock.set(new Date(now));
  w.rt.cost.enable();
  w.rt.mail.sent.length = 0;
  return w;
}

const SIZES = [1000, 10_000, 50_000];
const fmt = (n: number) => n.toLocaleString('en-US');

for (const n of SIZES) {
  const w = world(n);
  const size = `${fmt(n)} claims`;
  measure(w, 'registration submit', size, () => w.register({ email: 'new@example.org' }), true);
  measure(w, 'claim submit (new case)', size, () => w.rt.submit(w.claimForm, fullClaim(bn(7), 's7@example.org', '2024-05-20'), { respondentEmail: 's7@example.org' }), true);
  measure(w, 'claim submit (2nd for a case)', size, () => w.rt.submit(w.claimForm, fullClaim(bn(7), 's7@example.org', '2024-05-21', formatId('R', 8)), { respondentEmail: 's7@example.org' }), true);
  const claims = w.sheet('申請');
  const header = claims.getRange(1, 1, 1, claims.getLastColumn()).getValues()[0].map(String);
  const decisionCol = header.indexOf('判定') + 1;
  // one 判定 typed on a pending claim in the middle of the sheet
  const row = 2 + Math.floor(n / 20) * 10;
  measure(w, 'onReviewEdit (one 判定)', size, () => w.rt.editCell(claims, claims.getRange(row, decisionCol).getA1Notation(), '承認', { user: 'reviewer@smj.example' }), true);
  measure(w, 'reconcile, nothing new', `${size} / ${fmt(n + 2)} responses`, () => w.call('reconcile'), true);
  if (n === 50_000) {
    w.at('2024-06-03T10:00:00+09:00');
    measure(w, 'revalidate pending', `${size} / 5,000 supporters`, () => w.call('revalidatePending'));
    const result = measure(w, 'createPayout', `${size} / 5,000 supporters`, () => w.call('createPayout', '2024-06')) as { paid?: number; claims?: number } | undefined;
    if (result) console.log(`payout: ${result.paid} supporters paid (${result.claims} claims)`);
    measure(w, 'markPayoutPaid', `${size} / 5,000 supporters`, () => w.call('markPayoutPaid', '2024-06'));
  }
  if (n === 10_000) {
    // issue 11: a paid month, a returned transfer of it, and the yearly totals over it.
    w.at('2024-06-03T10:00:00+09:00');
    measure(w, 'createPayout', `${size} / 5,000 supporters`, () => w.call('createPayout', '2024-06'));
    measure(w, 'markPayoutPaid', `${size} / 5,000 supporters`, () => w.call('markPayoutPaid', '2024-06'));
    const paidTo = String(w.rows('申請').find((r) => r.支払ID === 'P-2024-06')?.伴走ネットID ?? '');
    w.at('2024-06-12T10:00:00+09:00');
    measure(w, 'recordReturnedTransfer', `${size} / 5,000 supporters`, () => w.call('recordReturnedTransfer', '2024-06', paidTo, '名義相違'));
    measure(w, 'createAnnualStatement', `${size} / 5,000 supporters`, () => w.call('createAnnualStatement', 2024));
  }
}

// The month-end rush: 30 claims in the same minute at 10k claims, then the triggers for 10 minutes.
{
  const w = world(10_000);
  const start = new Date('2024-05-31T23:59:00+09:00');
  const jobs = Array.from({ length: 30 }, (_, k) => ({
    at: new Date(start.getTime() + k * 2000),
    run: () => {
      w.rt.submit(w.claimForm, fullClaim(bn(200 + k), `s${200 + k}@example.org`, '2024-05-30'), { respondentEmail: `s${200 + k}@example.org` });
    },
  }));
  const from = w.rt.executions.length;
  const out = w.rt.burst(jobs);
  const lost = out.filter((o) => o.records.some((r) => r.lockFailed) || o.error).length;
  for (let m = 1; m <= 10; m++) {
    w.rt.clock.set(new Date(start.getTime() + m * 60_000));
    try {
      w.rt.runTimeTriggers();
    } catch {
      // counted below from the sheet
    }
  }
  const ids = new Set(w.rt.executions.slice(from).map((r) => r.handler));
  const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
  const rows = w.rows('申請').filter((r) => isDate(r.回答日時) && r.回答日時.getTime() >= start.getTime());
  const byResponse = new Map<string, number>();
  for (const r of rows) byResponse.set(String(r.回答ID), (byResponse.get(String(r.回答ID)) ?? 0) + 1);
  const once = [...byResponse.values()].filter((c) => c === 1).length;
  const twice = [...byResponse.values()].filter((c) => c > 1).length;
  const receipts = new Map<string, number>();
  for (const m of w.rt.mail.sent) if (/^s2\d\d@example.org$/.test(m.to)) receipts.set(m.to, (receipts.get(m.to) ?? 0) + 1);
  const oneReceipt = [...receipts.values()].filter((c) => c === 1).length;
  const waits = out.flatMap((o) => o.records).filter((r) => r.lockHeldMs > 0 || r.lockFailed);
  const maxWait = Math.max(0, ...waits.map((r) => r.lockWaitMs)) / 1000;
  console.log(
    `burst of 30 claims in one minute at 10,000 claims: ${30 - lost} got the lock at submit (longest wait ${maxWait.toFixed(1)} s), ${lost} lost it; ` +
      `after 10 minutes of triggers (${[...ids].join(', ')}): ${once} processed exactly once, ${twice} more than once, ${30 - once - twice} not processed; ${oneReceipt} with exactly one receipt`,
  );
}

const bundle = readFileSync('build/Code.js');
console.log(`build/Code.js: ${bundle.length.toLocaleString('en-US')} bytes`);
console.log('');
console.log('| operation | size | service calls | cells read | cells written | modelled s | under lock s | note |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of table) {
  console.log(
    `| ${r.what} | ${r.size} | ${fmt(r.calls)} | ${fmt(r.read)} | ${fmt(r.written)} | ${r.seconds.toFixed(1)} | ${r.lockSeconds === null ? '' : r.lockSeconds.toFixed(1)} | ${r.note} |`,
  );
}
