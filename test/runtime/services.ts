/** MailApp, LockService, PropertiesService, CacheService, Session, Logger, console. */
import { dateMs, Fake, fail, isDate, unwrap } from './core';
import type { Env, Execution, SentMail } from './env';
import { FakeBlob } from './utilities';
import { FakeUser } from './ui';

// ---------------------------------------------------------------- MailApp

// RFC 5322 unquoted local part (atext and dots) and a host name: Gmail refuses `mailto:a@b.jp`,
// `a(b)@c.jp`, `a:b@c.jp` and the like with "Invalid email".
const ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function recipients(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function checkAddress(a: string): void {
  const m = /^(?:"?[^"<>]*"?\s*)?<([^<>]+)>$/.exec(a);
  const addr = m ? m[1].trim() : a;
  if (!ADDRESS.test(addr)) fail(`Invalid email: ${a}`);
}

/** A Blob, or anything with getBlob() (a Drive File), given as an attachment. */
function attachmentBlob(a: unknown): FakeBlob {
  const x = unwrap(a) as unknown;
  if (x instanceof FakeBlob) return x;
  if (x && typeof (x as { getBlob?: unknown }).getBlob === 'function') {
    const b = (x as { getBlob(): unknown }).getBlob();
    if (b instanceof FakeBlob) return b;
  }
  fail('Invalid argument: attachments');
}

/**
 * The daily recipient quota belongs to the account the execution runs as: an installable trigger's
 * mail "is always sent from your account" (the trigger creator's), and counts against its quota.
 */
export class MailState {
  sent: SentMail[] = [];
  /** recipient counts with their time and sending account, for the rolling 24-hour quota */
  usage: { at: number; n: number; account: string }[] = [];
  /** per-account limits set by setQuota(n, account); others use `limit` */
  limits = new Map<string, number>();
  constructor(
    public limit: number,
    private env: Env,
  ) {}
  private me(): string {
    return this.env.exec.effective;
  }
  used(account = this.me()): number {
    const since = this.env.clock.nowMs() - 86400000;
    return this.usage.filter((u) => u.at > since && u.account === account).reduce((a, u) => a + u.n, 0);
  }
  remaining(account = this.me()): number {
    return Math.max(0, (this.limits.get(account) ?? this.limit) - this.used(account));
  }
  /** Sets the quota left right now, for one account or (without one) for every account. */
  setQuota(n: number, account?: string): void {
    if (account !== undefined) {
      this.limits.set(account, n + this.used(account));
      return;
    }
    this.limit = n;
    this.limits.clear();
    for (const a of new Set(this.usage.map((u) => u.account))) this.limits.set(a, n + this.used(a));
  }
}

/** MailApp.sendEmail(message) fields and sendEmail(recipient, subject, body, options) advanced parameters. */
const MAIL_FIELDS = new Set(['to', 'subject', 'body', 'htmlBody', 'cc', 'bcc', 'replyTo', 'name', 'noReply', 'attachments', 'inlineImages']);

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export class FakeMailApp extends Fake {
  readonly _cls = 'MailApp';
  constructor(
    readonly _env: Env,
    readonly _state: MailState,
  ) {
    super();
  }
  getRemainingDailyQuota() {
    return this._state.remaining();
  }
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown) {
    let msg: Record<string, unknown>;
    if (a !== null && typeof a === 'object') msg = { ...(a as Record<string, unknown>) };
    else if (typeof d === 'string') msg = { to: a, replyTo: b, subject: c, body: d };
    else msg = { ...((d as Record<string, unknown>) ?? {}), to: a, subject: b, body: c };
    // The reference lists the message's fields and the advanced parameters (attachments, bcc, body,
    // cc, htmlBody, inlineImages, name, noReply, replyTo, subject, to). Google ignores any other key,
    // so a misspelt one (replyto, from) would silently lose what it was meant to do: refused here.
    for (const k of Object.keys(msg)) if (!MAIL_FIELDS.has(k)) fail(`Fake Apps Script: MailApp.sendEmail has no option "${k}" (the reference lists ${[...MAIL_FIELDS].join(', ')})`);
    const all = [...recipients(msg.to), ...recipients(msg.cc), ...recipients(msg.bcc)];
    if (all.length === 0) fail('Failed to send email: no recipient');
    for (const r of all) checkAddress(r);
    if (msg.replyTo !== undefined && msg.replyTo !== '') checkAddress(String(msg.replyTo));
    if (msg.subject === undefined || msg.subject === null) fail('Invalid argument: subject');
    if ((msg.body === undefined || msg.body === null) && msg.htmlBody === undefined) fail('Invalid argument: body');
    // Quotas page, "Current limitations": Email recipients per message 50 / msg, Email body size
    // 200 KB / msg, Email total attachments size 25 MB / msg; the exception texts are Google's own.
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE) fail('Limit Exceeded: Email Recipients Per Message.');
    const bodyBytes = utf8Length(msg.body === undefined || msg.body === null ? '' : String(msg.body)) + utf8Length(msg.htmlBody === undefined ? '' : String(msg.htmlBody));
    if (bodyBytes > MAX_BODY_BYTES) fail('Limit Exceeded: Email Body Size.');
    if (this._state.remaining() < all.length) fail('Service invoked too many times for one day: email.');
    const blobs = Array.isArray(msg.attachments) ? (msg.attachments as unknown[]).map(attachmentBlob) : undefined;
    if (blobs && blobs.reduce((n, b) => n + b._bytes.length, 0) > MAX_ATTACHMENT_BYTES) fail('Limit Exceeded: Email Total Attachments Size.');
    const attachments = blobs?.map((bl) => ({ name: bl._name ?? '', bytes: [...bl._bytes], contentType: bl._contentType ?? '' }));
    const sent: SentMail = {
      to: recipients(msg.to).join(','),
      subject: String(msg.subject),
      body: msg.body === undefined || msg.body === null ? '' : String(msg.body),
      at: this._env.clock.now(),
      from: this._env.exec.effective,
    };
    if (msg.cc) sent.cc = String(msg.cc);
    if (msg.bcc) sent.bcc = String(msg.bcc);
    if (msg.htmlBody !== undefined) sent.htmlBody = String(msg.htmlBody);
    if (msg.name !== undefined) sent.name = String(msg.name);
    if (msg.replyTo !== undefined) sent.replyTo = String(msg.replyTo);
    if (msg.noReply !== undefined) sent.noReply = !!msg.noReply;
    if (attachments) sent.attachments = attachments;
    this._state.usage.push({ at: this._env.clock.nowMs(), n: all.length, account: this._env.exec.effective });
    this._state.sent.push(sent);
  }
}

