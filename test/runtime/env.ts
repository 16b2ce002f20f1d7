/** Shared state of one fake runtime, handed to every fake service. */
import type { Boundary, CallCounter, Clock, Realm } from './core';

export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  /** bytes are unsigned (0..255), ready for Buffer.from */
  attachments?: { name: string; bytes: number[]; contentType: string }[];
  at: Date;
  /** the account it was sent from (the effective user: a trigger's creator) */
  from: string;
}

export type AccountKind = 'consumer' | 'workspace';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export interface UiState {
  alerts: string[];
  prompts: string[];
  /** every alert/prompt with its title and button set */
  dialogLog: { kind: 'alert' | 'prompt'; title: string; message: string; buttons: string }[];
  toasts: { message: string; title: string }[];
  queued: { button: ButtonName; text?: string }[];
  menus: { name: string; items: { caption: string; functionName: string }[] }[];
  dialogs: { title: string; html: string; kind: 'modal' | 'modeless' | 'sidebar'; width: number; height: number }[];
}

/** What kind of execution is running: started from the editor UI (menu, onOpen, onEdit) or a background trigger. */
export interface Execution {
  kind: 'ui' | 'trigger';
  /** the active user's email as Session.getActiveUser() gives it ('' where Google withholds it) */
  user: string;
  /** the account whose authority the execution runs under (Session.getEffectiveUser): the person at
   *  the keyboard for a menu or editor run, the trigger's creator for an installable trigger */
  effective: string;
  /** clock time when the execution started (absent outside executions) */
  startedAt?: number;
  /** script lock bookkeeping of this execution (clock ms): when it was asked for, got, let go */
  lockAskedAt?: number;
  lockAcquiredAt?: number;
  lockHeldMs?: number;
  lockWaitMs?: number;
}

/** Counts cells moved between the script and the sheets; with a cost model, advances the clock. */
export interface Meter {
  /** cells returned to the script (getValues, getValue, getDisplayValues, getFormulas …) */
  read(cells: number): void;
  /** cells written by the script (setValues, setValue, appendRow …) */
  write(cells: number): void;
  /** cells searched on Google's side without being returned (TextFinder) */
  scan(cells: number): void;
}

export interface Env {
  clock: Clock;
  calls: CallCounter;
  boundary: Boundary;
  realm(): Realm;
  ui: UiState;
  logs: string[];
  activeUser: string;
  /** the effective user of the running execution (a getter over exec.effective) */
  readonly effectiveUser: string;
  /** consumer (gmail.com) or Google Workspace accounts: what edit events reveal and the mail quota */
  accountKind: AccountKind;
  exec: Execution;
  meter: Meter;
  nextId(prefix: string): string;
  /** registries filled by the service modules */
  spreadsheets: Map<string, unknown>;
  forms: Map<string, unknown>;
  boundSpreadsheetId: string | null;
}
