/**
 * 設定 (settings): every key the code and the README share, with its default and 説明 (SPEC §4).
 * `setup` writes the missing keys; staff fill in the values. Parsing is pure.
 */
import { accountTypeOf } from '../domain/bankAccount';
import { isDateObject } from '../domain/calendar';
import type { Language } from '../domain/messages';
import { toBankText } from '../domain/kana';
import { normalizeEmail, normalizeText } from '../domain/text';
import type { Program } from '../domain/programs';
import { PRESETS, parseProgramDefinition } from '../domain/programs';

export interface SettingDef {
  key: string;
  default: string;
  description: string;
}

/** Form questions: field → default title (SPEC §3). The 設定 key is `登録設問:<field>` / `申請設問:<field>`. */
export const REGISTRATION_QUESTIONS = {
  name: 'お名前',
  kana: 'フリガナ',
  email: 'メールアドレス',
  phone: '電話番号',
  address: '住所（覚書の郵送先）',
  prefecture: '都道府県',
  organization: '所属団体',
  languages: '対応できる言語',
  roots: '外国にルーツがありますか',
  experience: '伴走支援の経験がありますか',
  wishes: '希望すること',
  contactLanguage: '連絡に使う言語',
  consent: '個人情報の取扱いに同意します',
} as const;

export const CLAIM_QUESTIONS = {
  supporterId: '伴走ネットID',
  name: 'お名前',
  email: 'メールアドレス',
  supportDate: '支援実施日',
  hours: '支援時間（時間）',
  caseId: '相談者ID（2回目以降）',
  firstForRecipient: 'この相談者についての申請は初めてですか',
  nationality: '相談者の国籍',
  residenceStatus: '相談者の在留資格',
  ageGroup: '相談者の年代',
  prefecture: '支援を行った都道府県',
  issues: '課題の分野',
  activities: '支援の内容',
  coSupporterId: '一緒に伴走した方の伴走ネットID',
  summary: '支援の概要',
  urgent: '緊急支援が必要ですか',
} as const;

/** 講座アンケート (issue 10): the questionnaire answered after each course video. 設定 key `講座設問:<field>`. */
export const COURSE_QUESTIONS = {
  supporterId: '伴走ネットID',
  email: 'メールアドレス',
  course: '講座',
  comment: '感想',
} as const;
export type CourseField = keyof typeof COURSE_QUESTIONS;
/** Sign-up form of the consultation sessions (SPEC §9; 設定 key `相談会設問:<title>`). */
export const SESSION_QUESTIONS = {
  supporterId: '伴走ネットID',
  email: 'メールアドレス',
  session: '相談会',
  purpose: '参加目的',
} as const;

export type RegistrationField = keyof typeof REGISTRATION_QUESTIONS;
export type ClaimField = keyof typeof CLAIM_QUESTIONS;

export const DEFAULT_CONTACT = '移住連事務局 電話 03-3837-2316 / メール bansounetwork@gmail.com';
export const DEFAULT_CONTACT_EN = 'SMJ office: phone +81-3-3837-2316 / email bansounetwork@gmail.com';
export const DEFAULT_CONTACT_VI = 'Văn phòng SMJ: điện thoại +81-3-3837-2316 / email bansounetwork@gmail.com';

/** Keys of the consultation sessions and emergency support (issue 10 part B). */
const SETTING_DEFS_10B: readonly SettingDef[] = [
  { key: '相談会フォーム', default: '', description: '相談会申込フォームの ID または URL（「フォームを作成」で作れます）' },
  { key: '緊急支援予算上限', default: '', description: '有効なプログラムの緊急支援費の上限（円）。空欄なら上限なし。達したら事務局に知らせます' },
  ...(Object.entries(SESSION_QUESTIONS) as [string, string][]).map(([, title]) => ({
    key: `相談会設問:${title}`,
    default: title,
    description: '相談会申込フォームでこの項目にあたる設問のタイトル',
  })),
];

