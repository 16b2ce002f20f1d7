/**
 * What the use cases need from the platform, as plain interfaces. The adapters in src/gas
 * implement them over SpreadsheetApp, FormApp, MailApp …; the use cases never see a Range.
 */
import type { Mail } from '../domain/messages';
import type { SheetSchema } from './schema';
import type { Settings } from './settings';

export type Row = Record<string, unknown>;

/** A sheet read once by header; writes are buffered until flush. Row i is sheet row i + 2. */
export interface TablePort {
  readonly length: number;
  has(header: string): boolean;
  get(i: number, header: string): unknown;
  text(i: number, header: string): string;
  find(header: string, value: string): number;
  append(row: Row): number;
  set(i: number, patch: Row): void;
  flush(): boolean;
}

/** A form response as plain data: answers by question title. */
export interface ResponseData {
  id: string;
  formId: string;
  /** Time of the latest submit or edit. */
  timestamp: Date;
  respondentEmail: string;
  answers: Map<string, string | string[]>;
}

export interface Outbox {
  /** Sent when the run's writes are done, within the daily quota; beyond it queued (メール送信待ち). */
  send(to: string, mail: Mail, opts?: { replyTo?: string }): void;
  /** Tells the office (事務局メール) in Japanese. */
  notifyOffice(subject: string, body: string): void;
}

export interface Ctx {
  readonly now: Date;
  /** Who is acting (staff email, or 'system' for triggers). */
  readonly actor: string;
  readonly settings: Settings;
  table(schema: SheetSchema): TablePort;
  log(target: string, content: string): void;
  readonly mail: Outbox;
  /** Script properties: counters that survive sheet edits. */
  prop(key: string): string | null;
  setProp(key: string, value: string): void;
  /** Milliseconds left before the run should stop and resume (6-minute limit). */
  timeLeft(): number;
  /** The claim form's link to edit a response (for 差戻し), or '' when it cannot be found. */
  /** The response's edit link; '' means there is none to give (editing off, response gone): no link in mail. */
  claimEditUrl(responseId: string): string;
  /** True when the spreadsheet has a sheet of that name. */
  sheetExists(name: string): boolean;
  /** Stops the claim form taking responses, with a message to respondents (budget reached). */
  closeClaimForm(message: string): void;
}
