/** ScriptApp: installable triggers and their schedules. */
import { Fake, fail, unwrap } from './core';
import type { Env } from './env';
import { FakeForm } from './forms';
import { FakeSpreadsheet } from './spreadsheet';
import { fromLocal, localFields } from './time';

export const MAX_TRIGGERS = 20;
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' } as const;
const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
const WeekDay = { SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY' } as const;
const WEEKDAYS = Object.keys(WeekDay);

export interface Schedule {
  kind: 'daily' | 'weekly' | 'monthly' | 'hours' | 'minutes' | 'after' | 'at';
  n: number;
  hour?: number;
  minute?: number;
  weekDay?: string;
  monthDay?: number;
  tz: string;
  ms?: number;
}

export class FakeTrigger extends Fake {
  readonly _cls = 'Trigger';
  /** next due instant for clock triggers */
  _next = 0;
  _created = 0;
  /** the account that created it: it runs as this account and only this account sees it */
  _owner = '';
  constructor(
    readonly _uid: string,
    readonly _handler: string,
    readonly _eventType: string,
    readonly _source: string,
    readonly _sourceId: string | null,
    readonly _schedule: Schedule | null,
  ) {
    super();
  }
  getHandlerFunction() {
    return this._handler;
  }
  getUniqueId() {
    return this._uid;
  }
  getEventType() {
    return this._eventType;
  }
  getTriggerSource() {
    return this._source;
  }
  getTriggerSourceId() {
    return this._sourceId;
  }
}

/** The first instant strictly after `after` that matches the schedule. */
export function nextDue(s: Schedule, after: number, created: number): number {
  const tz = s.tz;
  switch (s.kind) {
    case 'after':
    case 'at':
      return s.ms as number;
    case 'hours':
    case 'minutes': {
      const step = s.n * (s.kind === 'hours' ? 3600000 : 60000);
      const k = Math.floor((after - created) / step) + 1;
      return created + Math.max(1, k) * step;
    }
    default: {
      const hour = s.hour ?? 0;
      const minute = s.minute ?? 0;
      const f = localFields(after, tz);
      for (let dayOffset = 0; dayOffset < 400; dayOffset++) {
        const day = new Date(Date.UTC(f.y, f.M - 1, f.d + dayOffset));
        const t = fromLocal(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute, 0, 0, tz);
        if (t <= after) continue;
        if (s.kind === 'weekly' && WEEKDAYS[day.getUTCDay()] !== s.weekDay) continue;
        if (s.kind === 'monthly' && day.getUTCDate() !== s.monthDay) continue;
        if (s.kind === 'daily' && s.n > 1) {
          const c = localFields(created, tz);
          const days = Math.round((day.getTime() - Date.UTC(c.y, c.M - 1, c.d)) / 86400000);
          const first = fromLocal(c.y, c.M, c.d, hour, minute, 0, 0, tz) > created ? 0 : 1;
          if ((days - first) % s.n !== 0 || days < first) continue;
        }
        return t;
      }
      return Number.POSITIVE_INFINITY;
    }
  }
}

export class TriggerState {
  triggers: FakeTrigger[] = [];
  private n = 0;
  uid(): string {
    this.n += 1;
    return String(7000000000000000000n + BigInt(this.n) * 1000003n);
  }
}

class FakeClockTriggerBuilder extends Fake {
  readonly _cls = 'ClockTriggerBuilder';
  _s: Partial<Schedule> = {};
  constructor(
    readonly _app: FakeScriptApp,
    readonly _handler: string,
  ) {
    super();
  }
  everyDays(n: number) {
    if (!(n >= 1)) fail('Invalid argument: n');
    Object.assign(this._s, { kind: 'daily', n });
    return this;
  }
  everyWeeks(n: number) {
    Object.assign(this._s, { kind: 'weekly', n });
    return this;
  }
  onWeekDay(day: string) {
    Object.assign(this._s, { kind: 'weekly', weekDay: String(day), n: this._s.n ?? 1 });
    return this;
  }
  onMonthDay(day: number) {
    Object.assign(this._s, { kind: 'monthly', monthDay: day, n: 1 });
    return this;
  }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n)) fail('The value you passed to everyHours() is invalid. Valid values are: 1, 2, 4, 6, 8, 12.');
    Object.assign(this._s, { kind: 'hours', n });
    return this;
  }
  everyMinutes(n: number) {
    if (![1, 5, 10, 15, 30].includes(n)) fail('The value you passed to everyMinutes() is invalid. Valid values are: 1, 5, 10, 15, 30.');
    Object.assign(this._s, { kind: 'minutes', n });
    return this;
  }
  atHour(h: number) {
    if (!(h >= 0 && h <= 23)) fail('Invalid argument: hour');
    this._s.hour = h;
    return this;
  }
  nearMinute(m: number) {
    this._s.minute = m;
    return this;
  }
  inTimezone(tz: string) {
    this._s.tz = String(tz);
    return this;
  }
  after(ms: number) {
    Object.assign(this._s, { kind: 'after', n: 1, ms: this._app._env.clock.nowMs() + Number(ms) });
    return this;
  }
  at(date: Date) {
    Object.assign(this._s, { kind: 'at', n: 1, ms: new Date(date).getTime() });
    return this;
  }
  atDate(y: number, m: number, d: number) {
    Object.assign(this._s, { kind: 'at', n: 1, ms: fromLocal(y, m, d, 0, 0, 0, 0, this._s.tz ?? this._app._tz) });
    return this;
  }
  create() {
    if (!this._s.kind) fail('Clock triggers must have a schedule (e.g. everyDays, everyHours, after).');
    if (this._s.kind === 'weekly' && !this._s.weekDay) fail('Weekly triggers must specify a day of the week (onWeekDay).');
    const s = { tz: this._app._tz, ...this._s } as Schedule;
    const t = this._app._add(this._handler, 'CLOCK', 'CLOCK', null, s);
    const now = this._app._env.clock.nowMs();
    t._created = now;
    t._next = nextDue(s, now, now);
    return t;
  }
}

