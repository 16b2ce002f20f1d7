import type { Reason } from '../reasons';
import { en } from './en';
import { ja } from './ja';
import type { Catalog, Language } from './types';
import { vi } from './vi';

export type { Catalog, Language, Mail } from './types';
export { LANGUAGES } from './types';

const CATALOGS: Record<Language, Catalog> = { ja, en, vi };

export function catalog(language: Language): Catalog {
  return CATALOGS[language];
}

/** 連絡に使う言語 answer (日本語 / English / Tiếng Việt, or a code) → language; Japanese by default. */
export function languageOf(answer: unknown): Language {
  const s = String(answer ?? '').normalize('NFKC').trim().toLowerCase();
  if (s === '' || s.startsWith('日本') || s === 'ja' || s === 'japanese') return 'ja';
  if (s.startsWith('english') || s === 'en' || s === '英語') return 'en';
  if (s.startsWith('tiếng việt') || s.startsWith('tieng viet') || s === 'vi' || s.startsWith('vietnam') || s === 'ベトナム語') return 'vi';
  return 'ja';
}

/** The 自動チェック cell: `OK`, or one `CODE: sentence` line per reason (Japanese, for staff). */
export function checkCell(reasons: readonly Reason[]): string {
  if (reasons.length === 0) return 'OK';
  return reasons.map((r) => `${r.code}: ${ja.reason(r.code, r.params).text}`).join('\n');
}
