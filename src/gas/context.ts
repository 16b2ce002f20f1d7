/**
 * The run context: one per trigger or menu call. Opens tables lazily (one read each), buffers
 * ログ lines and writes everything at the end, so a run costs a constant number of service calls.
 */
import type { Ctx, Outbox, TablePort } from '../app/ports';
import type { SheetSchema } from '../app/schema';
import { CLAIMS, GRANTS, LOG, OUTBOX, SETTINGS, SIGNUPS } from '../app/schema';
import { formatClaims } from './format';
import { formatGrants, formatSignups } from './programSheets';
import type { Settings } from '../app/settings';
import { parseSettings } from '../app/settings';
import type { Mail } from '../domain/messages';
import { isPlausibleEmail } from '../domain/text';
import { tryOpenForm } from './forms';
import { Table } from './table';

/** The sheets formatted again when a run adds rows past the sheet's grid (the same functions setup runs). */
const FORMAT_ON_GROW: Record<string, (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => void> = {
  [CLAIMS.name]: formatClaims,
  [SIGNUPS.name]: formatSignups,
  [GRANTS.name]: formatGrants,
};

/** Apps Script stops a run at 6 minutes; we stop at 4.5 and resume from a trigger. */
const RUN_BUDGET_MS = 270_000;
const SPREADSHEET_ID_KEY = 'SPREADSHEET_ID';

let scriptProps: GoogleAppsScript.Properties.Properties | undefined;
/**
 * The script's Properties service, asked of PropertiesService once per execution (each execution
 * loads the script afresh): the edit trigger's checks and its run share one object, one call.
 */
export function scriptProperties(): GoogleAppsScript.Properties.Properties {
  scriptProps ??= PropertiesService.getScriptProperties();
  return scriptProps;
}

let propsSeenAtStart: Record<string, string> | null = null;
/**
 * The script properties as this execution found them, read in one call (`getProperties`) the first
 * time it is asked: for what a trigger decides before the lock (is this trigger recorded? is mail
 * waiting?). Never for what the lock serialises (counters, totals): those are read under it.
 */
export function propsAtStart(): Record<string, string> {
  propsSeenAtStart ??= scriptProperties().getProperties();
  return propsSeenAtStart;
}

export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = scriptProperties().getProperty(SPREADSHEET_ID_KEY);
  if (!id) throw new Error('スプレッドシートが見つかりません。スプレッドシートのメニューから「初期設定」を実行してください');
  return SpreadsheetApp.openById(id);
}

export function rememberSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  scriptProperties().setProperty(SPREADSHEET_ID_KEY, ss.getId());
}

export class GasCtx implements Ctx {
  readonly now: Date;
  readonly started: number;
  private readonly tables = new Map<string, Table>();
  private readonly logLines: unknown[][] = [];
  private settingsCache?: Settings;
  private props?: GoogleAppsScript.Properties.Properties;
  private readonly pendingProps = new Map<string, string>();
  private propCache?: Record<string, string>;
  private logTable?: Table;
  readonly mail: GasOutbox;

  /** `started`: when this execution began (several contexts in one run share the 6-minute limit). */
  constructor(
    readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    readonly actor: string,
    started?: number,
  ) {
    this.now = new Date();
    this.started = started ?? this.now.getTime();
    this.mail = new GasOutbox(this);
  }

  get settings(): Settings {
    if (!this.settingsCache) {
      const t = this.openTable(SETTINGS);
      const entries: [unknown, unknown][] = [];
      for (let i = 0; i < t.length; i++) entries.push([t.get(i, 'キー'), t.get(i, '値')]);
      this.settingsCache = parseSettings(entries);
    }
    return this.settingsCache;
  }

  /** The whole sheet (one read); a lean table this run opened before is completed in place. */
  openTable<H extends string>(schema: SheetSchema<H>): Table<H> {
    const t = this.tableOf(schema, () => Table.open(this.ss, schema));
    t.loadAll();
    return t;
  }

  /** The sheet for lookups: header only, rows read when found (the submit and edit paths). */
  lookupTable<H extends string>(schema: SheetSchema<H>): Table<H> {
    return this.tableOf(schema, () => Table.lean(this.ss, schema));
  }

  private tableOf<H extends string>(schema: SheetSchema<H>, open: () => Table<H>): Table<H> {
    let t = this.tables.get(schema.name) as Table<H> | undefined;
    if (!t) {
      t = open();
      // A sheet staff edit through dropdowns (申請, 相談会申込, 緊急支援): its validation, highlighting
      // and protection must cover the rows added later (new rows carry none of it), as setup sets them.
      const format = FORMAT_ON_GROW[schema.name];
      if (format) {
        t.onGrow = () => {
          try {
            format(this.ss);
          } catch (e) {
            this.log(schema.name, `追加した行に入力規則・書式を設定できませんでした（初期設定を実行してください）: ${String(e)}`);
          }
        };
      }
      this.tables.set(schema.name, t as unknown as Table);
    }
    return t;
  }

