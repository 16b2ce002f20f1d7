/**
 * `npm run demo`: one month of Bansou Net on the local fake Apps Script runtime, no Google account.
 *
 * The BUILT bundle (build/Code.js) runs exactly as it would on Google: forms are built by its own
 * createForms, registrations and claims arrive through form-submit triggers, staff decide in the 判定
 * column (edit trigger), the daily time trigger runs, and the office manager closes the month.
 * Everything is deterministic: a fixed clock and a seeded generator for the month's claims.
 *
 *   1. setup → createForms → 設定 filled in → setup (installs the triggers)      2024-04-22
 *   2. registrations (日本語 / English / Tiếng Việt), documents and bank accounts   04-22 … 04-30
 *   3. ~150 claims for support in May 2024, clean ones and every kind of problem  05-01 … 06-02
 *   4. staff review on working days; 差戻し answered by editing the response
 *   5. month end: createPayout('2024-06') on 06-03, markPayoutPaid('2024-06') on payday 06-10
 *   6. out/: sheets as CSV, mails, Drive files, the 全銀 file decoded
 *   7. a summary on stdout
 */
import type { PayoutResult } from '../src/gas/entry';
import { rowsOf, setSetting as setSettingOf, sheetOf } from '../test/support/sheets';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dammCheckDigit } from '../src/domain/damm';
import { createRuntime, type Runtime } from '../test/runtime';
import { loadBundle } from '../test/runtime/harness';
import { decodeZengin, isDate, jstDate, jstDateTime, writeDrive, writeMails, writeSheets } from './demo-out';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Form = GoogleAppsScript.Forms.Form;
type FormResponse = GoogleAppsScript.Forms.FormResponse;
type Answers = Record<string, string | string[]>;
type Lang = '日本語' | 'English' | 'Tiếng Việt';
type YesNo = 'はい' | 'いいえ';

