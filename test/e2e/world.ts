/**
 * A whole deployment on the local runtime: the BUILT bundle (build/Code.js) loaded into a vm with
 * only the fake services, a bound spreadsheet, setup run, forms created through the bundle's own
 * createForms, and the office's settings filled in as staff would.
 */
import { existsSync } from 'node:fs';
import { createRuntime, type Runtime } from '../runtime';
import { loadBundle } from '../runtime/harness';
import { rowsOf, setSetting as setSettingOf, sheetOf } from '../support/sheets';

export const BUNDLE = 'build/Code.js';

export interface World {
  rt: Runtime;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  call(name: string, ...args: unknown[]): unknown;
  regForm: GoogleAppsScript.Forms.Form;
  claimForm: GoogleAppsScript.Forms.Form;
  /** The sheet's rows as objects keyed by header (values as getValues gives them). */
  rows(sheet: string): Record<string, unknown>[];
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
  setSetting(key: string, value: string): void;
  register(p: Partial<Registration>): GoogleAppsScript.Forms.FormResponse;
  claim(p: Partial<ClaimAnswers>): GoogleAppsScript.Forms.FormResponse;
  /** Registers and returns the issued ID. */
  supporter(p: Partial<Registration>): string;
  at(iso: string): void;
}

export interface Registration {
  name: string;
  email: string;
  phone: string;
  language: '日本語' | 'English' | 'Tiếng Việt';
  experience: 'はい' | 'いいえ';
  /** 住所（覚書の郵送先） (default: an address in Tokyo without a postal code). */
  address: string;
  /** 希望すること (default: not answered). */
  wishes: string[];
}

export interface ClaimAnswers {
  id: string;
  name: string;
  email: string;
  date: string;
  hours: string;
  caseId: string;
  first: 'はい' | 'いいえ';
  coId: string;
}

let seq = 0;

/** Every world a test made: afterwards none may have touched a member the fakes do not implement. */
const worlds: Runtime[] = [];
if (typeof afterEach === 'function') {
  afterEach(() => {
    const missing = worlds.flatMap((rt) => rt.notImplemented);
    worlds.length = 0;
    expect(missing).toEqual([]);
  });
}

/** Forms as the office already has them (SPEC §3): nothing required, so tests can send anything. */
function existingForms(rt: Runtime) {
  const FormApp = rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  const reg = FormApp.create('伴走ネット登録');
  reg.setAllowResponseEdits(true);
  for (const t of ['お名前', 'フリガナ', 'メールアドレス', '電話番号', '住所（覚書の郵送先）', '都道府県', '所属団体', '対応できる言語']) reg.addTextItem().setTitle(t);
  for (const t of ['外国にルーツがありますか', '伴走支援の経験がありますか']) reg.addMultipleChoiceItem().setTitle(t).setChoiceValues(['はい', 'いいえ']);
  reg.addCheckboxItem().setTitle('希望すること').setChoiceValues(['伴走支援を行いたい', '講座を受講したい']);
  reg.addMultipleChoiceItem().setTitle('連絡に使う言語').setChoiceValues(['日本語', 'English', 'Tiếng Việt']);
  reg.addCheckboxItem().setTitle('個人情報の取扱いに同意します').setChoiceValues(['同意します']);
  const claim = FormApp.create('伴走支援申請');
  claim.setAllowResponseEdits(true);
  for (const t of ['伴走ネットID', 'お名前', 'メールアドレス']) claim.addTextItem().setTitle(t);
  claim.addDateItem().setTitle('支援実施日');
  for (const t of ['支援時間（時間）', '相談者ID（2回目以降）']) claim.addTextItem().setTitle(t);
  claim.addMultipleChoiceItem().setTitle('この相談者についての申請は初めてですか').setChoiceValues(['はい', 'いいえ']);
  for (const t of ['相談者の国籍', '相談者の在留資格', '相談者の年代', '支援を行った都道府県']) claim.addTextItem().setTitle(t);
  claim.addCheckboxItem().setTitle('課題の分野').setChoiceValues(['労働', '医療', '福祉・生活保護', '家族', '在留資格', '住まい', '教育', 'DV', 'その他']);
  claim.addCheckboxItem().setTitle('支援の内容').setChoiceValues(['同行', '通訳', '書類作成', '交渉', '相談', 'その他']);
  claim.addTextItem().setTitle('一緒に伴走した方の伴走ネットID');
  claim.addParagraphTextItem().setTitle('支援の概要');
  claim.addMultipleChoiceItem().setTitle('緊急支援が必要ですか').setChoiceValues(['はい', 'いいえ']);
  return { reg, claim };
}