  table<H extends string>(schema: SheetSchema<H>): TablePort<H> {
    return this.openTable(schema);
  }

  lookup<H extends string>(schema: SheetSchema<H>): TablePort<H> {
    return this.lookupTable(schema);
  }

  log(target: string, content: string): void {
    this.logLines.push([new Date(), this.actor, target, content]);
  }

  /** Script properties, read once per run (a run holds the script lock, so nobody else writes them). */
  prop(key: string): string | null {
    if (this.pendingProps.has(key)) return this.pendingProps.get(key) ?? null;
    if (!this.propCache) {
      this.props ??= scriptProperties();
      this.propCache = this.props.getProperties();
    }
    return this.propCache[key] ?? null;
  }

  /**
   * Before the script lock: the settings and the headers of the sheets the run will use (and of
   * ログ). Nothing read here can be changed by another run; rows and properties are read under the lock.
   */
  prepare(schemas: readonly SheetSchema[], opts: { settings?: boolean; props?: boolean } = {}): void {
    if (opts.settings !== false) void this.settings;
    // The service only: values are read under the lock.
    if (opts.props !== false) this.props ??= scriptProperties();
    for (const s of schemas) this.lookupTable(s);
    this.logTable ??= Table.openForAppend(this.ss, LOG);
  }

  /** A table the caller opened (e.g. from an edit event's sheet and header). */
  adopt<H extends string>(schema: SheetSchema<H>, t: Table<H>): void {
    if (!this.tables.has(schema.name)) this.tables.set(schema.name, t as unknown as Table);
  }

  /** Every script property (read once per run, with what this run set). */
  allProps(): Record<string, string> {
    this.prop('');
    return { ...this.propCache, ...Object.fromEntries(this.pendingProps) };
  }

  /** Buffered: written after the sheets, so a run that fails before its rows are written skips no ID. */
  setProp(key: string, value: string): void {
    this.pendingProps.set(key, value);
  }

  private claimFormCache?: GoogleAppsScript.Forms.Form | null;
  claimForm(): GoogleAppsScript.Forms.Form | null {
    if (this.claimFormCache === undefined) this.claimFormCache = tryOpenForm(this.settings.claimForm).form ?? null;
    return this.claimFormCache;
  }

  /**
   * The response's edit link, or '' when there is none to give: the form is gone, the response is not
   * found, or the form does not allow editing (setAllowResponseEdits: "The default is false"); a link
   * to such a form only says that editing is off. Mails show how to correct the claim instead.
   */
  private readonly editUrls = new Map<string, string>();
  /** (Kept per run: asked before the lock by a claim submit, it costs nothing under it.) */
  claimEditUrl(responseId: string): string {
    const known = this.editUrls.get(responseId);
    if (known !== undefined) return known;
    let url = '';
    try {
      const form = this.claimForm();
      if (form && form.canEditResponse()) url = form.getResponse(responseId).getEditResponseUrl();
    } catch {
      url = '';
    }
    this.editUrls.set(responseId, url);
    return url;
  }

  /**
   * A claim submit already holds the form and the response (the event's `source` and `response`):
   * their edit link costs two calls instead of opening the form from 設定 and fetching the response
   * again (four). Same rule: no link when the form does not allow editing.
   */
  knowEditUrl(form: GoogleAppsScript.Forms.Form, response: GoogleAppsScript.Forms.FormResponse, responseId: string): void {
    let url = '';
    try {
      if (form.canEditResponse()) url = response.getEditResponseUrl();
    } catch {
      url = '';
    }
    this.editUrls.set(responseId, url);
  }

  translate(text: string, to: string): string | null {
    try {
      const out = LanguageApp.translate(text, '', to);
      return typeof out === 'string' && out.trim() !== '' ? out : null;
    } catch (e) {
      this.log('翻訳', `メモを機械翻訳できませんでした（原文のまま送ります）: ${String(e)}`);
      return null;
    }
  }

  sheetExists(name: string): boolean {
    return this.ss.getSheetByName(name) !== null;
  }

  openClaimForm(): void {
    this.claimForm()?.setAcceptingResponses(true);
  }

  /** False when there is no claim form to close (not configured, or it cannot be opened). */
  closeClaimForm(message: string): boolean {
    const form = this.claimForm();
    if (!form) return false;
    form.setCustomClosedFormMessage(message);
    form.setAcceptingResponses(false);
    return true;
  }