export const SETTING_DEFS: readonly SettingDef[] = [
  { key: '登録フォーム', default: '', description: '伴走ネット登録フォームの ID または URL（空なら「フォームを作成」で作れます）' },
  { key: '申請フォーム', default: '', description: '伴走支援申請フォームの ID または URL' },
  { key: 'プログラム', default: 'new-migrant-era-2023', description: '有効なプログラム: covid-2022 / new-migrant-era-2023 / 「プログラム定義:<名前>」で定義した名前' },
  { key: '事務局メール', default: '', description: 'エラーや報告の送り先（カンマ区切りで複数可）' },
  { key: '問い合わせ先', default: DEFAULT_CONTACT, description: '支援者へのメールの末尾に載せる連絡先' },
  // issue 9: the contact line in the reader's language
  { key: '問い合わせ先（英語）', default: DEFAULT_CONTACT_EN, description: '英語のメールの末尾に載せる連絡先（空欄なら「問い合わせ先」）' },
  { key: '問い合わせ先（ベトナム語）', default: DEFAULT_CONTACT_VI, description: 'ベトナム語のメールの末尾に載せる連絡先（空欄なら「問い合わせ先」）' },
  { key: '支払日', default: '10', description: '有効なプログラムの支払日（毎月の日。土日祝・年末年始は前の営業日）' },
  { key: '予算上限', default: '', description: '有効なプログラムの予算上限（円）。空欄なら上限なし' },
  { key: '依頼人コード', default: '', description: '総合振込の依頼人コード（銀行が割り当てた10桁）' },
  { key: '依頼人名', default: '', description: '依頼人名（半角カナに変換できる名前。例: イジユウレン）' },
  { key: '仕向銀行コード', default: '', description: '振込元の金融機関コード（4桁）' },
  { key: '仕向銀行名', default: '', description: '振込元の金融機関名（カナ、空欄可）' },
  { key: '仕向支店コード', default: '', description: '振込元の支店コード（3桁）' },
  { key: '仕向支店名', default: '', description: '振込元の支店名（カナ、空欄可）' },
  { key: '預金種目', default: '普通', description: '振込元口座の預金種目（普通 / 当座）' },
  { key: '口座番号', default: '', description: '振込元の口座番号（7桁）' },
  { key: '振込指定区分', default: '7', description: '総合振込の振込指定区分（7 電信、8 文書。銀行により 0）' },
  { key: '支払フォルダ', default: '', description: '振込ファイルを保存する Google ドライブのフォルダ ID または URL（空なら自動で作成）' },
  { key: '源泉徴収', default: 'しない', description: '謝金から源泉徴収するか（する / しない）。適用は税理士に確認してください' },
  { key: '講座アンケートフォーム', default: '', description: '講座アンケートフォームの ID または URL（空なら「フォームを作成」で作れます）' },
  ...(Object.entries(REGISTRATION_QUESTIONS) as [string, string][]).map(([, title]) => ({
    key: `登録設問:${title}`,
    default: title,
    description: '登録フォームでこの項目にあたる設問のタイトル',
  })),
  ...(Object.entries(CLAIM_QUESTIONS) as [string, string][]).map(([, title]) => ({
    key: `申請設問:${title}`,
    default: title,
    description: '申請フォームでこの項目にあたる設問のタイトル',
  })),
  ...(Object.entries(COURSE_QUESTIONS) as [string, string][]).map(([, title]) => ({
    key: `講座設問:${title}`,
    default: title,
    description: '講座アンケートフォームでこの項目にあたる設問のタイトル',
  })),
  ...SETTING_DEFS_10B,
];

export interface Settings {
  raw: ReadonlyMap<string, string>;
  /** A key's value (NFKC-normalised lookup), or its default when empty. */
  value(key: string): string;
  registrationForm: string;
  claimForm: string;
  officeEmails: string[];
  contact: string;
  /** The contact line for a mail in `language` (問い合わせ先 / …（英語） / …（ベトナム語）). */
  contactIn(language: Language): string;
  programs: Program[];
  active: Program;
  withholding: boolean;
  registrationTitles: Record<RegistrationField, string>;
  claimTitles: Record<ClaimField, string>;
  /** 講座アンケートフォーム (ID or URL) and its question titles. */
  courseForm: string;
  courseTitles: Record<CourseField, string>;
  /** Problems staff must fix in 設定 (Japanese). */
  errors: string[];
}

