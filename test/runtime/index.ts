/**
 * The in-memory Apps Script runtime: fakes of the services the project uses, plus helpers that
 * play the user (form submits, typing into the sheet) and the trigger scheduler.
 */
import { evaluateFormula, interpret, parseA1 } from './cells';
import { Boundary, CallCounter, Clock, type Fake, fail, nodeRealm, type Realm, unwrap } from './core';
import type { AccountKind, ButtonName, Env, Execution, Meter, SentMail, UiState } from './env';
import { FakeForm, FakeFormApp, FakeFormResponse, type FakeItem } from './forms';
import {
  FakeCacheService,
  FakeLockService,
  FakeLogger,
  FakeLanguageApp,
  FakeMailApp,
  FakePropertiesService,
  FakeSession,
  LanguageState,
  LockState,
  MailState,
  makeConsole,
} from './services';
import { type FakeDataValidation, FakeSheet, type FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { FakeScriptApp, type FakeTrigger, nextDue, TriggerState } from './triggers';
import { FakeHtmlService, FakeUser } from './ui';
import { DriveState, FakeDriveApp, FakeUtilities, MimeType } from './utilities';

export type { Realm } from './core';
export type { SentMail } from './env';

export interface RuntimeOptions {
  now?: Date;
  activeUser?: string;
  effectiveUser?: string;
  /** e-mail recipients left today for every account (default: 100 on consumer accounts, 1,500 on Workspace) */
  mailQuota?: number;
  /** 'consumer' (gmail.com, the default) or 'workspace': what an edit event says about the editor, and the mail quota */
  accountKind?: AccountKind;
  /** at most this many ms of clock time pass while waiting for a lock held by another process (default: the timeout asked for) */
  lockWaitMs?: number;
  /** the clock advances by this much on every service call (default 0), to exercise time budgets */
  callLatencyMs?: number;
  /** an execution (fire, trigger, editCell…) whose clock time passes this fails on its next service call with `Exceeded maximum execution time` (default 6 minutes) */
  maxExecutionMs?: number;
  /** the cost model (off unless given): every call, cell read and cell written advances the clock */
  cost?: Partial<CostModel>;
}

/**
 * What a run costs in clock time. Google publishes no latencies; the figures are the issue's
 * measured assumptions: a service call is a round trip of tens of milliseconds (flat 60 ms, the
 * bench's headline: pessimistic for getters, about right for calls that reach a sheet or a form),
 * a cell read ~10 µs and a cell written ~20 µs. The reference's own advice is the reason the model
 * counts calls first: "Using JavaScript operations within your script is considerably faster than
 * calling other services" and "Alternating read and write commands is slow" (Apps Script, Best
 * practices, "Minimize calls to other services" / "Use batch operations").
 */
export interface CostModel {
  /** ms per service call */
  callMs: number;
  /** ms per cell returned to the script */
  readCellMs: number;
  /** ms per cell written */
  writeCellMs: number;
  /** ms per cell a TextFinder searches on Google's side (nothing is sent back but the matches) */
  scanCellMs: number;
  /** per-method overrides (`Class.method` → ms); none by default: the flat model is the headline */
  methodMs: Record<string, number>;
}

export const DEFAULT_COST: CostModel = { callMs: 60, readCellMs: 0.01, writeCellMs: 0.02, scanCellMs: 0.0005, methodMs: {} };

/** One top-level execution as the cost model saw it. */
export interface ExecutionRecord {
  handler: string;
  kind: 'ui' | 'trigger';
  start: number;
  end: number;
  /** clock ms from start to end */
  ms: number;
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  cellsScanned: number;
  /** ms spent waiting in tryLock/waitLock, and holding the script lock */
  lockWaitMs: number;
  lockHeldMs: number;
  /** the script lock was asked for and never obtained */
  lockFailed: boolean;
  error?: unknown;
}

type Answers = Record<string, string | string[]>;
type Job = { handler: string; exec: Execution; event: unknown };

export interface Runtime {
  globals: Record<string, unknown>;
  clock: { now(): Date; set(d: Date): void; advance(ms: number): void };
  /** Service calls: counts, and `startTrace()`/`stopTrace()` for the list of calls in order (a diagnostic). */
  calls: { total(): number; byMethod(): Record<string, number>; reset(): void; startTrace(): void; stopTrace(): string[] };
  mail: { sent: SentMail[]; setQuota(n: number, account?: string): void };
  ui: UiState & { queueResponse(r: { button: ButtonName; text?: string }): void };
  logs: string[];
  locks: {
    holdScriptLock(ms?: number): void;
    releaseScriptLock(): void;
    holdDocumentLock(ms?: number): void;
    releaseDocumentLock(): void;
  };
  /** LanguageApp: the translations asked for, and a switch to make them fail */
  language: { calls: { text: string; source: string; target: string }[]; failWith(message: string | null): void };
  /** `Class.member` names the script touched that the fake does not implement */
  notImplemented: string[];
  /** errors thrown by trigger handlers (they are also rethrown to the caller) */
  triggerErrors: { handler: string; error: unknown }[];
  createSpreadsheet(name: string, opts?: { bound?: boolean }): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** a form made by hand in the Forms UI (published unless `published: false`) */
  createForm(title: string, opts?: { published?: boolean }): GoogleAppsScript.Forms.Form;
  /** `silent`: the response is stored but no submit trigger fires (e.g. responses received before the trigger existed, or seeding a benchmark) */
  submit(form: GoogleAppsScript.Forms.Form, answers: Answers, opts?: { respondentEmail?: string; silent?: boolean }): GoogleAppsScript.Forms.FormResponse;
  editResponse(response: GoogleAppsScript.Forms.FormResponse, answers: Answers): GoogleAppsScript.Forms.FormResponse;
  editCell(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string, value: unknown, opts?: { user?: string }): void;
  /** the user selects ranges (comma-separated A1, e.g. 'A2:K3,A5') in `sheet`, which becomes the active sheet */
  select(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string): void;
  /** opens the bound spreadsheet in the UI: runs a simple `onOpen` and installable open triggers */
  open(opts?: { user?: string }): void;
  runTimeTriggers(): string[];
  /** runs `handler` as a menu/editor run by `opts.user` (default: the active user) */
  fire(handler: string, event?: unknown, opts?: { user?: string }): unknown;
  /** like fire, with any arguments (e.g. createPayout('2024-05')) */
  invoke(handler: string, args: unknown[], opts?: { user?: string }): unknown;
  /** From now on menu runs, edits and opens without an explicit user are made by `email`. */
  setActiveUser(email: string): void;
  /** Fault injection: the call of `method` (e.g. 'ItemResponse.getResponse') after `after` more calls throws `message` once. */
  failNext(method: string, message: string, after?: number): void;
  /** From now on each service call (or only `method`, e.g. 'Range.getValues') advances the clock by `ms`. */
  setCallLatency(ms: number, method?: string): void;
  /** The cost model: on/off, and the cells moved so far (all executions and helpers). */
  cost: {
    enable(model?: Partial<CostModel>): void;
    disable(): void;
    readonly model: CostModel | null;
    cellsRead(): number;
    cellsWritten(): number;
    cellsScanned(): number;
  };
  /** Every top-level execution that ran (handler, clock time, calls, cells, lock wait and hold). */
  executions: ExecutionRecord[];
  /**
   * Executions that start at given instants, as if concurrent (e.g. 30 submits in the same minute).
   * The runtime is synchronous, so they run one after another in order of their start instant, in
   * virtual time: each starts with the clock at its instant, and the script lock held by an earlier
   * one counts as held by another process until the instant it was released; a later one waits for
   * it in tryLock/waitLock, or fails after its timeout. Returns the records of each job's executions.
   * (Approximation: the lock goes to executions in order of start, not of asking.)
   */
  burst(jobs: { at: Date; run: () => void }[]): { at: Date; records: ExecutionRecord[]; error?: unknown }[];
  /**
   * Staff typing while a script runs: in the next top-level execution, after its `afterCalls`-th
   * service call, `value` is typed into `a1` (as editCell would, checks included); the edit
   * triggers fire when that execution has ended.
   */
  typeDuring(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string, value: unknown, opts: { afterCalls: number; user?: string }): void;
  /** `fresh`: runs the script's top level again, called as each top-level execution starts. */
  bind(resolve: (name: string) => ((...a: unknown[]) => unknown) | undefined, fresh?: () => void): void;
  setRealm(realm: Partial<Realm>): void;
  setDateFactory(f: (ms: number) => Date): void;
  /** every installable trigger of the project, whoever owns it */
  triggers(): { uid: string; handler: string; eventType: string; source: string; sourceId: string | null; nextRun: Date | null; owner: string }[];
  drive: { files(): { id: string; name: string; mimeType: string; bytes: number[]; folderId: string }[] };
}

const SCRIPT_TZ = 'Asia/Tokyo';

export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  let realm: Realm = { ...nodeRealm };
  const clock = new Clock(opts.now ?? new Date(Date.UTC(2024, 0, 1, 0, 0, 0)));
  const calls = new CallCounter();
  const boundary = new Boundary(calls, () => realm);
  const ui: UiState = { alerts: [], prompts: [], dialogLog: [], toasts: [], queued: [], menus: [], dialogs: [] };
  let activeUser = opts.activeUser ?? 'staff@example.org';
  const effectiveUser = opts.effectiveUser ?? activeUser;
  const accountKind: AccountKind = opts.accountKind ?? 'consumer';
  const counters = new Map<string, number>();
  let costModel: CostModel | null = opts.cost ? { ...DEFAULT_COST, ...opts.cost } : null;
  const moved = { read: 0, written: 0, scanned: 0 };
  const meter: Meter = {
    read(n) {
      moved.read += n;
      if (costModel) clock.advance(n * costModel.readCellMs);
    },
    write(n) {
      moved.written += n;
      if (costModel) clock.advance(n * costModel.writeCellMs);
    },
    scan(n) {
      moved.scanned += n;
      if (costModel) clock.advance(n * costModel.scanCellMs);
    },
  };
  const env: Env = {
    meter,
    clock,
    calls,
    boundary,
    realm: () => realm,
    ui,
    logs: [],
    activeUser,
    get effectiveUser() {
      return env.exec.effective;
    },
    accountKind,
    exec: { kind: 'ui', user: activeUser, effective: effectiveUser },
    nextId(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `1fake${prefix[0].toUpperCase()}${prefix.slice(1)}${String(n).padStart(4, '0')}`;
    },
    spreadsheets: new Map(),
    forms: new Map(),
    boundSpreadsheetId: null,
  };

  let latency = opts.callLatencyMs ?? 0;
  let latencyOnly: string | null = null;
  const faults: { method: string; message: string; after: number }[] = [];
  const maxExecutionMs = opts.maxExecutionMs ?? 6 * 60 * 1000;
  let execCalls = 0;
  let typing: { afterCalls: number; apply: () => Job[] } | null = null;
  let armedTyping: { afterCalls: number; apply: () => Job[] } | null = null;
  const typedJobs: Job[] = [];
  boundary.beforeCall = (key: string) => {
    execCalls++;
    if (armedTyping && execCalls > armedTyping.afterCalls) {
      const t = armedTyping;
      armedTyping = null;
      typedJobs.push(...t.apply());
    }
    if (costModel) clock.advance(costModel.methodMs[key] ?? costModel.callMs);
    else if (latency > 0 && (latencyOnly === null || key === latencyOnly)) clock.advance(latency);
    const fault = faults.find((f) => f.method === key);
    if (fault) {
      if (fault.after > 0) fault.after--;
      else {
        faults.splice(faults.indexOf(fault), 1);
        fail(fault.message);
      }
    }
    const started = env.exec.startedAt;
    if (started !== undefined && clock.nowMs() - started > maxExecutionMs) fail('Exceeded maximum execution time');
  };

  // Quotas: "Email recipients per day: 100 (consumer) / 1,500 (Google Workspace)", counted per account.
  const mailState = new MailState(opts.mailQuota ?? (accountKind === 'workspace' ? 1500 : 100), env);
  const lockState = new LockState();
  const languageState = new LanguageState();
  lockState.waitCap = opts.lockWaitMs;
  const triggerState = new TriggerState();
  const drive = new DriveState();

  const spreadsheetApp = new FakeSpreadsheetApp(env);
  const formApp = new FakeFormApp(env);
  const scriptApp = new FakeScriptApp(env, triggerState, SCRIPT_TZ, '1fakeScriptId0001');
  const services: Record<string, Fake> = {
    SpreadsheetApp: spreadsheetApp,
    FormApp: formApp,
    MailApp: new FakeMailApp(env, mailState),
    LanguageApp: new FakeLanguageApp(languageState),
    ScriptApp: scriptApp,
    LockService: new FakeLockService(env, lockState),
    PropertiesService: new FakePropertiesService(env),
    CacheService: new FakeCacheService(env),
    Session: new FakeSession(env, SCRIPT_TZ),
    Utilities: new FakeUtilities(env),
    DriveApp: new FakeDriveApp(env, drive),
    Logger: new FakeLogger(env),
    HtmlService: new FakeHtmlService(),
  };
  const globals: Record<string, unknown> = {};
  for (const [name, svc] of Object.entries(services)) globals[name] = boundary.wrap(svc);
  globals.MimeType = MimeType;
  globals.console = makeConsole(env);

  let resolver: ((name: string) => ((...a: unknown[]) => unknown) | undefined) | null = null;
  let freshGlobals: (() => void) | null = null;
  const triggerErrors: { handler: string; error: unknown }[] = [];
  const notImplemented = boundary.notImplemented;

  const out = <T>(v: unknown): T => boundary.exportValue(v) as T;

  function resolve(handler: string): (...a: unknown[]) => unknown {
    if (!resolver) throw new Error('Fake Apps Script: runtime.bind() was not called (load the bundle with loadBundle)');
    const fn = resolver(handler);
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${handler}`);
    return fn;
  }

  const executions: ExecutionRecord[] = [];

  /** Runs one execution; script locks held by it are released when it ends, as on Google. */
  function execute(exec: Execution, handler: string, event: unknown, args?: unknown[]): unknown {
    const saved = env.exec;
    const top = saved === baseExec;
    // Every execution on Google loads the script afresh: nothing a run left in a global variable is
    // there for the next one (state that must last goes in PropertiesService or CacheService).
    if (top && freshGlobals) freshGlobals();
    const fn = resolve(handler);
    const start = clock.nowMs();
    const before = { calls: calls.total(), ...moved };
    const savedCalls = execCalls;
    if (top) {
      execCalls = 0;
      armedTyping = typing;
      typing = null;
    }
    const current: Execution = { ...exec, startedAt: start };
    env.exec = current;
    let error: unknown;
    try {
      if (args) return fn(...args);
      return event === undefined ? fn() : fn(event);
    } catch (e) {
      error = e;
      throw e;
    } finally {
      env.exec = saved;
      if (top) {
        lockState.releaseMine(current, clock.nowMs());
        const end = clock.nowMs();
        executions.push({
          handler,
          kind: exec.kind,
          start,
          end,
          ms: end - start,
          calls: calls.total() - before.calls,
          cellsRead: moved.read - before.read,
          cellsWritten: moved.written - before.written,
          cellsScanned: moved.scanned - before.scanned,
          lockWaitMs: current.lockWaitMs ?? 0,
          lockHeldMs: current.lockHeldMs ?? 0,
          lockFailed: current.lockAskedAt !== undefined && current.lockHeldMs === undefined,
          ...(error !== undefined ? { error } : {}),
        });
        armedTyping = null;
        // What staff typed during the run fires its edit triggers now that the run is over.
        if (typedJobs.length > 0) {
          const jobs = typedJobs.splice(0);
          runAll(jobs);
        }
      } else execCalls = savedCalls;
    }
  }
  const baseExec = env.exec;

  /** Runs trigger handlers; every one runs, the first error is rethrown afterwards. */
  function runAll(jobs: Job[]): void {
    let first: { error: unknown } | null = null;
    for (const j of jobs) {
      try {
        execute(j.exec, j.handler, j.event);
      } catch (error) {
        triggerErrors.push({ handler: j.handler, error });
        if (!first) first = { error };
      }
    }
    if (first) throw first.error;
  }

  function triggersFor(sourceId: string, eventType: string): FakeTrigger[] {
    return triggerState.triggers.filter((t) => t._sourceId === sourceId && t._eventType === eventType);
  }

  function checkAnswers(form: FakeForm, answers: Answers, merged: Map<FakeItem, string | string[]>): void {
    for (const [title, answer] of Object.entries(answers)) {
      const item = form._items.find((i) => i._title === title && i._type !== 'SECTION_HEADER');
      if (!item) throw new Error(`submit: the form "${form._title}" has no question titled "${title}"`);
      const empty = answer === '' || (Array.isArray(answer) && answer.length === 0);
      if (empty) {
        merged.delete(item);
        continue;
      }
      if (item._type === 'CHECKBOX') {
        if (!Array.isArray(answer)) throw new Error(`submit: "${title}" is a checkbox question; give a string[]`);
      } else if (Array.isArray(answer)) throw new Error(`submit: "${title}" takes one answer (a string)`);
      const list = Array.isArray(answer) ? answer : [answer];
      if (['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'].includes(item._type) && !item._other) {
        const bad = list.find((a) => !item._choices.includes(a));
        if (bad !== undefined) throw new Error(`submit: "${bad}" is not a choice of "${title}" (${item._choices.join(' / ')})`);
      }
      if (item._type === 'DATE' && !/^\d{4}-\d{2}-\d{2}$/.test(String(answer))) throw new Error(`submit: "${title}" is a date question; give yyyy-MM-dd`);
      if (item._type === 'DURATION' && !/^\d{2,}:\d{2}:\d{2}$/.test(String(answer))) throw new Error(`submit: "${title}" is a duration question; give hh:mm:ss`);
      if (item._type === 'TIME' && !/^\d{2}:\d{2}$/.test(String(answer))) throw new Error(`submit: "${title}" is a time question; give HH:mm`);
      if (item._validation && !Array.isArray(answer) && !item._validation._accepts(answer)) {
        throw new Error(`submit: the answer to "${title}" fails the question's validation (${item._validation._helpText || 'no help text'})`);
      }
      merged.set(item, Array.isArray(answer) ? [...answer] : answer);
    }
    for (const item of form._items) {
      if (item._required && !merged.has(item)) throw new Error(`submit: the required question "${item._title}" has no answer`);
    }
  }

  function fireFormSubmit(form: FakeForm, response: FakeFormResponse): void {
    runAll(
      triggersFor(form._id, 'ON_FORM_SUBMIT').map((t) => ({
        handler: t._handler,
        exec: asOwner(t),
        event: { authMode: 'FULL', response: out(response), source: out(form), triggerUid: t._uid },
      })),
    );
  }

  // ---------------------------------------------------------------- accounts (who runs what)
  // "Installable triggers always run under the account of the person who created them. [...] if you
  // create a trigger to send an email when a document is opened, the email is always sent from your
  // account" (guides/triggers/installable). Session.getEffectiveUser: "If the script is running under
  // an installable trigger, this returns the account of the user who created the trigger."
  function asOwner(t: FakeTrigger): Execution {
    return { kind: 'trigger', user: t._owner, effective: t._owner };
  }

  const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  /**
   * The editor's email as an edit/open event (e.user) and Session.getActiveUser() reveal it to a script
   * authorised by `authorizer`. User.getEmail: "If security policies do not allow access to the user's
   * email address, this method returns a blank string. [...] the user's email address is not available
   * in any context that allows a script to run without that user's authorization [...] However, these
   * restrictions generally do not apply if the developer runs the script themselves or belongs to the
   * same Google Workspace domain as the user." So: the authorizer themselves, or (Workspace) a colleague
   * of the same domain; on consumer accounts nobody else.
   */
  function visibleEmail(editor: string, authorizer: string): string {
    if (editor === authorizer) return editor;
    if (accountKind === 'workspace' && domainOf(editor) === domainOf(authorizer)) return editor;
    return '';
  }

  /** The simple trigger (as the person, LIMITED) and each installable trigger (as its owner) of a user's action. */
  function userEventJobs(ss: FakeSpreadsheet, eventType: string, simple: string, user: string, event: Record<string, unknown>) {
    const jobs: { handler: string; exec: Execution; event: unknown }[] = [];
    if (resolver?.(simple)) {
      // A simple trigger runs without authorization: it sees the user only where the rule above allows
      // (the spreadsheet's owner stands in for the developer).
      const seen = visibleEmail(user, ss._owner);
      jobs.push({ handler: simple, exec: { kind: 'ui', user: seen, effective: user }, event: { ...event, authMode: 'LIMITED', user: out(new FakeUser(seen)) } });
    }
    for (const t of triggersFor(ss._id, eventType)) {
      const seen = visibleEmail(user, t._owner);
      jobs.push({ handler: t._handler, exec: { kind: 'ui', user: seen, effective: t._owner }, event: { ...event, user: out(new FakeUser(seen)), triggerUid: t._uid } });
    }
    return jobs;
  }

  /** Staff typing into the sheet (checks as Google makes them); returns the edit triggers to fire. */
  function typeInto(sheetProxy: GoogleAppsScript.Spreadsheet.Sheet, a1: string, value: unknown, who?: string): Job[] {
    const sheet = unwrap(sheetProxy) as unknown as FakeSheet;
    if (!(sheet instanceof FakeSheet)) throw new Error('editCell: not a sheet of this runtime');
    const p = parseA1(a1);
    if (!p || p.sheet !== undefined) throw new Error(`editCell: bad A1 notation ${a1}`);
    const range = sheet._rangeFromA1(p);
    const user = who ?? activeUser;
    const single = range._nr === 1 && range._nc === 1;
    const grid: unknown[][] = single ? [[value]] : (value as unknown[][]);
    if (!single && (!Array.isArray(grid) || grid.length !== range._nr || grid.some((r) => !Array.isArray(r) || r.length !== range._nc))) {
      throw new Error(`editCell: ${a1} needs a ${range._nr}x${range._nc} array`);
    }
    for (let r = 0; r < range._nr; r++) {
      for (let c = 0; c < range._nc; c++) {
        const row = range._row + r;
        const col = range._col + c;
        if (sheet._protections.some((pr) => !pr._allows(user, row, col))) {
          throw new Error(`editCell: ${user} may not edit the protected cell ${sheet._name}!${a1}`);
        }
      }
    }
    const oldCell = sheet._cell(range._row, range._col);
    const oldValue = oldCell && oldCell.v !== '' ? range._serial(oldCell.v) : undefined;
    // typed values are checked against data validation that rejects invalid input
    const tz = sheet._ss._tz;
    for (let r = 0; r < range._nr; r++) {
      for (let c = 0; c < range._nc; c++) {
        const cell = sheet._cell(range._row + r, range._col + c);
        const dv = cell?.dv as FakeDataValidation | undefined;
        if (!dv || dv._allowInvalid) continue;
        const typed = interpret(grid[r][c], cell?.fmt, tz, evaluateFormula, clock.nowMs()).v;
        if (!dv._accepts(typed, tz)) {
          throw new Error(`editCell: the data entered in ${sheet._name}!${a1} violates the data validation rules set on this cell`);
        }
      }
    }
    for (let r = 0; r < range._nr; r++) for (let c = 0; c < range._nc; c++) sheet._write(range._row + r, range._col + c, grid[r][c]);
    const event: Record<string, unknown> = { authMode: 'FULL', range: out(range), source: out(sheet._ss) };
    if (single) {
      const now = sheet._cell(range._row, range._col);
      if (now && now.v !== '') event.value = range._serial(now.v);
      if (oldValue !== undefined) event.oldValue = oldValue;
    }
    return userEventJobs(sheet._ss, 'ON_EDIT', 'onEdit', user, event);
  }

  let responseCounter = 0;

  const runtime: Runtime = {
    globals,
    language: {
      calls: languageState.calls,
      failWith: (message) => {
        languageState.failure = message;
      },
    },
    clock: {
      now: () => clock.now(),
      set: (d) => clock.set(d),
      advance: (ms) => clock.advance(ms),
    },
    calls: {
      total: () => calls.total(),
      byMethod: () => calls.byMethod(),
      reset: () => calls.reset(),
      startTrace: () => {
        calls.trace = [];
      },
      stopTrace: () => {
        const t = calls.trace ?? [];
        calls.trace = null;
        return t;
      },
    },
    mail: {
      sent: mailState.sent,
      setQuota: (n, account) => mailState.setQuota(n, account),
    },
    ui: Object.assign(ui, {
      queueResponse(r: { button: ButtonName; text?: string }) {
        ui.queued.push(r);
      },
    }),
    logs: env.logs,
    locks: {
      holdScriptLock: (ms?: number) => lockState.holdByOther('script', clock.nowMs(), ms),
      releaseScriptLock: () => lockState.releaseOther('script'),
      holdDocumentLock: (ms?: number) => lockState.holdByOther('document', clock.nowMs(), ms),
      releaseDocumentLock: () => lockState.releaseOther('document'),
    },
    notImplemented,
    triggerErrors,

    createSpreadsheet(name, o) {
      const ss = spreadsheetApp._create(name);
      const bound = o?.bound ?? env.boundSpreadsheetId === null;
      if (bound) env.boundSpreadsheetId = ss._id;
      return out(ss);
    },

    createForm(title, o) {
      const form = formApp._create(title);
      form._published = o?.published ?? true;
      return out(form);
    },

    submit(formProxy, answers, o) {
      const form = unwrap(formProxy) as unknown as FakeForm;
      if (!(form instanceof FakeForm)) throw new Error('submit: not a form of this runtime');
      if (!form._published) throw new Error(`submit: the form "${form._title}" is not published: nobody can open it to respond (Form.setPublished)`);
      if (!form._accepting) throw new Error(`submit: the form "${form._title}" is not accepting responses`);
      const email = o?.respondentEmail ?? '';
      if (form._collectEmail && !email) throw new Error(`submit: the form "${form._title}" collects email; pass respondentEmail`);
      const merged = new Map<FakeItem, string | string[]>();
      checkAnswers(form, answers, merged);
      responseCounter += 1;
      const id = `2_ABaOnu${String(responseCounter).padStart(6, '0')}fakeResp`;
      const response = new FakeFormResponse(form, id, clock.nowMs(), email);
      response._answers = merged;
      form._responses.push(response);
      if (!o?.silent) fireFormSubmit(form, response);
      return out(response);
    },

    editResponse(responseProxy, answers) {
      const response = unwrap(responseProxy) as unknown as FakeFormResponse;
      if (!(response instanceof FakeFormResponse)) throw new Error('editResponse: not a response of this runtime');
      const form = response._form;
      if (!form._allowEdit) throw new Error(`editResponse: the form "${form._title}" does not allow editing responses (setAllowResponseEdits)`);
      const merged = new Map(response._answers);
      // answers to questions deleted since are kept as they were
      checkAnswers(form, answers, merged);
      response._answers = merged;
      response._timestamp = clock.nowMs();
      fireFormSubmit(form, response);
      return out(response);
    },

    editCell(sheetProxy, a1, value, o) {
      runAll(typeInto(sheetProxy, a1, value, o?.user));
    },

    select(sheetProxy, a1) {
      const sheet = unwrap(sheetProxy) as unknown as FakeSheet;
      if (!(sheet instanceof FakeSheet)) throw new Error('select: not a sheet of this runtime');
      const ranges = a1.split(',').map((part) => {
        const p = parseA1(part.trim());
        if (!p || p.sheet !== undefined) throw new Error(`select: bad A1 notation ${part}`);
        return sheet._rangeFromA1(p);
      });
      sheet._ss._active = sheet;
      sheet._ss._selection = ranges;
    },

    typeDuring(sheetProxy, a1, value, o) {
      typing = { afterCalls: o.afterCalls, apply: () => typeInto(sheetProxy, a1, value, o.user) };
    },

    burst(jobs) {
      const order = jobs.map((j, i) => ({ ...j, i })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
      const out: { at: Date; records: ExecutionRecord[]; error?: unknown }[] = new Array(jobs.length);
      let latest = clock.nowMs();
      for (const j of order) {
        clock.set(j.at);
        // The lock released by an earlier job at a later instant is, for this one, held by another process.
        if (lockState.lastScriptRelease > clock.nowMs()) lockState.holdByOther('script', clock.nowMs(), lockState.lastScriptRelease - clock.nowMs());
        const from = executions.length;
        let error: unknown;
        try {
          j.run();
        } catch (e) {
          error = e;
        }
        lockState.releaseOther('script');
        latest = Math.max(latest, clock.nowMs());
        out[j.i] = { at: j.at, records: executions.slice(from), ...(error !== undefined ? { error } : {}) };
      }
      clock.set(new Date(latest));
      return out;
    },

    cost: {
      enable(model) {
        costModel = { ...DEFAULT_COST, ...model };
      },
      disable() {
        costModel = null;
      },
      get model() {
        return costModel;
      },
      cellsRead: () => moved.read,
      cellsWritten: () => moved.written,
      cellsScanned: () => moved.scanned,
    },
    executions,

    open(o) {
      const id = env.boundSpreadsheetId;
      if (!id) throw new Error('open: no bound spreadsheet');
      const ss = env.spreadsheets.get(id) as FakeSpreadsheet;
      const user = o?.user ?? activeUser;
      runAll(userEventJobs(ss, 'ON_OPEN', 'onOpen', user, { source: out(ss), authMode: 'FULL' }));
    },

    runTimeTriggers() {
      const now = clock.nowMs();
      const due = triggerState.triggers.filter((t) => t._eventType === 'CLOCK' && t._next <= now).sort((a, b) => a._next - b._next);
      const jobs: { handler: string; exec: Execution; event: unknown }[] = [];
      for (const t of due) {
        const s = t._schedule;
        if (!s || s.kind === 'after' || s.kind === 'at') {
          const i = triggerState.triggers.indexOf(t);
          if (i >= 0) triggerState.triggers.splice(i, 1);
        } else t._next = nextDue(s, now, t._created);
        const d = new Date(now);
        const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
        jobs.push({
          handler: t._handler,
          exec: asOwner(t),
          event: {
            authMode: 'FULL',
            'day-of-month': d.getUTCDate(),
            'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
            hour: d.getUTCHours(),
            minute: d.getUTCMinutes(),
            month: d.getUTCMonth() + 1,
            second: d.getUTCSeconds(),
            timezone: 'UTC',
            triggerUid: t._uid,
            'week-of-year': Math.floor((now - jan1) / (7 * 86400000)) + 1,
            year: d.getUTCFullYear(),
          },
        });
      }
      runAll(jobs);
      return jobs.map((j) => j.handler);
    },

    fire(handler, event, o) {
      const user = o?.user ?? activeUser;
      return execute({ kind: 'ui', user, effective: user }, handler, event);
    },

    failNext(method, message, after = 0) {
      faults.push({ method, message, after });
    },
    setCallLatency(ms, method) {
      latency = ms;
      latencyOnly = method ?? null;
    },
    invoke(handler, args, o) {
      const user = o?.user ?? activeUser;
      return execute({ kind: 'ui', user, effective: user }, handler, undefined, args);
    },
    setActiveUser(email) {
      activeUser = email;
      env.activeUser = email;
    },

    bind(r, fresh) {
      resolver = r;
      freshGlobals = fresh ?? null;
    },

    setRealm(r) {
      realm = { ...realm, ...r };
    },

    setDateFactory(f) {
      realm = { ...realm, date: f };
    },

    triggers() {
      return triggerState.triggers.map((t) => ({
        uid: t._uid,
        handler: t._handler,
        eventType: t._eventType,
        source: t._source,
        sourceId: t._sourceId,
        nextRun: t._eventType === 'CLOCK' && Number.isFinite(t._next) ? new Date(t._next) : null,
        owner: t._owner,
      }));
    },

    drive: {
      files: () =>
        [...drive.files.values()]
          .filter((f) => !f.trashed)
          .map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, bytes: [...f.bytes], folderId: f.folderId })),
    },
  };
  return runtime;
}
