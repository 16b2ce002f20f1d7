/** Message catalogs: every sentence a supporter reads, in ja / en / vi. Code never builds prose inline. */
import type { ReasonCode, ReasonParams } from '../reasons';

export type Language = 'ja' | 'en' | 'vi';
export const LANGUAGES: readonly Language[] = ['ja', 'en', 'vi'];

export interface Mail {
  subject: string;
  body: string;
}

export interface RegistrationMail {
  name: string;
  id: string;
  existing: boolean;
  contact: string;
}

export interface ReceiptMail {
  name: string;
  claimId: string;
  supporterId: string;
  supportDate: string;
  hours: string;
  amount: number;
  payoutMonth: string | null;
  caseId: string | null;
  caseIdIssued: boolean;
  /** Reasons already rendered in this language: sentence + what to do. */
  problems: { text: string; fix: string }[];
  edited: boolean;
  /** 覚書 or 口座届 not yet received for this program: payment waits for them. */
  documentsMissing: boolean;
  contact: string;
}

export interface NeedsInfoMail {
  name: string;
  claimId: string;
  note: string;
  editUrl: string;
  deadline: string;
  reminder: boolean;
  contact: string;
}

export interface PaidMail {
  name: string;
  month: string;
  payday: string;
  amount: number;
  claimIds: string[];
  net?: number;
  tax?: number;
  /** 緊急支援費 paid in the same transfer (issue 10): not honoraria, never taxed. */
  grants?: number;
  grantIds?: string[];
  contact: string;
}

export interface HeldMail {
  name: string;
  month: string;
  claimIds: string[];
  /** documents: 覚書 / 口座届 not received for the program; account: no valid bank account. */
  kinds: ('documents' | 'account')[];
  contact: string;
}

export interface Catalog {
  language: Language;
  /** The name of the language in itself (日本語 / English / Tiếng Việt). */
  label: string;
  reason(code: ReasonCode, p: ReasonParams): { text: string; fix: string };
  registration(m: RegistrationMail): Mail;
  receipt(m: ReceiptMail): Mail;
  needsInfo(m: NeedsInfoMail): Mail;
  paid(m: PaidMail): Mail;
  held(m: HeldMail): Mail;
  yen(n: number): string;
}
