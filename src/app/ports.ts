/**
 * What the use cases need from the platform, as plain interfaces. The adapters in src/gas
 * implement them over SpreadsheetApp, FormApp, MailApp …; the use cases never see a Range.
 */
import type { Mail } from '../domain/messages';
import type { SheetSchema } from './schema';
import type { Settings } from './settings';

export type Row = Record<string, unknown>;

/**
 * A sheet by header; writes are buffered until flush, and only the cells set are written. Row i is
 * sheet row i + 2. `H` is the sheet's declared headers: another header fails to compile.
 */
export interface TablePort<H extends string = string> {
  readonly length: number;
  has(header: H): boolean;
  get(i: number, header: H): unknown;
  text(i: number, header: H): string;
  /** The first row whose cell equals value, or -1. */
  find(header: H, value: string): number;
  /**
   * Every row whose cell equals value, in sheet order (`matches`: a looser check of a candidate
   * whose text equals value but for case, e.g. an email).
   */
  findAll(header: H, value: string, matches?: (cell: unknown) => boolean): number[];
  /**
   * findAll for the rows of one group that lie close together (a session's sign-ups): the TextFinder
   * gives the first and the last, and `cols` of the rows between are read in one block, so the cost
   * is a few calls whatever the number of rows found and the length of the sheet. Other columns of
   * those rows are read when asked for. (Scattered rows are read as findAll reads them.)
   */
  findGroup(header: H, value: string, cols: readonly H[]): number[];
  /** Reads these rows in as few calls as possible (before a loop over them); `inSheet`: known sheet rows. */
  load(indexes: readonly number[], inSheet?: boolean): void;
  /** Every value of one column. */
  column(header: H): unknown[];
  append(row: Partial<Record<H, unknown>>): number;
  set(i: number, patch: Partial<Record<H, unknown>>): void;
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
  /** The whole sheet, read once (for a run whose work is the whole table). */
  table<H extends string>(schema: SheetSchema<H>): TablePort<H>;
  /**
   * The same sheet for lookups: only its header is read; rows are read when found or asked for.
   * (When the run already read the whole sheet, that table is returned.)
   */
  lookup<H extends string>(schema: SheetSchema<H>): TablePort<H>;
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
  /**
   * A machine translation (LanguageApp) of `text` into `to`, the source detected; null when the
   * platform cannot give one (a failure or the daily limit): then the text goes as written.
   */
  translate(text: string, to: string): string | null;
  /** Stops the claim form taking responses, with a message to respondents (budget reached, no program open). */
  closeClaimForm(message: string): boolean;
  /** The claim form takes responses again (a program opened). */
  openClaimForm(): void;
}