const OUT = 'out';
const BUNDLE = 'build/Code.js';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** A time in Asia/Tokyo: jst('2024-05-01 09:30'). */
const jst = (s: string) => new Date(`${s.replace(' ', 'T')}:00+09:00`).getTime();
/** Tokyo midnight of a calendar date, as staff type dates into the sheet. */
const tokyoMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`);
/** Calendar date + n days. */
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** Golden Week 2024: 5/3–5/6 (5/6 is a substitute holiday); the office is closed. */
const HOLIDAYS = new Set(['2024-04-29', '2024-05-03', '2024-05-04', '2024-05-05', '2024-05-06']);
const isWorkingDay = (date: string) => weekday(date) !== 0 && weekday(date) !== 6 && !HOLIDAYS.has(date);

/** mulberry32: a small seeded generator, so the month's claims are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    weighted: <T>(xs: readonly T[], weight: (x: T) => number): T => {
      const total = xs.reduce((s, x) => s + weight(x), 0);
      let r = next() * total;
      for (const x of xs) {
        r -= weight(x);
        if (r < 0) return x;
      }
      return xs[xs.length - 1];
    },
  };
}
const rng = seeded(20240601);

// ─────────────────────────────────────────────────────────────────────────────
// The people
// ─────────────────────────────────────────────────────────────────────────────

interface Person {
  key: string;
  name: string;
  kana: string;
  email: string;
  phone: string;
  lang: Lang;
  experience: YesNo;
  prefecture: string;
  address: string;
  organization?: string;
  languages: string;
  roots: YesNo;
  /** 覚書受領日 = 口座届受領日 as staff record them; absent: the documents have not arrived. */
  docs?: string;
  /** 講座アンケート as staff record it. */
  courses?: string;
  /** The 口座 row; absent: the bank-account form has not been entered yet. */
  account?: { bank: string; branch: string; type: '普通' | '当座' | ''; number: string; holder: string; kigo?: string; bango?: string };
  /** How many claims this person tends to make (generator weight). */
  weight: number;
  /** Issued by the system at registration. */
  id: string;
}

const PEOPLE: Person[] = [
  {
    key: 'hanako', name: '山田 花子', kana: 'ヤマダ ハナコ', email: 'hanako.yamada@example.jp', phone: '090-3812-4471', lang: '日本語',
    experience: 'はい', prefecture: '東京都', address: '東京都台東区上野1-12-6 上野ハイツ203', organization: '上野外国人支援ネット', languages: '日本語, 英語', roots: 'いいえ',
    docs: '2024-04-25', courses: '基礎1, 基礎2, 基礎3, 基礎4, 基礎5', account: { bank: '0005', branch: '001', type: '普通', number: '1234567', holder: 'ﾔﾏﾀﾞ ﾊﾅｺ' }, weight: 5, id: '',
  },
  {
    key: 'an', name: 'Nguyễn Văn An', kana: 'グエン ヴァン アン', email: 'nguyen.van.an@example.vn', phone: '080-5521-0937', lang: 'Tiếng Việt',
    experience: 'はい', prefecture: '埼玉県', address: '埼玉県川口市芝5-3-12', organization: '在日ベトナム人協会', languages: 'ベトナム語, 日本語', roots: 'はい',
    docs: '2024-04-26', account: { bank: '0005', branch: '124', type: '普通', number: '0456123', holder: 'ｸﾞｴﾝ ｳﾞｱﾝ ｱﾝ' }, weight: 5, id: '',
  },
  {
    key: 'maria', name: 'Maria Santos', kana: 'マリア サントス', email: 'maria.santos@example.ph', phone: '070-2290-1183', lang: 'English',
    experience: 'はい', prefecture: '愛知県', address: '愛知県名古屋市中区栄3-1-1', organization: 'Filipino Migrants Center', languages: 'タガログ語, 英語, 日本語', roots: 'はい',
    docs: '2024-04-26', account: { bank: '0001', branch: '251', type: '普通', number: '7733102', holder: 'ｻﾝﾄｽ ﾏﾘｱ' }, weight: 4, id: '',
  },
  {
    key: 'bishnu', name: 'Bishnu Gurung', kana: 'ビシュヌ グルン', email: 'bishnu.gurung@example.np', phone: '080-7719-3302', lang: 'English',
    experience: 'いいえ', prefecture: '東京都', address: '東京都新宿区大久保2-8-4', languages: 'ネパール語, ヒンディー語, 英語', roots: 'はい',
    docs: '2024-04-27', courses: '基礎1、基礎2、基礎3、基礎4、基礎5', account: { bank: '', branch: '', type: '', number: '', holder: 'ｸﾞﾙﾝ ﾋﾞｼﾕﾇ', kigo: '10180', bango: '24680131' }, weight: 3, id: '',
  },
  {
    key: 'kenichi', name: '佐藤 健一', kana: 'サトウ ケンイチ', email: 'k.sato@example.jp', phone: '03-5802-6610', lang: '日本語',
    experience: 'はい', prefecture: '神奈川県', address: '神奈川県横浜市中区寿町1-4', organization: 'カラバオの会', languages: '日本語', roots: 'いいえ',
    // the holder was typed in kanji: the bank cannot take it, so the payout holds him
    docs: '2024-04-25', account: { bank: '0005', branch: '310', type: '普通', number: '5550123', holder: '佐藤 健一' }, weight: 3, id: '',
  },
  {
    key: 'mai', name: 'Trần Thị Mai', kana: 'チャン ティ マイ', email: 'tran.thi.mai@example.vn', phone: '090-6643-2081', lang: 'Tiếng Việt',
    // no experience and 基礎5 not yet answered: NOT_ELIGIBLE until she answers the questionnaire (2024-05-16);
    // then she is on the documents mailing (her documents are not in yet: her approved claims are held)
    experience: 'いいえ', prefecture: '大阪府', address: '５４４－００３４ 大阪府大阪市生野区桃谷3-2-9', languages: 'ベトナム語, 日本語', roots: 'はい',
    courses: '基礎1, 基礎2, 基礎3, 基礎4', account: { bank: '0005', branch: '412', type: '普通', number: '3141592', holder: 'ﾁﾔﾝ ﾃｲ ﾏｲ' }, weight: 2, id: '',
  },
  {
    key: 'ana', name: 'Ana Paula Oliveira', kana: 'アナ パウラ オリベイラ', email: 'ana.oliveira@example.br', phone: '080-4418-7720', lang: 'English',
    experience: 'はい', prefecture: '群馬県', address: '群馬県邑楽郡大泉町西小泉4-21-1', organization: 'Associação Brasileira de Oizumi', languages: 'ポルトガル語, スペイン語, 日本語', roots: 'はい',
    docs: '2024-04-27', account: { bank: '0005', branch: '520', type: '普通', number: '8080808', holder: 'ｵﾘﾍﾞｲﾗ ｱﾅ ﾊﾟｳﾗ' }, weight: 4, id: '',
  },
  {
    key: 'jieun', name: '金 志恩', kana: 'キム ジウン', email: 'jieun.kim@example.jp', phone: '06-6717-3340', lang: '日本語',
    experience: 'はい', prefecture: '大阪府', address: '大阪府大阪市生野区中川西1-7-3', organization: '生野多文化ネット', languages: '韓国語, 日本語', roots: 'はい',
    docs: '2024-04-25', account: { bank: '0005', branch: '412', type: '普通', number: '6020417', holder: 'ｷﾑ ｼﾞｳﾝ' }, weight: 3, id: '',
  },
  {
    key: 'jose', name: 'Jose Reyes', kana: 'ホセ レイエス', email: 'jose.reyes@example.ph', phone: '090-1187-5546', lang: 'English',
    // documents not received yet: approved claims are held
    experience: 'はい', prefecture: '千葉県', address: '〒260-0015 千葉県千葉市中央区富士見2-5-1', languages: 'タガログ語, 英語', roots: 'はい',
    account: { bank: '0005', branch: '088', type: '普通', number: '4407719', holder: 'ﾚｲｴｽ ﾎｾ' }, weight: 2, id: '',
  },
  {
    key: 'sunita', name: 'Sunita Rai', kana: 'スニタ ライ', email: 'sunita.rai@example.np', phone: '070-3356-9012', lang: 'English',
    // documents in, but the bank-account row has not been entered: held
    experience: 'はい', prefecture: '東京都', address: '東京都豊島区池袋本町3-9-2', languages: 'ネパール語, 英語, 日本語', roots: 'はい',
    docs: '2024-04-29', weight: 2, id: '',
  },
  {
    key: 'tuan', name: 'Phạm Minh Tuấn', kana: 'ファム ミン トゥアン', email: 'pham.minh.tuan@example.vn', phone: '080-9034-5561', lang: 'Tiếng Việt',
    experience: 'はい', prefecture: '愛知県', address: '愛知県豊田市保見ケ丘1-2-3', languages: 'ベトナム語, 日本語', roots: 'はい',
    docs: '2024-04-30', account: { bank: '0005', branch: '630', type: '普通', number: '9012345', holder: 'ﾌｱﾑ ﾐﾝ ﾄｳｱﾝ' }, weight: 3, id: '',
  },
];
const who = (key: string): Person => {
  const p = PEOPLE.find((x) => x.key === key);
  if (!p) throw new Error(`no person ${key}`);
  return p;
};

// ─────────────────────────────────────────────────────────────────────────────
// 1. The deployment: runtime, spreadsheet, bundle, setup, forms, 設定, setup again
// ─────────────────────────────────────────────────────────────────────────────

// SMJ on Google Workspace (smj.example): the edit trigger names reviewers of the same domain.
const rt: Runtime = createRuntime({ now: new Date(jst('2024-04-22 10:00')), activeUser: 'manager@smj.example', accountKind: 'workspace' });
const ss = rt.createSpreadsheet('伴走ネット 謝金管理', { bound: true });
loadBundle(rt, BUNDLE);
const call = (name: string, ...args: unknown[]) => rt.invoke(name, args);
const at = (ms: number) => rt.clock.set(new Date(ms));

const sheet = (name: string): Sheet => sheetOf(ss, name);
/** A sheet's rows as objects keyed by header. */
const rows = (name: string): Record<string, unknown>[] => rowsOf(ss, name);
/** Staff fill in a 設定 value (the 値 cell of the key's row). */
const setSetting = (key: string, value: string) => setSettingOf(ss, key, value);

call('setup');
call('createForms');
const OFFICE = 'office@smj.example';
for (const [k, v] of Object.entries({
  事務局メール: OFFICE,
  依頼人コード: '1234567890',
  依頼人名: 'ｲｼﾞﾕｳﾚﾝ',
  仕向銀行コード: '0009',
  仕向銀行名: 'ﾐﾂｲｽﾐﾄﾓ',
  仕向支店コード: '100',
  仕向支店名: 'ｳｴﾉ',
  口座番号: '7654321',
})) setSetting(k, v);
call('setup'); // installs the form-submit, edit and daily triggers

const FormApp = rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
const openForm = (key: string): Form => {
  const v = String(rows('設定').find((r) => r.キー === key)?.値 ?? '');
  return v.startsWith('http') ? FormApp.openByUrl(v) : FormApp.openById(v);
};
const regForm = openForm('登録フォーム');
const claimForm = openForm('申請フォーム');
const courseForm = openForm('講座アンケートフォーム');

// ─────────────────────────────────────────────────────────────────────────────
// The clock: actions happen in time order; the daily trigger fires at 06:00 as time passes
// ─────────────────────────────────────────────────────────────────────────────

interface Action {
  at: number;
  seq: number;
  run: () => void;
}
const queue: Action[] = [];
let actionSeq = 0;
const schedule = (when: number, run: () => void) => queue.push({ at: when, seq: actionSeq++, run });
/** Runs every queued action up to `until` in time order (actions may schedule more). */
function runUntil(until: number) {
  for (;;) {
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = queue[0];
    if (!next || next.at > until) break;
    queue.shift();
    at(next.at);
    next.run();
  }
  at(until);
  rt.runTimeTriggers();
}
const dailyRuns: string[] = [];
for (let d = '2024-04-23'; d <= '2024-06-10'; d = addDays(d, 1)) {
  const day = d;
  schedule(jst(`${day} 06:00`), () => {
    const fired = rt.runTimeTriggers();
    if (fired.length > 0) dailyRuns.push(day);
  });
}

// ─────────────────────────────────────────────────────────────────────────────
// 2. Registrations (04-22 … 04-26), then staff record documents and accounts (04-30)
// ─────────────────────────────────────────────────────────────────────────────

function registrationAnswers(p: Person, overrides: Partial<Record<string, string>> = {}): Answers {
  const a: Answers = {
    お名前: p.name,
    フリガナ: p.kana,
    メールアドレス: p.email,
    電話番号: p.phone,
    '住所（覚書の郵送先）': p.address,
    都道府県: p.prefecture,
    対応できる言語: p.languages,
    外国にルーツがありますか: p.roots,
    伴走支援の経験がありますか: p.experience,
    希望すること: p.experience === 'はい' ? ['伴走支援を行いたい'] : ['伴走支援を行いたい', '講座を受講したい'],
    連絡に使う言語: p.lang,
    個人情報の取扱いに同意します: ['同意します'],
  };
  if (p.organization) a.所属団体 = p.organization;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) a[k] = v;
  return a;
}

const registrationLog: { when: string; who: string; what: string }[] = [];
/** What the system recorded for the latest form response (回答記録: 結果 and 対象). */
const lastOutcome = () => {
  const r = rows('回答記録');
  const last = r[r.length - 1];
  return `${last.結果}${last.対象 ? ` ${last.対象}` : ''}`;
};
PEOPLE.forEach((p, i) => {
  const when = jst('2024-04-22 11:00') + Math.floor(i / 3) * DAY + (i % 3) * 2.5 * HOUR + rng.int(0, 50) * 60000;
  schedule(when, () => {
    rt.submit(regForm, registrationAnswers(p));
    const row = rows('登録者').find((r) => r.メール === p.email);
    if (!row) throw new Error(`${p.name} was not registered`);
    p.id = String(row.伴走ネットID);
    registrationLog.push({ when: jstDateTime(rt.clock.now()), who: p.name, what: `新規登録 ${p.id}` });
  });
});
// The same person again with the same email (different case): the existing ID is resent.
schedule(jst('2024-04-25 21:40'), () => {
  rt.submit(regForm, registrationAnswers(who('maria'), { メールアドレス: 'Maria.Santos@Example.PH', 連絡に使う言語: 'English' }));
  registrationLog.push({ when: jstDateTime(rt.clock.now()), who: 'Maria Santos', what: `同じメールで再登録 → ${lastOutcome()}（IDを再送）` });
});
// The same name + phone with a new address (phone typed differently): the existing ID is resent.
schedule(jst('2024-04-26 08:15'), () => {
  rt.submit(regForm, registrationAnswers(who('an'), { メールアドレス: 'an.nguyen.work@example.jp', 電話番号: '08055210937' }));
  registrationLog.push({ when: jstDateTime(rt.clock.now()), who: 'Nguyễn Văn An', what: `新しいメール、氏名＋電話が一致 → ${lastOutcome()}（IDは登録済みのアドレスに再送し、新しいアドレスは事務局に通知）` });
});
// Broken: the form's email check accepts 'gmail..com', but no mail can reach it. The office follows up.
schedule(jst('2024-04-26 13:05'), () => {
  const nam: Person = { ...who('tuan'), key: 'nam', name: 'Lê Hoàng Nam', kana: 'レ ホアン ナム', email: 'le.hoang.nam@gmail..com', phone: '090-2231-8874', prefecture: '静岡県', address: '静岡県浜松市中区砂山町1-1', organization: undefined };
  rt.submit(regForm, registrationAnswers(nam));
  registrationLog.push({ when: jstDateTime(rt.clock.now()), who: 'Lê Hoàng Nam', what: `メール「le.hoang.nam@gmail..com」→ ${lastOutcome()}（ID未発行、事務局に通知）` });
});

/** Staff record the documents received by post and the course answers (登録者), and enter the bank-account forms (口座). */
function staffRecordsDocuments() {
  const s = sheet('登録者');
  const values = s.getDataRange().getValues();
  const h = values[0].map(String);
  for (const p of PEOPLE) {
    const r = values.findIndex((x) => x[0] === p.id) + 1;
    if (r < 2) throw new Error(`no 登録者 row for ${p.name}`);
    if (p.docs) {
      s.getRange(r, h.indexOf('覚書受領日') + 1).setValue(tokyoMidnight(p.docs));
      s.getRange(r, h.indexOf('口座届受領日') + 1).setValue(tokyoMidnight(addDays(p.docs, 1)));
    }
    if (p.courses) s.getRange(r, h.indexOf('講座アンケート') + 1).setValue(p.courses);
  }
  const accounts = sheet('口座');
  for (const p of PEOPLE) {
    if (!p.account) continue;
    const a = p.account;
    // ゆうちょ: Bishnu's form gives the passbook's 記号・番号 (columns 記号, 番号); the payout converts them.
    accounts.appendRow([p.id, a.bank, a.branch, a.type, a.number, a.holder, a.kigo ?? '', a.bango ?? '']);
  }
}
schedule(jst('2024-04-30 14:00'), staffRecordsDocuments);
runUntil(jst('2024-04-30 23:59'));

// ─────────────────────────────────────────────────────────────────────────────
// 3. Claims: recipients, the seeded month of clean claims, and the problem stories
// ─────────────────────────────────────────────────────────────────────────────

interface Recipient {
  key: string;
  nationality: string;
  status: string;
  age: string;
  prefecture: string;
  issue: string;
  /** Issued by the system on the first claim; quoted on later claims. */
  caseId?: string;
  events: number;
  lastDate: string;
  /** When the case ID is known to its supporter (the first claim's submit time). */
  knownFrom: number;
  owner: Person;
  story: boolean;
}

const NATIONALITY = ['ベトナム', 'ベトナム', 'フィリピン', 'フィリピン', 'ネパール', 'ブラジル', '中国', 'インドネシア', 'ミャンマー', 'スリランカ', 'ペルー', 'バングラデシュ', 'トルコ', 'カメルーン'];
const STATUS = ['技能実習', '特定技能', '留学', '家族滞在', '永住者', '定住者', '仮放免', '難民認定申請中', '技術・人文知識・国際業務', '日本人の配偶者等'];
const AGES = ['10代以下', '20代', '20代', '30代', '30代', '40代', '50代', '60代', '70代以上'];
const ISSUES: Record<string, { activities: string[]; summaries: string[] }> = {
  労働: { activities: ['同行', '通訳', '交渉'], summaries: ['未払い賃金について労働基準監督署に同行し、申告を手伝った。', '会社との話し合いで通訳し、解雇の撤回を求めた。'] },
  医療: { activities: ['同行', '通訳'], summaries: ['病院の受診に同行し、医師の説明を通訳した。', '出産の費用について病院の医療ソーシャルワーカーと相談した。'] },
  '福祉・生活保護': { activities: ['同行', '書類作成'], summaries: ['区役所の福祉窓口に同行し、申請書の記入を支援した。', '生活保護の申請に同行した。'] },
  在留資格: { activities: ['同行', '書類作成', '相談'], summaries: ['入管での在留期間更新の手続きに同行した。', '在留資格変更の必要書類を一緒に確認した。'] },
  住まい: { activities: ['通訳', '交渉'], summaries: ['不動産会社との契約更新の話し合いを通訳した。', '退去を求められた件で家主と交渉した。'] },
  教育: { activities: ['同行', '通訳'], summaries: ['子どもの就学手続きのため教育委員会に同行した。', '学校の面談で通訳した。'] },
  家族: { activities: ['相談', '書類作成'], summaries: ['家族の呼び寄せについて相談を受け、必要書類を整理した。'] },
  DV: { activities: ['同行', '相談'], summaries: ['配偶者暴力相談支援センターへの相談に同行した。'] },
};
const ISSUE_NAMES = Object.keys(ISSUES);
const ISSUE_WEIGHT: Record<string, number> = { 労働: 5, 医療: 4, '福祉・生活保護': 3, 在留資格: 4, 住まい: 2, 教育: 2, 家族: 1, DV: 1 };
/** Hours as supporters type them (the product must read all of these). */
const HOURS = ['2', '2', '2', '1.5', '1:30', '3', '2時間', '1時間半', '９０分', '2.5', '4', '3時間30分', '1', '２', '2:15'];

let recipientSeq = 0;
function newRecipient(owner: Person, story = false): Recipient {
  recipientSeq++;
  const issue = rng.weighted(ISSUE_NAMES, (x) => ISSUE_WEIGHT[x]);
  return {
    key: `r${recipientSeq}`,
    nationality: rng.pick(NATIONALITY),
    status: rng.pick(STATUS),
    age: rng.pick(AGES),
    prefecture: owner.prefecture,
    issue,
    events: 0,
    lastDate: '',
    knownFrom: Number.POSITIVE_INFINITY,
    owner,
    story,
  };
}

interface PlannedClaim {
  label: string;
  at: number;
  person: Person;
  date: string;
  hours: string;
  recipient: Recipient;
  co?: Person;
  /** Changes to what is typed (problem stories). */
  typed?: Partial<{ id: string; email: string; caseId: string; first: YesNo; coId: string }>;
  /** When staff send it back: what the supporter changes, and how long they take. */
  fix?: { afterHours: number; answers: () => Answers };
  /** Filled when submitted. */
  response?: FormResponse;
  claimId?: string;
}
const planned: PlannedClaim[] = [];

/** The answers a supporter types for a planned claim, at the moment of submitting. */
function claimAnswers(c: PlannedClaim): Answers {
  const r = c.recipient;
  const t = c.typed ?? {};
  const caseId = t.caseId ?? r.caseId ?? '';
  const issue = ISSUES[r.issue];
  const a: Answers = {
    伴走ネットID: t.id ?? c.person.id,
    お名前: c.person.name,
    メールアドレス: t.email ?? c.person.email,
    支援実施日: c.date,
    '支援時間（時間）': c.hours,
    この相談者についての申請は初めてですか: t.first ?? (caseId ? 'いいえ' : 'はい'),
    相談者の国籍: r.nationality,
    相談者の在留資格: r.status,
    相談者の年代: r.age,
    支援を行った都道府県: r.prefecture,
    課題の分野: [r.issue],
    支援の内容: issue.activities,
    支援の概要: issue.summaries[(r.events + c.date.charCodeAt(9)) % issue.summaries.length],
    緊急支援が必要ですか: r.issue === 'DV' ? 'はい' : 'いいえ',
  };
  if (caseId) a['相談者ID（2回目以降）'] = caseId;
  const coId = t.coId ?? c.co?.id;
  if (coId) a.一緒に伴走した方の伴走ネットID = coId;
  return a;
}

/** Finds a claim's row in 申請 by the form response ID. */
function claimRow(response: FormResponse): Record<string, unknown> {
  const row = rows('申請').find((r) => r.回答ID === response.getId());
  if (!row) throw new Error(`no 申請 row for response ${response.getId()}`);
  return row;
}

const codesAtSubmit = new Map<string, number>();
const codesOf = (check: unknown) => (String(check) === 'OK' ? [] : String(check).split('\n').map((l) => l.split(':')[0].trim()));

function submitClaim(c: PlannedClaim) {
  c.response = rt.submit(claimForm, claimAnswers(c));
  const row = claimRow(c.response);
  c.claimId = String(row.申請ID);
  // The receipt (and the sheet) tell the supporter the case ID to quote next time.
  const issued = String(row.相談者ID);
  if (!c.recipient.caseId && /^R-/.test(issued) && !c.typed?.caseId) c.recipient.caseId = issued;
  for (const code of codesOf(row.自動チェック)) codesAtSubmit.set(code, (codesAtSubmit.get(code) ?? 0) + 1);
}

/** Submit time: the evening of the support day or a few days later, between 08:00 and 23:00. */
function submitTimeFor(date: string): number {
  const delay = rng.pick([0, 1, 1, 1, 2, 2, 3, 4, 6]);
  const minutes = delay === 0 ? rng.int(19 * 60, 23 * 60) : rng.int(8 * 60, 23 * 60);
  return jst(`${addDays(date, delay)} 00:00`) + minutes * 60000;
}

// ── 3a. The seeded month: mostly clean claims, some with a co-supporter ──────

const active = PEOPLE;
const openCases = new Map<string, Recipient[]>();
for (let date = '2024-05-01'; date <= '2024-05-29'; date = addDays(date, 1)) {
  const n = isWorkingDay(date) ? rng.int(3, 6) : rng.int(1, 3);
  const busyToday = new Set<string>();
  for (let k = 0; k < n; k++) {
    const free = active.filter((x) => !busyToday.has(x.key));
    if (free.length === 0) break;
    const p = rng.weighted(free, (x) => x.weight);
    busyToday.add(p.key);
    const mine = (openCases.get(p.key) ?? []).filter((r) => r.events < 3 && r.lastDate < date && r.knownFrom < jst(`${date} 00:00`));
    const followUp = mine.length > 0 && rng.next() < 0.5;
    const recipient = followUp ? rng.pick(mine) : newRecipient(p);
    if (!followUp) openCases.set(p.key, [...(openCases.get(p.key) ?? []), recipient]);
    const when = submitTimeFor(date);
    if (!followUp) recipient.knownFrom = when;
    recipient.events++;
    recipient.lastDate = date;
    const hours = rng.pick(HOURS);
    const partners = active.filter((x) => x !== p && !busyToday.has(x.key));
    const partner = rng.next() < 0.12 && partners.length > 0 ? rng.weighted(partners, (x) => x.weight) : undefined;
    planned.push({ label: 'clean', at: when, person: p, date, hours, recipient, co: partner });
    if (partner) {
      busyToday.add(partner.key);
      // the co-supporter claims the same event with the case ID and the first supporter's ID
      const later = Math.max(when, recipient.knownFrom) + rng.int(2, 30) * HOUR;
      planned.push({ label: 'co-supporter', at: later, person: partner, date, hours, recipient, co: p });
    }
  }
}

// ── 3b. Problem stories: each reason code a few times, with what staff and supporters then do ──

const story = (s: Omit<PlannedClaim, 'recipient'> & { recipient?: Recipient }): PlannedClaim => {
  const c: PlannedClaim = { ...s, recipient: s.recipient ?? newRecipient(s.person, true) };
  planned.push(c);
  return c;
};
const wrongDigit = (id: string) => `${id.slice(0, -1)}${(Number(id.slice(-1)) + 1) % 10}`;
const unknownId = (seq: number) => `BN-${String(seq).padStart(5, '0')}-${dammCheckDigit(String(seq).padStart(5, '0'))}`;

// ID_FORMAT: a mistyped check digit (rejected; she claims again with the right ID)
const anaCase = newRecipient(who('ana'), true);
story({ label: 'ID_FORMAT', at: jst('2024-05-09 20:10'), person: who('ana'), date: '2024-05-08', hours: '2', recipient: anaCase, typed: { id: 'pending' } });
story({ label: 'resubmitted', at: jst('2024-05-13 19:30'), person: who('ana'), date: '2024-05-08', hours: '2', recipient: anaCase });
story({ label: 'ID_FORMAT', at: jst('2024-05-21 22:45'), person: who('tuan'), date: '2024-05-20', hours: '1.5', typed: { id: 'pending' } });
// The ID typed in full-width with a full-width hyphen is read correctly (clean).
story({ label: 'full-width ID', at: jst('2024-05-16 12:00'), person: who('tuan'), date: '2024-05-15', hours: '３', typed: { id: 'pending-fullwidth' } });
// ID_UNKNOWN: well-formed IDs nobody holds (Nam, whose registration failed, uses one he guessed)
story({ label: 'ID_UNKNOWN', at: jst('2024-05-10 21:00'), person: { ...who('tuan'), name: 'Lê Hoàng Nam', email: 'le.hoang.nam@gmail.com' }, date: '2024-05-08', hours: '2', typed: { id: unknownId(31) } });
story({ label: 'ID_UNKNOWN', at: jst('2024-05-24 09:12'), person: { ...who('hanako'), name: '山田 はなこ', email: 'hanako.y@example.com' }, date: '2024-05-22', hours: '2', typed: { id: unknownId(12) } });
// TOO_SHORT
story({ label: 'TOO_SHORT', at: jst('2024-05-07 18:30'), person: who('hanako'), date: '2024-05-07', hours: '45分' });
story({ label: 'TOO_SHORT', at: jst('2024-05-22 20:00'), person: who('jieun'), date: '2024-05-21', hours: '0.5' });
// HOURS_INVALID → 差戻し → the supporter edits the response → approved
story({ label: 'HOURS_INVALID', at: jst('2024-05-10 22:30'), person: who('bishnu'), date: '2024-05-09', hours: 'たくさん', fix: { afterHours: 30, answers: () => ({ '支援時間（時間）': '2時間' }) } });
story({ label: 'HOURS_INVALID', at: jst('2024-05-17 08:40'), person: who('maria'), date: '2024-05-16', hours: 'half day', fix: { afterHours: 52, answers: () => ({ '支援時間（時間）': '3.5' }) } });
// LATE: claimed after the same date next month
story({ label: 'LATE', at: jst('2024-05-14 10:00'), person: who('kenichi'), date: '2024-04-12', hours: '2' });
story({ label: 'LATE', at: jst('2024-05-27 23:10'), person: who('tuan'), date: '2024-04-25', hours: '3' });
// EMAIL_MISMATCH: a work address instead of the registered one (staff check and approve)
story({ label: 'EMAIL_MISMATCH', at: jst('2024-05-15 12:20'), person: who('jieun'), date: '2024-05-14', hours: '2', typed: { email: 'j.kim@ikuno-tabunka.example.org' } });
story({ label: 'EMAIL_MISMATCH', at: jst('2024-05-23 07:55'), person: who('an'), date: '2024-05-22', hours: '1.5', typed: { email: 'an.nguyen.work@example.jp' } });
// CASE_ID_MISSING: a second claim for a recipient without the case ID. One is answered, one is not.
const hanakoCase = newRecipient(who('hanako'), true);
story({ label: 'first visit', at: jst('2024-05-02 21:00'), person: who('hanako'), date: '2024-05-02', hours: '2', recipient: hanakoCase });
story({
  label: 'CASE_ID_MISSING', at: jst('2024-05-13 20:30'), person: who('hanako'), date: '2024-05-11', hours: '3', recipient: hanakoCase, typed: { caseId: '', first: 'いいえ' },
  fix: { afterHours: 20, answers: () => ({ '相談者ID（2回目以降）': hanakoCase.caseId ?? '' }) },
});
const mariaCase = newRecipient(who('maria'), true);
story({ label: 'first visit', at: jst('2024-05-06 19:00'), person: who('maria'), date: '2024-05-06', hours: '2', recipient: mariaCase });
story({ label: 'CASE_ID_MISSING (no answer)', at: jst('2024-05-14 21:30'), person: who('maria'), date: '2024-05-13', hours: '2', recipient: mariaCase, typed: { caseId: '', first: 'いいえ' } });
// CASE_ID_UNKNOWN: a typo in the case ID → 差戻し → corrected
const tuanCase = newRecipient(who('tuan'), true);
story({ label: 'first visit', at: jst('2024-05-08 19:40'), person: who('tuan'), date: '2024-05-07', hours: '2', recipient: tuanCase });
story({
  label: 'CASE_ID_UNKNOWN', at: jst('2024-05-20 20:00'), person: who('tuan'), date: '2024-05-18', hours: '2', recipient: tuanCase, typed: { caseId: 'R-00099-0' },
  fix: { afterHours: 26, answers: () => ({ '相談者ID（2回目以降）': tuanCase.caseId ?? '' }) },
});
// RECIPIENT_LIMIT: a 4th support event for the same recipient
const anCase = newRecipient(who('an'), true);
for (const [date, sent] of [['2024-05-02', '2024-05-02 22:00'], ['2024-05-09', '2024-05-10 08:30'], ['2024-05-16', '2024-05-16 21:15'], ['2024-05-23', '2024-05-24 19:00']]) {
  story({ label: date === '2024-05-23' ? 'RECIPIENT_LIMIT' : 'same recipient', at: jst(sent), person: who('an'), date, hours: '2', recipient: anCase });
}
// EVENT_LIMIT: two supporters on one event, then a third claims it too; plus a co-supporter ID with a typo
const eventCase = newRecipient(who('hanako'), true);
story({ label: 'co-supporter', at: jst('2024-05-14 21:00'), person: who('hanako'), date: '2024-05-14', hours: '3', recipient: eventCase, co: who('bishnu') });
story({ label: 'co-supporter', at: jst('2024-05-15 20:00'), person: who('bishnu'), date: '2024-05-14', hours: '3', recipient: eventCase, co: who('hanako') });
story({ label: 'EVENT_LIMIT', at: jst('2024-05-17 11:30'), person: who('sunita'), date: '2024-05-14', hours: '3', recipient: eventCase, co: who('hanako') });
story({ label: 'CO_SUPPORTER_UNKNOWN', at: jst('2024-05-28 21:00'), person: who('jose'), date: '2024-05-27', hours: '2', typed: { coId: 'pending' } });
// DUPLICATE: the same supporter sends the same event again, quoting the case ID
const anaDup = newRecipient(who('ana'), true);
story({ label: 'first visit', at: jst('2024-05-11 19:00'), person: who('ana'), date: '2024-05-11', hours: '2.5', recipient: anaDup });
story({ label: 'DUPLICATE', at: jst('2024-05-15 22:10'), person: who('ana'), date: '2024-05-11', hours: '2.5', recipient: anaDup });
const jieunDup = newRecipient(who('jieun'), true);
story({ label: 'first visit', at: jst('2024-05-20 20:00'), person: who('jieun'), date: '2024-05-20', hours: '2', recipient: jieunDup });
story({ label: 'DUPLICATE', at: jst('2024-05-21 07:30'), person: who('jieun'), date: '2024-05-20', hours: '2', recipient: jieunDup });
// NOT_ELIGIBLE: Mai has not answered 基礎5 yet (required for support after 2024-03-31); re-checked when she does (05-16)
story({ label: 'NOT_ELIGIBLE', at: jst('2024-05-10 20:30'), person: who('mai'), date: '2024-05-09', hours: '2' });
story({ label: 'NOT_ELIGIBLE', at: jst('2024-05-15 21:10'), person: who('mai'), date: '2024-05-15', hours: '1時間半' });
// FUTURE_DATE: claimed before the appointment (rejected; claimed again afterwards)
const sunitaCase = newRecipient(who('sunita'), true);
story({ label: 'FUTURE_DATE', at: jst('2024-05-20 10:00'), person: who('sunita'), date: '2024-05-22', hours: '2', recipient: sunitaCase });
story({ label: 'resubmitted', at: jst('2024-05-23 09:00'), person: who('sunita'), date: '2024-05-22', hours: '2', recipient: sunitaCase, typed: { caseId: '', first: 'はい' } });

// IDs are known only once registration ran: resolve the 'pending' typed IDs now.
for (const c of planned) {
  if (c.typed?.id === 'pending') c.typed.id = wrongDigit(c.person.id);
  if (c.typed?.id === 'pending-fullwidth') c.typed.id = c.person.id.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/-/g, '－');
  if (c.typed?.coId === 'pending') c.typed.coId = wrongDigit(who('kenichi').id);
}
for (const c of planned) schedule(c.at, () => submitClaim(c));

// ─────────────────────────────────────────────────────────────────────────────
// 4. Staff review on working days at 17:30; supporters answer 差戻し by editing their response
// ─────────────────────────────────────────────────────────────────────────────

const REVIEWERS = ['tanaka@smj.example', 'suzuki@smj.example'];
/** What staff decide from the automatic check (the system proposes, staff decide). */
function decide(codes: string[]): { decision: string; memo: string } | null {
  const has = (c: string) => codes.includes(c);
  if (codes.length === 0) return { decision: '承認', memo: '' };
  if (has('NOT_ELIGIBLE')) return null; // waiting for the course questionnaire
  if (has('ID_UNKNOWN')) return { decision: '却下', memo: '登録されていないIDです。事務局から連絡します。' };
  if (has('ID_FORMAT')) return { decision: '却下', memo: 'IDの確認数字が違います。正しいIDで申請しなおしてください。' };
  if (has('LATE')) return { decision: '却下', memo: '申請期限（翌月の同日）を過ぎています。' };
  if (has('TOO_SHORT')) return { decision: '却下', memo: '1時間未満のため謝金の対象外です。' };
  if (has('DUPLICATE')) return { decision: '却下', memo: '同じ支援の重複申請のため。' };
  if (has('EVENT_LIMIT')) return { decision: '却下', memo: '1回の支援で申請できるのは2人までです。' };
  if (has('RECIPIENT_LIMIT')) return { decision: '却下', memo: '同じ相談者への支援の申請は3回までです。' };
  if (has('FUTURE_DATE')) return { decision: '却下', memo: '支援を行った後に申請してください。' };
  if (has('HOURS_INVALID')) return { decision: '差戻し', memo: '支援時間を数字で入力してください（例: 2 または 1:30）。' };
  if (has('CASE_ID_MISSING')) return { decision: '差戻し', memo: '2回目以降の支援です。前回の受付メールにある相談者ID（R-…）を入力してください。' };
  if (has('CASE_ID_UNKNOWN')) return { decision: '差戻し', memo: '相談者IDが見つかりません。前回の受付メールのIDを確認してください。' };
  if (codes.every((c) => c === 'EMAIL_MISMATCH' || c === 'CO_SUPPORTER_UNKNOWN')) {
    return { decision: '承認', memo: has('EMAIL_MISMATCH') ? '登録と別のアドレス。本人に電話で確認済み。' : '同行者IDの誤記。事務局で確認済み。' };
  }
  return { decision: '却下', memo: `自動チェック: ${codes.join(', ')}` };
}

const decisions = { approved: 0, rejected: 0, needsInfo: 0, expiredRejected: 0 };
/** issue 9: the review loop and the program lifecycle, step by step (out/review-and-programs.txt). */
const lifecycleLog: string[] = [];
function review(day: string, reviewer: string) {
  const s = sheet('申請');
  const values = s.getDataRange().getValues();
  const h = values[0].map(String);
  const col = (name: string) => {
    const i = h.indexOf(name);
    if (i < 0) throw new Error(`申請 has no column ${name}`);
    return i + 1;
  };
  const cell = (r: number, name: string) => s.getRange(r, col(name)).getA1Notation();
  values.slice(1).forEach((v, i) => {
    const r = i + 2;
    const decision = String(v[col('判定') - 1]);
    if (decision === '差戻し') {
      // past the one-week deadline without an answer: the office reported it; staff reject
      const deadline = v[col('差戻し期限') - 1];
      if (isDate(deadline) && jstDate(deadline) < day) {
        rt.editCell(s, cell(r, '審査メモ'), `${v[col('審査メモ') - 1]}（期限までに回答がなかったため却下）`, { user: reviewer });
        rt.editCell(s, cell(r, '判定'), '却下', { user: reviewer });
        decisions.expiredRejected++;
      }
      return;
    }
    if (decision !== '審査待ち') return;
    const d = decide(codesOf(v[col('自動チェック') - 1]));
    if (!d) return;
    if (d.decision === '差戻し' && decisions.needsInfo % 2 === 0) {
      // The other order (issue 9): 差戻し first, which sends nothing and shows メモ待ち; the note sends the mail.
      rt.editCell(s, cell(r, '判定'), d.decision, { user: reviewer });
      lifecycleLog.push(`${String(v[col('申請ID') - 1])}: 差戻し chosen first → 通知状況 「${String(s.getRange(r, col('通知状況')).getValue())}」`);
      rt.editCell(s, cell(r, '審査メモ'), d.memo, { user: reviewer });
      lifecycleLog.push(`${String(v[col('申請ID') - 1])}: note written afterwards → 通知状況 「${String(s.getRange(r, col('通知状況')).getValue())}」`);
    } else {
      if (d.memo) rt.editCell(s, cell(r, '審査メモ'), d.memo, { user: reviewer });
      rt.editCell(s, cell(r, '判定'), d.decision, { user: reviewer });
    }
    if (d.decision === '承認') decisions.approved++;
    if (d.decision === '却下') decisions.rejected++;
    if (d.decision === '差戻し') {
      decisions.needsInfo++;
      const c = planned.find((x) => x.claimId === v[col('申請ID') - 1]);
      if (c?.fix && c.response) {
        const { response, fix } = c;
        schedule(rt.clock.now().getTime() + fix.afterHours * HOUR, () => rt.editResponse(response, fix.answers()));
      }
    }
  });
}
let reviewTurn = 0;
for (let d = '2024-05-01'; d <= '2024-06-07'; d = addDays(d, 1)) {
  if (!isWorkingDay(d)) continue;
  const day = d;
  const reviewer = REVIEWERS[reviewTurn++ % REVIEWERS.length];
  schedule(jst(`${day} 17:30`), () => review(day, reviewer));
}
// The manager clears the queue on the morning of the payout.
schedule(jst('2024-06-03 09:30'), () => review('2024-06-03', 'manager@smj.example'));

// ── Course questionnaires (講座アンケート): answered through the form, recorded by onCourseSubmit ──
const courseLog: string[] = [];
const answerCourse = (when: string, supporterId: () => string, email: string, course: string, comment: string, note: string) =>
  schedule(jst(when), () => {
    const before = rows('申請').filter((c) => c.伴走ネットID === supporterId() && String(c.自動チェック).includes('NOT_ELIGIBLE')).length;
    rt.submit(courseForm, { 伴走ネットID: supporterId(), メールアドレス: email, 講座: course, 感想: comment });
    const after = rows('申請').filter((c) => c.伴走ネットID === supporterId() && String(c.自動チェック).includes('NOT_ELIGIBLE')).length;
    const last = rows('回答記録').at(-1);
    courseLog.push(`${when} ${supporterId()} ${course.split(' ')[0]}: ${note} → ${last?.結果}${last?.詳細 ? ` (${last.詳細})` : ''}${before > after ? `; NOT_ELIGIBLE cleared on ${before - after} pending claims` : ''}`);
  });
answerCourse('2024-05-03 21:00', () => who('bishnu').id, who('bishnu').email, '応用3 難民への支援', 'Very practical.', 'an advanced session');
answerCourse('2024-05-08 22:10', () => who('bishnu').id, who('bishnu').email, '応用3 難民への支援', 'Sent again by mistake', 'the same course again (adds nothing)');
answerCourse('2024-05-12 19:30', () => `${who('mai').id.slice(0, -1)}${(Number(who('mai').id.slice(-1)) + 1) % 10}`, who('mai').email, '基礎4 医療・社会保障', '=rất hay', 'Mai mistypes her ID (kept, reported, told in three languages)');
// Mai answers 基礎5: her set is complete, her pending NOT_ELIGIBLE claims are re-checked at once.
answerCourse('2024-05-16 20:45', () => who('mai').id, who('mai').email, '基礎5 子ども・若者', 'Cảm ơn nhiều', 'Mai completes 基礎1–5');

// ── Documents by post: the list on 05-20 (with its label CSV), posted and confirmed on 05-21 ──
let mailing: { sheet: string; count: number; csvUrl: string | null } | null = null;
schedule(jst('2024-05-20 10:00'), () => {
  mailing = call('createMailingList') as { sheet: string; count: number; csvUrl: string | null };
});
schedule(jst('2024-05-21 16:00'), () => {
  call('confirmMailingList', mailing?.sheet);
});

// ── 4b. Consultation session (issue 10): a waiting list that moves up when someone cancels ──
const sessionForm = openForm('相談会フォーム');
const SESSION = '2024-05-S1 2024-05-25 19:00 オンライン相談会（労働・在留資格）';
const signUp = (key: string, purpose: '伴走者として参加' | '研修として参加（外国ルーツの支援者）') => () =>
  rt.submit(sessionForm, { 伴走ネットID: who(key).id, メールアドレス: who(key).email, 相談会: SESSION, 参加目的: purpose });
const sessionLog: string[] = [];
// 05-07: staff list the session (3 places); typing the row refreshes the sign-up form's choices.
schedule(jst('2024-05-07 10:00'), () =>
  rt.editCell(sheet('相談会'), 'A2:F2', [['2024-05-S1', '2024-05-25 19:00', 'オンライン相談会（労働・在留資格）', 3, 'Zoom（URLは前日に送付）', '受付中']], { user: 'tanaka@smj.example' }),
);
schedule(jst('2024-05-08 20:00'), signUp('hanako', '伴走者として参加'));
schedule(jst('2024-05-08 21:30'), signUp('an', '伴走者として参加'));
schedule(jst('2024-05-09 12:10'), signUp('maria', '伴走者として参加'));
schedule(jst('2024-05-09 22:45'), signUp('tuan', '伴走者として参加')); // full: waiting list 1st
schedule(jst('2024-05-10 08:15'), signUp('bishnu', '研修として参加（外国ルーツの支援者）')); // waiting list 2nd
schedule(jst('2024-05-10 19:00'), signUp('kenichi', '研修として参加（外国ルーツの支援者）')); // no foreign roots: 要確認
// 05-20: Maria cannot come; staff set キャンセル and Tuấn (first on the waiting list) moves up.
const signupCell = (key: string, header: string) => {
  const v = sheet('相談会申込').getDataRange().getValues();
  const r = v.findIndex((x) => x[v[0].indexOf('伴走ネットID')] === who(key).id) + 1;
  return sheet('相談会申込').getRange(r, v[0].indexOf(header) + 1).getA1Notation();
};
schedule(jst('2024-05-20 11:00'), () => {
  sessionLog.push(`before: ${rows('相談会申込').map((r) => `${r.氏名} ${r.判定}`).join(', ')}`);
  rt.editCell(sheet('相談会申込'), signupCell('maria', '判定'), 'キャンセル', { user: 'tanaka@smj.example' });
  sessionLog.push(`after Maria's キャンセル: ${rows('相談会申込').map((r) => `${r.氏名} ${r.判定}`).join(', ')}`);
});
// 05-27: attendance recorded after the session.
schedule(jst('2024-05-27 10:00'), () => {
  for (const key of ['hanako', 'an', 'tuan']) rt.editCell(sheet('相談会申込'), signupCell(key, '出欠'), '出席', { user: 'tanaka@smj.example' });
});