  elapsed(): number {
    return Date.now() - this.started;
  }

  timeLeft(): number {
    return RUN_BUDGET_MS - (Date.now() - this.started);
  }

  /** Ends a run: sheet writes first, then the mail they announce, then what sending logged. */
  commit(): void {
    // Make the writes final before any mail announces them (the lock's release flushes the rest).
    if (this.flush() && this.mail.hasPending()) SpreadsheetApp.flush();
    this.mail.deliver();
    this.flush();
  }

  /** Writes every buffered table change and the ログ lines (one batch each). Returns whether it wrote. */
  flush(): boolean {
    let wrote = false;
    for (const t of this.tables.values()) wrote = t.flush() || wrote;
    if (this.logLines.length > 0) {
      this.logTable ??= Table.openForAppend(this.ss, LOG);
      const log = this.logTable;
      const rows = this.logLines.map(([at, who, target, content]) => ({ 日時: at, 操作者: who, 対象: target, 内容: content }));
      // A line or two: appendRow, one call each, needing neither the last row nor the sheet's size.
      if (rows.length <= 2) for (const row of rows) log.appendNow(row);
      else {
        for (const row of rows) log.append(row);
        log.flush();
      }
      this.logLines.length = 0;
      wrote = true;
    }
    if (this.pendingProps.size > 0) {
      this.props ??= scriptProperties();
      const written = Object.fromEntries(this.pendingProps);
      this.props.setProperties(written);
      if (this.propCache) Object.assign(this.propCache, written);
      this.pendingProps.clear();
      wrote = true;
    }
    return wrote;
  }
}

const MAX_TRIES = 3;
/** Script property: mail is waiting in メール送信待ち for the triggers' owner to send. */
export const HELD_MAIL_KEY = 'outbox.held';
const isQuotaError = (e: unknown) => /too many times|quota/i.test(String(e));

/**
 * A run a person started (a menu item, a dialog's button) runs as that person, and MailApp sends from
 * the account that runs it. Such a run registers here how to find the triggers' owner: when it is
 * somebody else, the run's mail waits in メール送信待ち for the owner's account (the next edit
 * trigger or the daily job), so supporters hear from the office account only. Asked once, and only
 * when the run has mail to send. Trigger runs register nothing: they run as the owner.
 */
let personRunOwner: (() => string | undefined) | null = null;
let personRunHeldFor: string | null = null;
/** The owner to whom this run's mail was left, if it was ('' when none was). Read once by the run's alert. */
let heldForOwner = '';
export function holdMailUnlessOwner(otherOwner: () => string | undefined): void {
  personRunOwner = otherOwner;
}
export function takeHeldMailOwner(): string {
  const o = heldForOwner;
  heldForOwner = '';
  return o;
}

/** Mail through one outbox: the daily quota is checked; what cannot go now is queued, never lost. */
export class GasOutbox implements Outbox {
  private quota?: number;

  constructor(private readonly ctx: GasCtx) {}

  private readonly pending: { to: string; mail: Mail; replyTo?: string; office?: boolean }[] = [];