/** 緊急支援予算上限 as typed: yen (commas, 円 and ¥ allowed), null when empty, 'invalid' otherwise. */
export function emergencyBudget(text: string): number | null | 'invalid' {
  const t = normalizeText(text).replace(/[,円¥]/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 'invalid';
}

function cellString(v: unknown): string {
  if (isDateObject(v)) return v.toISOString();
  // 値 cells are plain text ('@'): an apostrophe written to keep a value as text stays in them.
  return String(v ?? '').trim().replace(/^'/, '');
}

/** Builds Settings from the 設定 rows (キー → 値). Unknown keys are kept for custom programs. */
export function parseSettings(entries: Iterable<[unknown, unknown]>): Settings {
  const raw = new Map<string, string>();
  for (const [k, v] of entries) {
    const key = normalizeText(k);
    if (key) raw.set(key, cellString(v));
  }
  // Keys are stored NFKC-normalised (staff may type （） or ()): look them up the same way.
  const get = (key: string) => {
    const v = raw.get(normalizeText(key));
    if (v !== undefined && v !== '') return v;
    return SETTING_DEFS.find((d) => d.key === key)?.default ?? '';
  };
  const errors: string[] = [];

  // Programs: presets, then 設定 definitions (`プログラム定義:<id>`), in sheet order.
  const programs: Program[] = PRESETS.map((p) => ({ ...p, period: { ...p.period }, eligibility: { ...p.eligibility } }));
  for (const [key, value] of raw) {
    const m = /^プログラム定義[:：](.+)$/.exec(key);
    if (!m || value === '') continue;
    const id = m[1].trim();
    const parsed = parseProgramDefinition(id, value, programs);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const at = programs.findIndex((p) => p.id === id);
    if (at >= 0) programs[at] = parsed.program;
    else programs.push(parsed.program);
  }
  const activeId = get('プログラム');
  let active = programs.find((p) => p.id === activeId);
  if (!active) {
    errors.push(`プログラム「${activeId}」が見つかりません。covid-2022 / new-migrant-era-2023 / 定義済みの名前を指定してください`);
    active = programs[programs.length - 1];
  }
  // 支払日 and 予算上限 apply to the active program.
  const payday = Number(normalizeText(get('支払日')));
  if (Number.isInteger(payday) && payday >= 1 && payday <= 31) active.paydayDay = payday;
  else errors.push(`支払日「${get('支払日')}」は 1〜31 の数字で指定してください`);
  const budgetText = normalizeText(get('予算上限')).replace(/[,円¥]/g, '');
  if (budgetText !== '') {
    const budget = Number(budgetText);
    if (Number.isFinite(budget) && budget >= 0) active.budgetYen = Math.floor(budget);
    else errors.push(`予算上限「${get('予算上限')}」は円の数字で指定してください`);
  }
  if (emergencyBudget(get('緊急支援予算上限')) === 'invalid') errors.push(`緊急支援予算上限「${get('緊急支援予算上限')}」は円の数字で指定してください（空欄なら上限なし）`);

  const officeEmails = get('事務局メール')
    .split(/[,、;\s]+/)
    .map(normalizeEmail)
    .filter((e) => e !== '');
  const titles = <F extends string>(prefix: string, defaults: Record<F, string>): Record<F, string> => {
    const out = {} as Record<F, string>;
    for (const [field, title] of Object.entries(defaults) as [F, string][]) out[field] = normalizeText(get(`${prefix}:${title}`)) || title;
    return out;
  };
  const withholdingText = normalizeText(get('源泉徴収'));
  return {
    raw,
    value: get,
    registrationForm: get('登録フォーム'),
    claimForm: get('申請フォーム'),
    officeEmails,
    contact: get('問い合わせ先'),
    contactIn: (language: Language) =>
      language === 'en' ? get('問い合わせ先（英語）') || get('問い合わせ先') : language === 'vi' ? get('問い合わせ先（ベトナム語）') || get('問い合わせ先') : get('問い合わせ先'),
    programs,
    active,
    withholding: ['する', 'はい', 'on', 'yes', 'true', '1'].includes(withholdingText.toLowerCase()),
    registrationTitles: titles('登録設問', REGISTRATION_QUESTIONS),
    claimTitles: titles('申請設問', CLAIM_QUESTIONS),
    courseForm: get('講座アンケートフォーム'),
    courseTitles: titles('講座設問', COURSE_QUESTIONS),
    errors,
  };
}

// ---------------------------------------------------------------- issue 9: month-end settings

/**
 * Every 設定 value the month end needs for the 全銀 header, checked the way the transfer file will
 * use it: digits and lengths, names the bank character set can hold, 預金種目 and 振込指定区分. Each
 * problem names the key, what is wrong and the fix, in Japanese (setup shows them; the payout dialog
 * and sheet show them instead of building a file that would fail).
 */
export function transferSettingProblems(value: (key: string) => string): string[] {
  const problems: string[] = [];
  const text = (key: string) => normalizeText(value(key));
  const digits = (key: string, len: number, exact: boolean) => {
    const raw = text(key);
    const v = raw.replace(/[-\s]/g, '');
    if (raw === '') problems.push(`${key}が未設定です（月次支払の振込ファイルに必要）。${exact ? `${len}桁` : `${len}桁以内`}の数字を入力してください`);
    else if (!/^\d+$/.test(v) || v.length > len || (exact && v.length !== len)) {
      problems.push(`${key}「${raw}」は${exact ? `${len}桁` : `${len}桁以内`}の数字で入力してください`);
    }
  };
  digits('依頼人コード', 10, false);
  digits('仕向銀行コード', 4, true);
  digits('仕向支店コード', 3, true);
  digits('口座番号', 7, false);
  const kana = (key: string, kind: 'name' | 'bankName', max: number, required: boolean, example: string) => {
    const v = text(key);
    if (v === '') {
      if (required) problems.push(`${key}が未設定です（月次支払の振込ファイルに必要）。カナで入力してください（例: ${example}）`);
      return;
    }
    const r = toBankText(v, kind);
    if (!r.ok) problems.push(`${key}「${v}」には振込ファイルに使えない文字があります（${r.invalid.join(' ')}）。カナ・英大文字・数字で入力してください（例: ${example}）`);
    else if (r.value.length > max) problems.push(`${key}「${v}」は半角${max}文字までです（いまは${r.value.length}文字）。短くしてください`);
  };
  kana('依頼人名', 'name', 40, true, 'イジユウレン');
  kana('仕向銀行名', 'bankName', 15, false, 'ミツイスミトモ');
  kana('仕向支店名', 'bankName', 15, false, 'ウエノ');
  const type = accountTypeOf(text('預金種目'));
  if (type !== '1' && type !== '2') problems.push(`預金種目「${text('預金種目')}」は「普通」か「当座」で入力してください（振込元の口座）`);
  if (!['7', '8', '0'].includes(text('振込指定区分'))) problems.push(`振込指定区分「${text('振込指定区分')}」は 7（電信）、8（文書）、または銀行の指定が 0 ならば 0 を入力してください`);
  return problems;
}