// ── 4c. Emergency support (issue 10): a grant recorded from an urgent claim, paid with the honoraria ──
const grantLog: { grantId: string; supporter: Person; claimId: string; amount: number } = { grantId: '', supporter: who('hanako'), claimId: '', amount: 30000 };
schedule(jst('2024-05-28 11:00'), () => {
  // An urgent (緊急 はい) claim already approved, of a supporter whose documents and account are in order.
  const ok = new Set(['hanako', 'an', 'jieun', 'tuan', 'ana'].map((k) => who(k).id));
  const list = rows('申請');
  const i = list.findIndex((r) => r.緊急 === 'はい' && r.判定 === '承認' && ok.has(String(r.伴走ネットID)));
  if (i < 0) throw new Error('demo: no approved urgent claim to record a grant from');
  rt.select(sheet('申請'), `A${i + 2}`);
  const r = call('recordEmergencySupport') as { created: string[]; refused: string[] };
  if (r.created.length !== 1) throw new Error(`demo: grant not recorded: ${r.refused.join('; ')}`);
  grantLog.grantId = r.created[0];
  grantLog.claimId = String(list[i].申請ID);
  grantLog.supporter = PEOPLE.find((p) => p.id === list[i].伴走ネットID) as Person;
  const g = sheet('緊急支援');
  const h = g.getRange(1, 1, 1, g.getLastColumn()).getValues()[0].map(String);
  const cell = (header: string) => g.getRange(2, h.indexOf(header) + 1).getA1Notation();
  rt.editCell(g, cell('用途'), '家賃', { user: 'manager@smj.example' });
  rt.editCell(g, cell('金額'), grantLog.amount, { user: 'manager@smj.example' });
  rt.editCell(g, cell('審査メモ'), '家賃の滞納分（今月分）。大家さんとの交渉に同行済み', { user: 'manager@smj.example' });
  rt.editCell(g, cell('判定'), '承認', { user: 'manager@smj.example' });
});

