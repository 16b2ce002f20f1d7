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
  /** The response's edit link; '' when the form does not allow editing. */
  editUrl: string;
  contact: string;
}

/** The claim a staff decision is about, restated in the mail (SPEC §5). */
export interface ClaimRestated {
  claimId: string;
  supportDate: string;
  hours: string;
}

/** A staff note as written, and where the platform could translate it, a machine translation. */
export interface StaffNote {
  note: string;
  /** Machine translation into the reader's language (LanguageApp), or null. */
  translation: string | null;
}

export interface NeedsInfoMail extends ClaimRestated, StaffNote {
  name: string;
  /** The automatic-check reasons, rendered in this language. */
  problems: { text: string; fix: string }[];
  /** The response's edit link; '' when the form does not allow editing (then: how to correct instead). */
  editUrl: string;
  deadline: string;
  reminder: boolean;
  contact: string;
}

/** 却下: the supporter is told, with the note. */
export interface RejectedMail extends ClaimRestated, StaffNote {
  name: string;
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

// ---- issue 10 part A: course questionnaires and documents by post ----

export interface CourseThanksMail {
  name: string;
  id: string;
  course: string;
  /** This course's questionnaire was already recorded: nothing new was added. */
  already: boolean;
  /** Support experience: no questionnaire is needed to claim. */
  experience: boolean;
  /** Questionnaires still missing before claiming (empty: may claim). */
  remaining: string[];
  /** Required courses not asked for support on or before a date (基礎5 in the first year). */
  waived: { course: string; until: string }[];
  /** Wants to support and may now claim: 覚書 and 口座届 come by post. */
  documentsNext: boolean;
  contact: string;
}

export interface CourseIdProblemMail {
  /** What was typed ('' when nothing). */
  typedId: string;
  course: string;
  /** format: malformed or wrong check digit; unknown: well-formed but nobody holds it. */
  kind: 'format' | 'unknown';
  contact: string;
}

export interface DocumentsReminderMail {
  name: string;
  id: string;
  /** The day the office posted the documents (yyyy-MM-dd). */
  sentOn: string;
  missing: ('memorandum' | 'accountForm')[];
  contact: string;
}

/** A transfer the bank returned (振込不能): what happened and what to send (issue 11). */
export interface ReturnedMail {
  name: string;
  /** The payout month whose transfer came back. */
  month: string;
  payday: string;
  /** What was transferred (net), in yen. */
  amount: number;
  claimIds: string[];
  /** The bank's reason as staff recorded it (口座なし, 名義相違 …), in Japanese. */
  reason: string;
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
  rejected(m: RejectedMail): Mail;
  paid(m: PaidMail): Mail;
  held(m: HeldMail): Mail;
  courseThanks(m: CourseThanksMail): Mail;
  courseIdProblem(m: CourseIdProblemMail): Mail;
  documentsReminder(m: DocumentsReminderMail): Mail;
  returned(m: ReturnedMail): Mail;
  yen(n: number): string;
}