class FakeSourceTriggerBuilder extends Fake {
  readonly _cls: string;
  _event: string | null = null;
  constructor(
    cls: string,
    readonly _app: FakeScriptApp,
    readonly _handler: string,
    readonly _source: string,
    readonly _sourceId: string,
    readonly _allowed: string[],
  ) {
    super();
    this._cls = cls;
  }
  private _on(e: string) {
    if (!this._allowed.includes(e)) fail(`Invalid trigger event for this source: ${e}`);
    this._event = e;
    return this;
  }
  onFormSubmit() {
    return this._on('ON_FORM_SUBMIT');
  }
  onEdit() {
    return this._on('ON_EDIT');
  }
  onChange() {
    return this._on('ON_CHANGE');
  }
  onOpen() {
    return this._on('ON_OPEN');
  }
  create() {
    if (!this._event) fail('Trigger must have an event type.');
    return this._app._add(this._handler, this._event, this._source, this._sourceId, null);
  }
}

class FakeTriggerBuilder extends Fake {
  readonly _cls = 'TriggerBuilder';
  constructor(
    readonly _app: FakeScriptApp,
    readonly _handler: string,
  ) {
    super();
  }
  timeBased() {
    return new FakeClockTriggerBuilder(this._app, this._handler);
  }
  forForm(form: unknown) {
    const f = unwrap(form);
    const id = f instanceof FakeForm ? f._id : String(form);
    const forms = this._app._env.forms;
    if (!forms.has(id)) fail('No item with the given ID could be found, or you do not have permission to access it.');
    return new FakeSourceTriggerBuilder('FormTriggerBuilder', this._app, this._handler, 'FORMS', id, ['ON_FORM_SUBMIT', 'ON_OPEN']);
  }
  forSpreadsheet(ss: unknown) {
    const s = unwrap(ss);
    const id = s instanceof FakeSpreadsheet ? s._id : String(ss);
    if (!this._app._env.spreadsheets.has(id)) fail('Unexpected error while getting the method or property forSpreadsheet on object ScriptApp.');
    return new FakeSourceTriggerBuilder('SpreadsheetTriggerBuilder', this._app, this._handler, 'SPREADSHEETS', id, [
      'ON_EDIT',
      'ON_CHANGE',
      'ON_FORM_SUBMIT',
      'ON_OPEN',
    ]);
  }
}

export class FakeScriptApp extends Fake {
  readonly _cls = 'ScriptApp';
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
  constructor(
    readonly _env: Env,
    readonly _state: TriggerState,
    readonly _tz: string,
    readonly _scriptId: string,
  ) {
    super();
  }
  _add(handler: string, eventType: string, source: string, sourceId: string | null, schedule: Schedule | null): FakeTrigger {
    // Quotas: "Triggers: 20 / user / script".
    if (this._mine().length >= MAX_TRIGGERS) fail(TOO_MANY_TRIGGERS);
    const t = new FakeTrigger(this._state.uid(), handler, eventType, source, sourceId, schedule);
    t._owner = this._env.exec.effective;
    this._state.triggers.push(t);
    return t;
  }
  /**
   * getProjectTriggers: "Gets all installable triggers associated with the current project and
   * current user." Another account's triggers are invisible (and so cannot be deleted) here.
   */
  _mine(): FakeTrigger[] {
    const me = this._env.exec.effective;
    return this._state.triggers.filter((t) => t._owner === me);
  }
  newTrigger(functionName: string) {
    if (typeof functionName !== 'string' || functionName === '') fail('Invalid argument: functionName');
    return new FakeTriggerBuilder(this, functionName);
  }
  getProjectTriggers() {
    return this._mine();
  }
  /** "Gets all installable triggers owned by this user in the given spreadsheet/form, for this script or add-on only." */
  getUserTriggers(source: unknown) {
    const s = unwrap(source);
    const id = s instanceof FakeSpreadsheet || s instanceof FakeForm ? s._id : null;
    return this._mine().filter((t) => t._sourceId === id);
  }
  deleteTrigger(trigger: FakeTrigger) {
    const t = unwrap(trigger);
    const me = this._env.exec.effective;
    const i = this._state.triggers.findIndex((x) => x._uid === t?._uid && x._owner === me);
    if (i < 0) fail('Trigger not found.');
    this._state.triggers.splice(i, 1);
  }
  getScriptId() {
    return this._scriptId;
  }
  getOAuthToken() {
    return 'fake-oauth-token';
  }
  getAuthorizationInfo(_mode: unknown) {
    return { getAuthorizationStatus: () => 'NOT_REQUIRED', getAuthorizationUrl: () => null };
  }
}