runUntil(jst('2024-06-03 09:59'));

// ─────────────────────────────────────────────────────────────────────────────
// 5. Month end: the payout on 06-03, paid on payday 06-10
// ─────────────────────────────────────────────────────────────────────────────

at(jst('2024-06-03 10:00'));
const payout = call('createPayout', '2024-06') as PayoutResult;
runUntil(jst('2024-06-10 15:00'));
call('markPayoutPaid', '2024-06');
// The grant report for May: 集計 2024-05, small counts suppressed.
call('createReport', '2024-05');
runUntil(jst('2024-06-10 18:00'));

const waitingForJuly = rows('申請').filter((c) => c.判定 === '承認' && c.支払予定月 === '2024-07').length;

// ── 5b. After the transfer (issue 11): a returned transfer, paid again in July; the yearly totals ──
// 06-12: the bank returns Maria's transfer (名義相違: her passbook reads サントス マリア クリスティナ).
const maria = PEOPLE.find((p) => p.key === 'maria') as Person;
at(jst('2024-06-12 11:00'));
const snapshot = (name: string) => sheet(name).getDataRange().getValues().map((r) => r.map((c) => (isDate(c) ? jstDateTime(c) : String(c))));
const returnSheets = { before: { 申請: snapshot('申請'), 口座: snapshot('口座'), 支払: snapshot('支払 2024-06') } } as Record<string, Record<string, string[][]>>;
const returned = call('recordReturnedTransfer', '2024-06', maria.id, '名義相違') as { kind: string; claimIds: string[]; amount: number };
returnSheets.recorded = { 申請: snapshot('申請'), 口座: snapshot('口座'), 支払: snapshot('支払 2024-06') };
const again = call('recordReturnedTransfer', '2024-06', maria.id, '名義相違') as { kind: string };
// 06-20: she replies with the holder name as printed; staff correct 口座 and clear 要確認.
at(jst('2024-06-20 10:00'));
{
  const acc = sheet('口座');
  const v = acc.getDataRange().getValues();
  const h = v[0].map(String);
  const r = v.findIndex((x) => x[0] === maria.id) + 1;
  acc.getRange(r, h.indexOf('口座名義（カナ）') + 1).setValue('ｻﾝﾄｽ ﾏﾘｱ ｸﾘｽﾃｲﾅ');
  acc.getRange(r, h.indexOf('状態') + 1).setValue('');
}
returnSheets.corrected = { 口座: snapshot('口座') };
at(jst('2024-07-01 10:00'));
const july = call('createPayout', '2024-07') as PayoutResult;
at(jst('2024-07-10 15:00'));
call('markPayoutPaid', '2024-07');
returnSheets.paidAgain = { 申請: snapshot('申請'), 支払: snapshot('支払 2024-07') };
call('createAnnualStatement', 2024);