export function makeWorld(
  opts: { now?: string; mailQuota?: number; settings?: Record<string, string>; createForms?: boolean; accountKind?: 'consumer' | 'workspace' } = {},
): World {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (npm test does)`);
  // By default the office runs on Google Workspace (smj.example): an edit trigger sees colleagues of the
  // same domain. Consumer (gmail.com) accounts, where it sees nobody but the trigger's owner, are
  // tested with accountKind: 'consumer'. Everything runs as the office account manager@smj.example.
  const rt = createRuntime({
    now: new Date(opts.now ?? '2024-05-20T10:00:00+09:00'),
    mailQuota: opts.mailQuota,
    activeUser: 'manager@smj.example',
    accountKind: opts.accountKind ?? 'workspace',
  });
  worlds.push(rt);
  const ss = rt.createSpreadsheet('伴走ネット', { bound: true });
  const bundle = loadBundle(rt, BUNDLE);
  const call = (name: string, ...args: unknown[]) => rt.invoke(name, args);
  call('setup');
  if (opts.createForms) call('createForms');
  const sheet = (name: string) => sheetOf(ss, name);
  const rows = (name: string) => rowsOf(ss, name);
  const setSetting = (key: string, value: string) => setSettingOf(ss, key, value);
  const defaults: Record<string, string> = {
    事務局メール: 'office@smj.example',
    依頼人コード: '1234567890',
    依頼人名: 'ｲｼﾞﾕｳﾚﾝ',
    仕向銀行コード: '0009',
    仕向支店コード: '100',
    口座番号: '7654321',
    ...opts.settings,
  };
  if (!opts.createForms) {
    const f = existingForms(rt);
    defaults.登録フォーム = f.reg.getId();
    defaults.申請フォーム = f.claim.getEditUrl();
  }
  for (const [k, v] of Object.entries(defaults)) setSetting(k, v);
  call('setup');
  rt.mail.sent.length = 0;
  const ids = rows('設定');
  const formId = (key: string) => String(ids.find((r) => r.キー === key)?.値);
  const FormApp = rt.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  const open = (v: string) => (v.startsWith('http') ? FormApp.openByUrl(v) : FormApp.openById(v));
  const regForm = open(formId('登録フォーム'));
  const claimForm = open(formId('申請フォーム'));

  const register = (p: Partial<Registration>) => {
    seq++;
    return rt.submit(regForm, {
      お名前: p.name ?? `伴走 太郎${seq}`,
      フリガナ: 'バンソウ タロウ',
      メールアドレス: p.email ?? `supporter${seq}@example.org`,
      電話番号: p.phone ?? `090-0000-${String(1000 + seq).slice(-4)}`,
      '住所（覚書の郵送先）': p.address ?? '東京都台東区上野1-12-6',
      都道府県: '東京都',
      ...(p.wishes ? { 希望すること: p.wishes } : {}),
      伴走支援の経験がありますか: p.experience ?? 'はい',
      連絡に使う言語: p.language ?? '日本語',
      個人情報の取扱いに同意します: ['同意します'],
    });
  };
  const world: World = {
    rt,
    ss,
    call,
    regForm,
    claimForm,
    rows,
    sheet,
    setSetting,
    register,
    claim: (p) =>
      rt.submit(claimForm, {
        伴走ネットID: p.id ?? '',
        お名前: p.name ?? '伴走 太郎',
        メールアドレス: p.email ?? '',
        支援実施日: p.date ?? '2024-05-10',
        '支援時間（時間）': p.hours ?? '2',
        '相談者ID（2回目以降）': p.caseId ?? '',
        この相談者についての申請は初めてですか: p.first ?? (p.caseId ? 'いいえ' : 'はい'),
        一緒に伴走した方の伴走ネットID: p.coId ?? '',
      }),
    supporter: (p) => {
      const before = rows('登録者').length;
      register(p);
      const after = rows('登録者');
      if (after.length !== before + 1) throw new Error('registration did not add a row');
      return String(after[after.length - 1].伴走ネットID);
    },
    at: (iso) => rt.clock.set(new Date(iso)),
  };
  void bundle;
  return world;
}