// ---------------------------------------------------------------- LanguageApp

/**
 * LanguageApp.translate(text, sourceLanguage, targetLanguage[, advancedArgs]): no authorization
 * scope is listed for it in the reference. The fake cannot translate: it returns the text marked
 * with the target code (`[en] …`), so tests can see that a translation was asked for and where it
 * went; `failWith` makes every call throw (a platform failure or a daily limit).
 */
export class LanguageState {
  calls: { text: string; source: string; target: string }[] = [];
  failure: string | null = null;
}

export class FakeLanguageApp extends Fake {
  readonly _cls = 'LanguageApp';
  constructor(readonly _state: LanguageState) {
    super();
  }
  translate(text: unknown, sourceLanguage: unknown, targetLanguage: unknown, advancedArgs?: unknown) {
    if (typeof text !== 'string') fail('Invalid argument: text');
    if (typeof sourceLanguage !== 'string') fail('Invalid argument: sourceLanguage');
    if (typeof targetLanguage !== 'string' || targetLanguage === '') fail('Invalid argument: targetLanguage');
    if (advancedArgs !== undefined && (typeof advancedArgs !== 'object' || advancedArgs === null)) fail('Invalid argument: advancedArgs');
    if (this._state.failure) fail(this._state.failure);
    this._state.calls.push({ text, source: sourceLanguage, target: targetLanguage });
    if (text.trim() === '') return text;
    return `[${targetLanguage}] ${text}`;
  }
}

// ---------------------------------------------------------------- LockService

export type LockOwner = 'me' | 'other' | null;
export type LockScope = 'script' | 'document' | 'user';

export class LockState {
  holders: Record<LockScope, LockOwner> = { script: null, document: null, user: null };
  /** when a simulated other process lets go (Infinity = until released by the test) */
  otherUntil: Record<LockScope, number> = { script: 0, document: 0, user: 0 };
  /** at most this many ms of clock time pass while waiting for a lock held elsewhere (default: the timeout) */
  waitCap: number | undefined;
  holdByOther(scope: LockScope, now: number, ms?: number): void {
    this.holders[scope] = 'other';
    this.otherUntil[scope] = ms === undefined ? Number.POSITIVE_INFINITY : now + ms;
  }
  releaseOther(scope: LockScope): void {
    if (this.holders[scope] === 'other') this.holders[scope] = null;
  }
  /** When the script lock was last let go by an execution of this runtime (clock ms). */
  lastScriptRelease = Number.NEGATIVE_INFINITY;
  releaseMine(exec?: Execution, now?: number): void {
    if (this.holders.script === 'me' && exec && now !== undefined) this.closeHold(exec, now);
    for (const k of Object.keys(this.holders) as LockScope[]) if (this.holders[k] === 'me') this.holders[k] = null;
  }
  closeHold(exec: Execution, now: number): void {
    if (exec.lockAcquiredAt !== undefined) {
      exec.lockHeldMs = (exec.lockHeldMs ?? 0) + (now - exec.lockAcquiredAt);
      exec.lockAcquiredAt = undefined;
    }
    this.lastScriptRelease = now;
  }
}