// ── issue 9: the program ends. From 2026-03-01 no program is open, but support on 02-28 may still be
// claimed until 03-28: the form stays open until then; on 03-29 the daily job closes it (trilingual
// message); the office defines the next program with 新しい事業を設定 and the form reopens.
rt.clock.set(new Date(jst('2026-03-02 06:00')));
call('dailyMaintenance');
{
  const claimForm = rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  const id = String(rows('設定').find((r) => r.キー === '申請フォーム')?.値 ?? '');
  const form = id.startsWith('http') ? claimForm.openByUrl(id) : claimForm.openById(id);
  lifecycleLog.push('', '2026-03-02 daily job:', ...rows('ログ').filter((r) => r.対象 === '事業').map((r) => `  ログ: ${String(r.内容)}`));
  lifecycleLog.push(`  claim form accepting: ${form.isAcceptingResponses()}`);
  rt.clock.set(new Date(jst('2026-03-29 06:00')));
  call('dailyMaintenance');
  lifecycleLog.push('', '2026-03-29 daily job:', `  ログ: ${String(rows('ログ').filter((r) => r.対象 === '事業').at(-1)?.内容 ?? '')}`);
  lifecycleLog.push(`  claim form accepting: ${form.isAcceptingResponses()}; message: ${form.getCustomClosedFormMessage()}`);
  call('defineProgram', { name: '2026年度伴走支援', start: '2026-04-01', end: '2027-03-31', budget: '3000000' });
  lifecycleLog.push('', '新しい事業を設定 (2026年度伴走支援, 2026-04-01〜2027-03-31, budget 3,000,000):', `  設定 プログラム = ${String(rows('設定').find((r) => r.キー === 'プログラム')?.値)}`);
  rt.clock.set(new Date(jst('2026-04-01 06:00')));
  call('dailyMaintenance');
  lifecycleLog.push(`2026-04-01 daily job: claim form accepting: ${form.isAcceptingResponses()}`);
}

