/**
 * npm run bench: service calls and wall time of the built bundle on the local runtime, for growing
 * sheets. On Google every service call is a network round trip, so calls are the number to watch;
 * wall time here is the script's own work (the fakes answer instantly).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { formatId } from '../src/domain/ids';
import { makeWorld, type World } from '../test/e2e/world';

const JST = (iso: string) => new Date(`${iso}+09:00`);

interface Row {
  what: string;
  size: string;
  calls: number;
  getValues: number;
  setValues: number;
  ms: number;
}
const table: Row[] = [];

function measure(w: World, what: string, size: string, run: () => void): void {
  w.rt.calls.reset();
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  const by = w.rt.calls.byMethod();
  table.push({ what, size, calls: w.rt.calls.total(), getValues: by['Range.getValues'] ?? 0, setValues: by['Range.setValues'] ?? 0, ms });
}

/** Writes rows into a sheet by header in one batch (test set-up, not measured). */
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
/** Every other supporter has no experience and no course answers: their claims are NOT_ELIGIBLE when checked again. */
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
function claims(n: number, decision: string, supporterCount: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    申請ID: `C-${String(i + 1).padStart(6, '0')}-0`,
    受付日時: JST(`2024-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`),
    伴走ネットID: bn(i % supporterCount),
    氏名: `支援者 ${i % supporterCount}`,
    支援日: JST(`2024-05-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00`),
    支援時間: 2,
    相談者ID: formatId('R', i + 1),
    金額: 8000,
    自動チェック: 'OK',
    判定: decision,
    記録済み判定: decision,
    プログラム: 'new-migrant-era-2023',
    支払予定月: '2024-06',
    メール: `s${i % supporterCount}@example.org`,
    回答ID: `claim-${i}`,
    回答日時: JST(`2024-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`),
  }));
}

// 1. One registration with 10 and 5,000 supporters already registered.
for (const n of [10, 5000]) {
  const w = makeWorld({ now: '2024-05-20T10:00:00+09:00' });
  seed(w, '登録者', supporters(n));
  measure(w, 'registration submit', `${n} supporters`, () => w.register({ email: 'new@example.org' }));
}

// 2. One claim submit with 100, 10,000 and 50,000 claims in 申請.
for (const n of [100, 10_000, 50_000]) {
  const w = makeWorld({ now: '2024-05-29T10:00:00+09:00' });
  const id = w.supporter({ email: 'me@example.org' });
  seed(w, '登録者', supporters(2000));
  seed(w, '申請', claims(n, '承認', 2000));
  measure(w, 'claim submit', `${n.toLocaleString('en-US')} claims`, () => w.claim({ id, email: 'me@example.org', date: '2024-05-20' }));
}

// 3. Revalidate 10,000 pending claims (half of them become NOT_ELIGIBLE).
{
  const w = makeWorld({ now: '2024-05-29T10:00:00+09:00' });
  seed(w, '登録者', supporters(2000));
  seed(w, '申請', claims(10_000, '審査待ち', 2000));
  measure(w, 'revalidate pending', '10,000 pending', () => w.call('revalidatePending'));
}

// 4. Payout of 50,000 approved claims for 2,000 supporters, then closing the month.
{
  const w = makeWorld({ now: '2024-06-03T10:00:00+09:00' });
  seed(w, '登録者', supporters(2000));
  seed(w, '口座', accounts(2000));
  seed(w, '申請', claims(50_000, '承認', 2000));
  let result = { bytes: 0, paid: 0, held: 0, claims: 0 };
  measure(w, 'createPayout', '50,000 claims / 2,000 supporters', () => {
    result = w.call('createPayout', '2024-06') as typeof result;
  });
  const bytes = result.bytes;
  console.log(`payout: ${result.paid} supporters paid (${result.claims} claims), ${result.held} held`);
  measure(w, 'markPayoutPaid', '50,000 claims / 2,000 supporters', () => w.call('markPayoutPaid', '2024-06'));
  console.log(`transfer file: ${bytes.toLocaleString('en-US')} bytes`);
}

const bundle = readFileSync('build/Code.js');
console.log(`build/Code.js: ${bundle.length.toLocaleString('en-US')} bytes`);
console.log('');
console.log('| operation | sheet size | service calls | getValues | setValues | wall ms |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of table) console.log(`| ${r.what} | ${r.size} | ${r.calls} | ${r.getValues} | ${r.setValues} | ${r.ms.toFixed(0)} |`);