  /** Queued until the run's sheet writes are done: no mail ever announces an ID the sheet does not hold. */
  send(to: string, mail: Mail, opts: { replyTo?: string } = {}): void {
    this.pending.push({ to, mail, replyTo: opts.replyTo });
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /**
   * When set (a reason), this run sends nothing itself: its mail waits in メール送信待ち for the
   * triggers' owner to send (mail goes out from the account that runs MailApp, and counts against its
   * quota: supporters hear from the office account, never from a staff member's personal one).
   */
  holdFor?: string;

  /** Sends what this run queued; beyond the daily quota it goes to メール送信待ち. */
  deliver(): void {
    let holdFor = this.holdFor;
    let officeToo = true;
    if (holdFor === undefined && personRunOwner && this.pending.some((p) => !p.office)) {
      if (personRunHeldFor === null) personRunHeldFor = personRunOwner() ?? '';
      if (personRunHeldFor) {
        // Supporters' mail waits for the office account; the office's own notices go now.
        holdFor = `事務局のアカウント（${personRunHeldFor}）から送るため`;
        officeToo = false;
        heldForOwner = personRunHeldFor;
      }
    }
    if (holdFor !== undefined && this.pending.length > 0) {
      const now: typeof this.pending = [];
      let held = 0;
      for (const p of this.pending.splice(0)) {
        if (p.office && !officeToo) now.push(p);
        else {
          this.queue(p.to, p.mail, holdFor);
          held += 1;
        }
      }
      if (held > 0) this.ctx.setProp(HELD_MAIL_KEY, '1');
      this.pending.push(...now);
    }
    for (const { to, mail, replyTo } of this.pending.splice(0)) {
      // Near the time limit, mail waits in メール送信待ち instead of being lost with the run.
      if (this.ctx.timeLeft() < 20_000) this.queue(to, mail, '実行時間の上限が近いため');
      else this.sendNow(to, mail, replyTo);
    }
  }

  private queue(to: string, mail: Mail, why: string): void {
    this.ctx.lookupTable(OUTBOX).append({ 登録日時: this.ctx.now, 宛先: to, 件名: mail.subject, 本文: mail.body, 状態: '送信待ち', 試行: 0 });
    this.ctx.log(to, `メール送信待ち（${why}）: ${mail.subject}`);
  }

  private sendNow(to: string, mail: Mail, replyTo?: string): 'sent' | 'queued' | 'invalid' {
    if (!to.split(',').every((a) => isPlausibleEmail(a.trim()))) {
      // Nowhere to send it: kept as a ログ line for staff (the response itself is in the form).
      this.ctx.log(to || '(宛先なし)', `メールを送れません（宛先が不正）: ${mail.subject}`);
      return 'invalid';
    }
    const recipients = to.split(',').length;
    this.quota ??= MailApp.getRemainingDailyQuota();
    if (this.quota >= recipients) {
      try {
        const reply = replyTo ?? this.replyToFor(to);
        MailApp.sendEmail({ to, subject: mail.subject, body: mail.body, name: '伴走ネット事務局', ...(reply ? { replyTo: reply } : {}) });
        this.quota -= recipients;
        this.ctx.log(to, `メール送信: ${mail.subject}`);
        return 'sent';
      } catch (e) {
        if (!isQuotaError(e)) {
          // Another fault with this one mail: keep it for the daily job, go on with the others.
          this.queue(to, mail, `送信に失敗: ${String(e)}`);
          return 'queued';
        }
        this.quota = 0;
      }
    }
    this.queue(to, mail, '1日の送信上限');
    return 'queued';
  }

  /**
   * Every supporter mail has Reply-To 事務局メール (SPEC §5): the mail goes out from the trigger
   * owner's account, and a supporter's reply must reach the office. MailApp takes one reply-to
   * address: the first of 事務局メール. Mail to the office itself needs none.
   */
  private replyToFor(to: string): string | undefined {
    const office = this.ctx.settings.officeEmails;
    if (office.length === 0 || to.split(',').every((a) => office.includes(a.trim().toLowerCase()))) return undefined;
    return office[0];
  }

  notifyOffice(subject: string, body: string): void {
    const to = this.ctx.settings.officeEmails.join(',');
    if (!to) {
      this.ctx.log('事務局', `事務局メール未設定のため通知できません: ${subject}`);
      return;
    }
    this.pending.push({ to, mail: { subject: `【伴走ネット】${subject}`, body }, office: true });
  }

  /** Sends queued mail while the quota lasts (dailyMaintenance). Returns [sent, left]. */
  drain(): [number, number] {
    const t = this.ctx.openTable(OUTBOX);
    let sent = 0;
    let left = 0;
    for (let i = 0; i < t.length; i++) {
      if (t.text(i, '状態') !== '送信待ち') continue;
      const to = t.text(i, '宛先');
      const recipients = to.split(',').length;
      this.quota ??= MailApp.getRemainingDailyQuota();
      if (this.quota < recipients || this.ctx.timeLeft() < 30_000) {
        left++;
        continue;
      }
      try {
        const reply = this.replyToFor(to);
        MailApp.sendEmail({ to, subject: t.text(i, '件名'), body: String(t.get(i, '本文')), name: '伴走ネット事務局', ...(reply ? { replyTo: reply } : {}) });
        this.quota -= recipients;
        t.set(i, { 状態: '送信済', 送信日時: new Date(), 試行: Number(t.get(i, '試行') || 0) + 1 });
        // Written at once: a run stopped at the time limit must not send this mail again tomorrow.
        t.flush();
        this.ctx.log(to, `送信待ちのメールを送信: ${t.text(i, '件名')}`);
        sent++;
      } catch (e) {
        const tries = Number(t.get(i, '試行') || 0) + (isQuotaError(e) ? 0 : 1);
        if (isQuotaError(e)) this.quota = 0;
        // A mail that fails for another reason three times is set aside for staff, not retried forever.
        const gaveUp = tries >= MAX_TRIES;
        t.set(i, { 試行: tries, ...(gaveUp ? { 状態: '送信不可' } : {}) });
        if (!isQuotaError(e)) this.ctx.log(to, `送信待ちのメールの送信に失敗（${tries}回目${gaveUp ? '、送信不可にしました' : ''}）: ${String(e)}`);
        left++;
      }
    }
    return [sent, left];
  }
}