// ─────────────────────────────────────────────────────────────────────────────
// 6. Files under out/ (created fresh on every run)
// ─────────────────────────────────────────────────────────────────────────────

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const sheetFiles = writeSheets(ss, join(OUT, 'sheets'));
const mailCount = writeMails(rt.mail.sent, join(OUT, 'mail'));
{
  // The notes to English and Vietnamese supporters, as written and machine-translated (marked).
  const translated = [/Machine translation/, /Bản dịch máy/].flatMap((re) => rt.mail.sent.filter((m) => re.test(m.body)).slice(0, 1));
  const rejected = rt.mail.sent.filter((m) => /審査結果|result of the review|Kết quả xét duyệt/.test(m.subject)).slice(0, 1);
  const show = (m: { to: string; subject: string; body: string }) => [`--- to ${m.to}: ${m.subject}`, m.body];
  writeFileSync(join(OUT, 'review-and-programs.txt'), [...lifecycleLog, '', 'Mails:', ...translated.flatMap(show), ...rejected.flatMap(show)].join('\n'));
}
const driveFiles = rt.drive.files();
writeDrive(driveFiles, join(OUT, 'drive'));
const transfer = driveFiles.find((f) => f.name.startsWith('総合振込_2024-06'));
if (!transfer) throw new Error('no 全銀 transfer file in Drive');
const zengin = decodeZengin(transfer.bytes);
writeFileSync(join(OUT, 'zengin-decoded.txt'), zengin.text);
const transferJuly = driveFiles.find((f) => f.name.startsWith('総合振込_2024-07'));
if (!transferJuly) throw new Error('no 全銀 transfer file for 2024-07');
const zenginJuly = decodeZengin(transferJuly.bytes);
writeFileSync(join(OUT, 'zengin-decoded-2024-07.txt'), zenginJuly.text);
// The returned transfer, step by step: the rows of Maria in each sheet at each step.
{
  const shown: Record<string, string[]> = {
    申請: ['申請ID', '伴走ネットID', '金額', '判定', '支払ID', '支払予定ID'],
    口座: ['伴走ネットID', '金融機関コード', '支店コード', '口座名義（カナ）', '状態'],
    支払: ['伴走ネットID', '件数', '金額', '振込先', '状態', '理由'],
  };
  const mine = (name: string, v: string[][]) => {
    const cols = shown[name].map((h) => v[0].indexOf(h));
    const idCol = v[0].indexOf('伴走ネットID');
    return [v[0], ...v.filter((r) => r[idCol] === maria.id)].map((r) => cols.map((c) => r[c]).join(' | '));
  };
  const out: string[] = [`振込不能の記録（${maria.name} ${maria.id}）: シートの変化`, ''];
  for (const [step, sheets] of Object.entries(returnSheets)) {
    out.push(`== ${step}`);
    for (const [name, v] of Object.entries(sheets)) out.push(`-- ${name}`, ...mine(name, v), '');
  }
  writeFileSync(join(OUT, 'returned-transfer.txt'), out.join('\n'));
}