export class FakeLock extends Fake {
  readonly _cls = 'Lock';
  _mine = false;
  constructor(
    readonly _env: Env,
    readonly _state: LockState,
    readonly _scope: LockScope,
  ) {
    super();
  }
  tryLock(timeoutInMillis: number) {
    const asked = this._env.clock.nowMs();
    const got = this._try(timeoutInMillis);
    const exec = this._env.exec;
    if (this._scope === 'script') {
      exec.lockAskedAt ??= asked;
      exec.lockWaitMs = (exec.lockWaitMs ?? 0) + (this._env.clock.nowMs() - asked);
      if (got && exec.lockAcquiredAt === undefined) exec.lockAcquiredAt = this._env.clock.nowMs();
    }
    return got;
  }
  _try(timeoutInMillis: number): boolean {
    const st = this._state;
    const clock = this._env.clock;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    if (this._mine && st.holders[this._scope] === 'me') return true;
    if (st.holders[this._scope] === 'other') {
      const until = st.otherUntil[this._scope];
      if (until <= clock.nowMs()) st.holders[this._scope] = null;
      else if (until <= clock.nowMs() + timeout) {
        clock.advance(until - clock.nowMs());
        st.holders[this._scope] = null;
      } else {
        clock.advance(st.waitCap === undefined ? timeout : Math.min(timeout, st.waitCap));
        return false;
      }
    }
    if (st.holders[this._scope] === 'me') {
      // held by another Lock object of this execution: the service sees a different holder
      clock.advance(st.waitCap === undefined ? timeout : Math.min(timeout, st.waitCap));
      return false;
    }
    st.holders[this._scope] = 'me';
    this._mine = true;
    return true;
  }
  waitLock(timeoutInMillis: number) {
    if (!this.tryLock(timeoutInMillis)) fail('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock() {
    if (this._mine) {
      this._mine = false;
      if (this._state.holders[this._scope] === 'me') {
        this._state.holders[this._scope] = null;
        if (this._scope === 'script') this._state.closeHold(this._env.exec, this._env.clock.nowMs());
      }
    }
  }
  hasLock() {
    return this._mine && this._state.holders[this._scope] === 'me';
  }
}

export class FakeLockService extends Fake {
  readonly _cls = 'LockService';
  constructor(
    readonly _env: Env,
    readonly _state: LockState,
  ) {
    super();
  }
  getScriptLock() {
    return new FakeLock(this._env, this._state, 'script');
  }
  getDocumentLock() {
    return this._env.boundSpreadsheetId ? new FakeLock(this._env, this._state, 'document') : null;
  }
  getUserLock() {
    return new FakeLock(this._env, this._state, 'user');
  }
}

// ---------------------------------------------------------------- PropertiesService

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

function propString(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (isDate(v)) return new Date(dateMs(v)).toString();
  return String(v);
}

export class FakeProperties extends Fake {
  readonly _cls = 'Properties';
  constructor(readonly _store: Map<string, string>) {
    super();
  }
  private _size(next: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of next) n += utf8Length(k) + utf8Length(v);
    return n;
  }
  private _commit(next: Map<string, string>) {
    for (const [k, v] of next) {
      if (utf8Length(v) > PROPERTY_VALUE_LIMIT) fail(`Argument too large: value`);
      if (utf8Length(k) > PROPERTY_VALUE_LIMIT) fail(`Argument too large: key`);
    }
    if (this._size(next) > PROPERTY_STORE_LIMIT) fail('You have exceeded the property storage quota. Please remove some properties and try again.');
    this._store.clear();
    for (const [k, v] of next) this._store.set(k, v);
  }
  getProperty(key: string) {
    return this._store.get(String(key)) ?? null;
  }
  getProperties() {
    return Object.fromEntries(this._store);
  }
  getKeys() {
    return [...this._store.keys()];
  }
  setProperty(key: string, value: unknown) {
    if (key === undefined || key === null) fail('Invalid argument: key');
    const next = new Map(this._store);
    next.set(String(key), propString(value));
    this._commit(next);
    return this;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers?: boolean) {
    if (!props || typeof props !== 'object') fail('Invalid argument: properties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of Object.entries(props)) next.set(k, propString(v));
    this._commit(next);
    return this;
  }
  deleteProperty(key: string) {
    this._store.delete(String(key));
    return this;
  }
  deleteAllProperties() {
    this._store.clear();
    return this;
  }
}

export class FakePropertiesService extends Fake {
  readonly _cls = 'PropertiesService';
  readonly _script = new Map<string, string>();
  readonly _user = new Map<string, string>();
  readonly _document = new Map<string, string>();
  constructor(readonly _env: Env) {
    super();
  }
  getScriptProperties() {
    return new FakeProperties(this._script);
  }
  getUserProperties() {
    return new FakeProperties(this._user);
  }
  getDocumentProperties() {
    return this._env.boundSpreadsheetId ? new FakeProperties(this._document) : null;
  }
}

// ---------------------------------------------------------------- CacheService

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_MAX_SECONDS = 21600;

export class FakeCache extends Fake {
  readonly _cls = 'Cache';
  constructor(
    readonly _env: Env,
    readonly _map: Map<string, { v: string; exp: number }>,
  ) {
    super();
  }
  private _live(key: string): string | null {
    const e = this._map.get(key);
    if (!e) return null;
    if (this._env.clock.nowMs() >= e.exp) {
      this._map.delete(key);
      return null;
    }
    return e.v;
  }
  private _check(key: string, value: string) {
    if (key.length > 250) fail('Argument too large: key');
    if (utf8Length(value) > CACHE_VALUE_LIMIT) fail('Argument too large: value');
  }
  get(key: string) {
    return this._live(String(key));
  }
  getAll(keys: string[]) {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this._live(String(k));
      if (v !== null) out[String(k)] = v;
    }
    return out;
  }
  put(key: string, value: unknown, expirationInSeconds?: number) {
    const k = String(key);
    const v = String(value);
    this._check(k, v);
    const secs = Math.min(CACHE_MAX_SECONDS, Math.max(1, expirationInSeconds === undefined ? 600 : Number(expirationInSeconds)));
    this._map.set(k, { v, exp: this._env.clock.nowMs() + secs * 1000 });
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number) {
    for (const [k, v] of Object.entries(values)) this._check(k, String(v));
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string) {
    this._map.delete(String(key));
  }
  removeAll(keys: string[]) {
    for (const k of keys) this._map.delete(String(k));
  }
}