// ─────────────────────────────────────────────────────────────────────────────
// 7. Summary
// ─────────────────────────────────────────────────────────────────────────────

const claims = rows('申請');
const tally = (xs: string[]) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};
const payoutValues = sheet(`支払 ${payout.month}`).getDataRange().getValues();
const payoutTotals = new Map(payoutValues.filter((r) => !String(r[0]).startsWith('BN-')).map((r) => [String(r[0]), r[1]]));
const heldRows = payoutValues.filter((r) => String(r[0]).startsWith('BN-') && r[6] === '保留');
const nextMonth = waitingForJuly; // counted on 06-10, before July's payout
const officeMails = rt.mail.sent.filter((m) => m.to.split(',').map((x) => x.trim()).includes(OFFICE)).length;
const edits = planned.filter((c) => c.fix).length;
const yen = (n: number) => `${n.toLocaleString('en-US')}円`;
const listedOn = (name: string) =>
  rows(name)
    .filter((r) => String(r.伴走ネットID).startsWith('BN-'))
    .map((r) => `${r.氏名} 〒${r.郵便番号}`)
    .join(', ');

const lines = [
  '伴走ネット demo: May 2024 on the local Apps Script runtime (build/Code.js)',
  '',
  `Registrations  ${rows('登録者').length} supporters from ${registrationLog.length} form responses`,
  ...registrationLog.filter((r) => !r.what.startsWith('新規')).map((r) => `               ${r.when} ${r.who}: ${r.what}`),
  `Claims         ${claims.length} claims (${planned.length} form submits + ${edits} edited responses after 差戻し)`,
  `  by 判定      ${tally(claims.map((c) => String(c.判定))).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  `  reasons      (automatic check at submission, code → count)`,
  ...tally([...codesAtSubmit.entries()].flatMap(([k, v]) => Array<string>(v).fill(k))).map(([k, v]) => `               ${k.padEnd(22)} ${v}`),
  `  staff        approved ${decisions.approved}, rejected ${decisions.rejected} (+${decisions.expiredRejected} 差戻し past its deadline), sent back ${decisions.needsInfo}`,
  `Course         ${rows('講座アンケート回答').length} questionnaire rows from ${courseLog.length} answers`,
  ...courseLog.map((l) => `               ${l}`),
  `Mailing        ${mailing ? `${(mailing as { sheet: string }).sheet}: ${(mailing as { count: number }).count} supporters (${listedOn((mailing as { sheet: string }).sheet)}), label CSV ${driveFiles.find((f) => f.name.startsWith('書類送付_'))?.name ?? 'missing'}; 書類送付日 filled on 05-21` : 'not built'}`,
  `Mails          ${rt.mail.sent.length} sent (${officeMails} to the office), none queued; the daily trigger ran on ${dailyRuns.length} days`,
  `Payout         ${payout.payoutId}, payday ${payout.payday}: paid ${payout.paid} supporters / ${payout.claims} claims / ${yen(payout.total)}`,
  `               held ${payout.held} supporters / ${payoutTotals.get('保留件数')} claims / ${yen(Number(payoutTotals.get('保留合計（円）')))} (they roll into the next payout)`,
  ...heldRows.map((r) => `                 保留 ${r[0]} ${r[1]}: ${r[7]}`),
  `               ${nextMonth} approved claims received in June wait for the 2024-07 payout; 状態 ${payoutTotals.get('状態')}`,
  `Returned       06-12 ${maria.name} ${maria.id}: 2024-06 transfer of ${yen(returned.amount)} returned (名義相違) → ${returned.kind}: ${returned.claimIds.length} claims back to 承認, 口座 要確認; recorded again → ${again.kind}`,
  `               07-10 paid again in 2024-07 (${july.paid} supporters, ${yen(july.total)}): ${rows('申請').filter((c) => c.伴走ネットID === maria.id && c.支払ID === 'P-2024-07').length} of her claims carry P-2024-07, none P-2024-06`,
  `ゆうちょ       Bishnu ${PEOPLE.find((p) => p.key === 'bishnu')?.id}: 記号 10180 番号 24680131 → ${zengin.parsed.payments.filter((p) => p.bankCode === '9900').map((p) => `9900-${p.branchCode} 種目${p.accountType} ${p.accountNumber} ${p.payeeName.trim()}`).join(', ')}`,
  `Session        ${SESSION}: ${tally(rows('相談会申込').map((r) => String(r.判定))).map(([k, v]) => `${k} ${v}`).join(', ')}; 出席 ${rows('相談会申込').filter((r) => r.出欠 === '出席').length}`,
  ...sessionLog.map((l) => `               ${l}`),
  `Grant          ${grantLog.grantId} (家賃 ${yen(grantLog.amount)}) from urgent claim ${grantLog.claimId} of ${grantLog.supporter.name}: 判定 ${rows('緊急支援')[0]?.判定}, 支払ID ${rows('緊急支援')[0]?.支払ID}; 全銀 record for ${grantLog.supporter.account?.number}: ${yen(zengin.parsed.payments.find((p) => p.accountNumber === grantLog.supporter.account?.number)?.amount ?? 0)} = honoraria ${yen(rows('申請').filter((c) => c.伴走ネットID === grantLog.supporter.id && c.支払ID === 'P-2024-06').reduce((n, c) => n + Number(c.金額), 0))} + grant ${yen(grantLog.amount)}`,
  `Yearly totals  年間支払 2024: ${rows('年間支払 2024').filter((r) => String(r.伴走ネットID).startsWith('BN-')).length} supporters, ${yen(Number(rows('年間支払 2024').find((r) => r.伴走ネットID === '合計')?.支払総額 ?? 0))}`,
  `全銀 file      ${transfer.name}: ${transfer.bytes.length} bytes (${transfer.bytes.length / 122} records × 120 + CRLF), ${zengin.parsed.payments.length} payments, trailer count ${zengin.countOk ? 'matches' : 'DOES NOT match'}, sum ${zengin.sumOk ? 'matches' : 'DOES NOT match'}${zengin.parsed.errors.length ? `, errors: ${zengin.parsed.errors.join('; ')}` : ''}`,
  '',
  `Files          ${OUT}/sheets/      ${sheetFiles.length} sheets as CSV (${sheetFiles.join(', ')})`,
  `               ${OUT}/mail/        ${mailCount} mails`,
  `               ${OUT}/drive/       ${driveFiles.map((f) => f.name).join(', ')}`,
  `               ${OUT}/zengin-decoded.txt, ${OUT}/zengin-decoded-2024-07.txt, ${OUT}/returned-transfer.txt`,
];
console.log(lines.join('\n'));
if (rt.notImplemented.length > 0) console.log(`\nnote: the fake runtime lacks ${[...new Set(rt.notImplemented)].join(', ')}`);