export class FakeCacheService extends Fake {
  readonly _cls = 'CacheService';
  readonly _script = new Map<string, { v: string; exp: number }>();
  readonly _user = new Map<string, { v: string; exp: number }>();
  readonly _document = new Map<string, { v: string; exp: number }>();
  constructor(readonly _env: Env) {
    super();
  }
  getScriptCache() {
    return new FakeCache(this._env, this._script);
  }
  getUserCache() {
    return new FakeCache(this._env, this._user);
  }
  getDocumentCache() {
    return this._env.boundSpreadsheetId ? new FakeCache(this._env, this._document) : null;
  }
}

// ---------------------------------------------------------------- Session

export class FakeSession extends Fake {
  readonly _cls = 'Session';
  constructor(
    readonly _env: Env,
    readonly _scriptTz: string,
  ) {
    super();
  }
  getActiveUser() {
    return new FakeUser(this._env.exec.user);
  }
  getEffectiveUser() {
    return new FakeUser(this._env.effectiveUser);
  }
  getScriptTimeZone() {
    return this._scriptTz;
  }
  getActiveUserLocale() {
    return 'ja';
  }
  getTemporaryActiveUserKey() {
    const u = this._env.exec.user;
    let h = 0;
    for (const ch of u) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return u ? `temp-key-${h.toString(36)}` : '';
  }
}

// ---------------------------------------------------------------- Logger / console

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDate(v)) return new Date(dateMs(v)).toString();
  if (v instanceof Error || Object.prototype.toString.call(v) === '[object Error]') {
    const e = v as Error;
    return `${e.name}: ${e.message}`;
  }
  if (v !== null && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

export class FakeLogger extends Fake {
  readonly _cls = 'Logger';
  _lines: string[] = [];
  constructor(readonly _env: Env) {
    super();
  }
  log(format: unknown, ...values: unknown[]) {
    let text: string;
    if (values.length > 0 && typeof format === 'string') {
      let i = 0;
      text = format.replace(/%%|%[sdfiox]/g, (m) => (m === '%%' ? '%' : i < values.length ? show(values[i++]) : m));
    } else text = show(format);
    this._lines.push(text);
    this._env.logs.push(text);
    return this;
  }
  getLog() {
    return this._lines.join('\n');
  }
  clear() {
    this._lines = [];
  }
}

/** A quiet console for the script: records lines in runtime.logs (not counted as service calls). */
export function makeConsole(env: Env): Record<string, (...a: unknown[]) => void> {
  const rec =
    (level: string) =>
    (...args: unknown[]) => {
      const text = args.map(show).join(' ');
      env.logs.push(level === 'log' || level === 'info' || level === 'debug' ? text : `${level.toUpperCase()}: ${text}`);
    };
  return { log: rec('log'), info: rec('info'), debug: rec('debug'), warn: rec('warn'), error: rec('error') };
}
