/** FormApp: forms, items, validation, responses. */
import { allowMethods, Fake, fail, View } from './core';
import type { Env } from './env';

const ItemType = {
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
  FILE_UPLOAD: 'FILE_UPLOAD',
} as const;

/** Class name of each item type's typed view, and the `as…Item()` method that gives it. */
const VIEW: Record<string, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  DATE: 'DateItem',
  DURATION: 'DurationItem',
  TIME: 'TimeItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  SECTION_HEADER: 'SectionHeaderItem',
};

const BASE = ['getId', 'getIndex', 'getTitle', 'setTitle', 'getHelpText', 'setHelpText', 'getType'];
const QUESTION = [...BASE, 'isRequired', 'setRequired', 'duplicate', 'createResponse'];
const CHOICES = ['setChoiceValues', 'getChoices', 'setChoices', 'createChoice'];
allowMethods('Item', [...BASE, 'duplicate', ...Object.values(VIEW).map((v) => `as${v}`)]);
allowMethods('TextItem', [...QUESTION, 'setValidation', 'clearValidation']);
allowMethods('ParagraphTextItem', [...QUESTION, 'setValidation', 'clearValidation']);
allowMethods('DateItem', [...QUESTION, 'includesYear', 'setIncludesYear']);
allowMethods('DurationItem', QUESTION);
allowMethods('TimeItem', QUESTION);
allowMethods('MultipleChoiceItem', [...QUESTION, ...CHOICES, 'showOtherOption', 'hasOtherOption']);
allowMethods('CheckboxItem', [...QUESTION, ...CHOICES, 'showOtherOption', 'hasOtherOption', 'setValidation', 'clearValidation']);
allowMethods('ListItem', [...QUESTION, ...CHOICES]);
allowMethods('SectionHeaderItem', [...BASE, 'duplicate']);

// One fake builder serves three reference classes, each with its own methods (Class
// TextValidationBuilder, ParagraphTextValidationBuilder, CheckboxValidationBuilder): a text item's
// builder has no requireSelectAtLeast, a checkbox item's no requireTextIsEmail.
const TEXT_PATTERNS = ['requireTextContainsPattern', 'requireTextDoesNotContainPattern', 'requireTextMatchesPattern', 'requireTextDoesNotMatchPattern', 'requireTextLengthGreaterThanOrEqualTo', 'requireTextLengthLessThanOrEqualTo'];
const NUMBERS = ['requireNumber', 'requireWholeNumber', 'requireNumberBetween', 'requireNumberNotBetween', 'requireNumberEqualTo', 'requireNumberNotEqualTo', 'requireNumberGreaterThan', 'requireNumberGreaterThanOrEqualTo', 'requireNumberLessThan', 'requireNumberLessThanOrEqualTo'];
allowMethods('TextValidationBuilder', [...NUMBERS, ...TEXT_PATTERNS, 'requireTextIsEmail', 'requireTextIsUrl', 'setHelpText', 'build']);
allowMethods('ParagraphTextValidationBuilder', [...TEXT_PATTERNS, 'setHelpText', 'build']);
allowMethods('CheckboxValidationBuilder', ['requireSelectAtLeast', 'requireSelectAtMost', 'requireSelectExactly', 'setHelpText', 'build']);

let itemCounter = 0;

/** The first instant after June 30, 2026 (Pacific time, Google's default for such dates). */
export const UNPUBLISHED_FROM = Date.parse('2026-07-01T00:00:00-07:00');

export class FakeChoice extends Fake {
  readonly _cls = 'Choice';
  constructor(readonly _value: string) {
    super();
  }
  getValue() {
    return this._value;
  }
  isOther() {
    return false;
  }
}

export interface TextRule {
  kind: string;
  args: unknown[];
}

export class FakeTextValidation extends Fake {
  readonly _cls = 'TextValidation';
  constructor(
    readonly _rule: TextRule | null,
    readonly _helpText: string,
  ) {
    super();
  }
  /** Whether an answer passes; used by runtime.submit. */
  _accepts(answer: string): boolean {
    const r = this._rule;
    if (!r) return true;
    const n = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(answer) ? Number(answer) : null;
    const [a, b] = r.args as [number, number];
    switch (r.kind) {
      case 'number':
        return n !== null;
      case 'whole':
        return n !== null && Number.isInteger(n);
      case 'between':
        return n !== null && n >= a && n <= b;
      case 'notBetween':
        return n !== null && (n < a || n > b);
      case 'eq':
        return n === a;
      case 'ne':
        return n !== null && n !== a;
      case 'gt':
        return n !== null && n > a;
      case 'ge':
        return n !== null && n >= a;
      case 'lt':
        return n !== null && n < a;
      case 'le':
        return n !== null && n <= a;
      case 'contains':
        return new RegExp(String(a)).test(answer);
      case 'notContains':
        return !new RegExp(String(a)).test(answer);
      case 'matches':
        return new RegExp(`^(?:${String(a)})$`).test(answer);
      case 'notMatches':
        return !new RegExp(`^(?:${String(a)})$`).test(answer);
      case 'email':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(answer);
      case 'url':
        return /^(https?:\/\/)?[^\s.]+\.\S+$/.test(answer);
      case 'lenGe':
        return answer.length >= a;
      case 'lenLe':
        return answer.length <= a;
      default:
        return true;
    }
  }
}

export class FakeTextValidationBuilder extends Fake {
  readonly _cls: string;
  _rule: TextRule | null = null;
  _helpText = '';
  constructor(cls = 'TextValidationBuilder') {
    super();
    this._cls = cls;
  }
  private _r(kind: string, ...args: unknown[]) {
    this._rule = { kind, args };
    return this;
  }
  requireNumber() {
    return this._r('number');
  }
  requireWholeNumber() {
    return this._r('whole');
  }
  requireNumberBetween(a: number, b: number) {
    return this._r('between', a, b);
  }
  requireNumberNotBetween(a: number, b: number) {
    return this._r('notBetween', a, b);
  }
  requireNumberEqualTo(n: number) {
    return this._r('eq', n);
  }
  requireNumberNotEqualTo(n: number) {
    return this._r('ne', n);
  }
  requireNumberGreaterThan(n: number) {
    return this._r('gt', n);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this._r('ge', n);
  }
  requireNumberLessThan(n: number) {
    return this._r('lt', n);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this._r('le', n);
  }
  requireTextContainsPattern(p: string) {
    return this._r('contains', p);
  }
  requireTextDoesNotContainPattern(p: string) {
    return this._r('notContains', p);
  }
  requireTextMatchesPattern(p: string) {
    return this._r('matches', p);
  }
  requireTextDoesNotMatchPattern(p: string) {
    return this._r('notMatches', p);
  }
  requireTextIsEmail() {
    return this._r('email');
  }
  requireTextIsUrl() {
    return this._r('url');
  }
  requireTextLengthGreaterThanOrEqualTo(n: number) {
    return this._r('lenGe', n);
  }
  requireTextLengthLessThanOrEqualTo(n: number) {
    return this._r('lenLe', n);
  }
  requireSelectAtLeast(n: number) {
    return this._r('selGe', n);
  }
  requireSelectAtMost(n: number) {
    return this._r('selLe', n);
  }
  requireSelectExactly(n: number) {
    return this._r('selEq', n);
  }
  setHelpText(t: string) {
    this._helpText = String(t);
    return this;
  }
  build() {
    return new FakeTextValidation(this._rule, this._helpText);
  }
}

export class FakeItem extends Fake {
  readonly _cls = 'Item';
  _title = '';
  _helpText = '';
  _required = false;
  _choices: string[] = [];
  _other = false;
  _validation: FakeTextValidation | null = null;
  _includesYear = true;
  _deleted = false;
  constructor(
    readonly _form: FakeForm,
    readonly _id: number,
    readonly _type: string,
  ) {
    super();
  }
  getId() {
    return this._id;
  }
  getIndex() {
    return this._form._items.indexOf(this);
  }
  getTitle() {
    return this._title;
  }
  setTitle(t: string) {
    this._title = String(t);
    return this;
  }
  getHelpText() {
    return this._helpText;
  }
  setHelpText(t: string) {
    this._helpText = String(t);
    return this;
  }
  getType() {
    return this._type;
  }
  isRequired() {
    return this._required;
  }
  setRequired(r: boolean) {
    this._required = !!r;
    return this;
  }
  setChoiceValues(values: string[]) {
    if (!Array.isArray(values)) fail('Invalid argument: values');
    this._choices = values.map(String);
    return this;
  }
  createChoice(value: string) {
    return new FakeChoice(String(value));
  }
  setChoices(choices: FakeChoice[]) {
    this._choices = choices.map((c) => c._value);
    return this;
  }
  getChoices() {
    return this._choices.map((c) => new FakeChoice(c));
  }
  showOtherOption(b: boolean) {
    this._other = !!b;
    return this;
  }
  hasOtherOption() {
    return this._other;
  }
  setValidation(v: FakeTextValidation) {
    this._validation = v;
    return this;
  }
  clearValidation() {
    this._validation = null;
    return this;
  }
  includesYear() {
    return this._includesYear;
  }
  setIncludesYear(b: boolean) {
    this._includesYear = !!b;
    return this;
  }
  duplicate() {
    const copy = this._form._addItem(this._type);
    Object.assign(copy, {
      _title: this._title,
      _helpText: this._helpText,
      _required: this._required,
      _choices: [...this._choices],
      _other: this._other,
      _validation: this._validation,
    });
    return new View(copy, VIEW[this._type] ?? 'Item');
  }
  private _as(type: string) {
    if (this._type !== type) fail(`Invalid conversion for item type: ${this._type}.`);
    return new View(this, VIEW[type]);
  }
  asTextItem() {
    return this._as('TEXT');
  }
  asParagraphTextItem() {
    return this._as('PARAGRAPH_TEXT');
  }
  asDateItem() {
    return this._as('DATE');
  }
  asDurationItem() {
    return this._as('DURATION');
  }
  asTimeItem() {
    return this._as('TIME');
  }
  asMultipleChoiceItem() {
    return this._as('MULTIPLE_CHOICE');
  }
  asCheckboxItem() {
    return this._as('CHECKBOX');
  }
  asListItem() {
    return this._as('LIST');
  }
  asSectionHeaderItem() {
    return this._as('SECTION_HEADER');
  }
}

export class FakeItemResponse extends Fake {
  readonly _cls = 'ItemResponse';
  constructor(
    readonly _item: FakeItem,
    readonly _answer: string | string[],
  ) {
    super();
  }
  getItem() {
    return this._item;
  }
  getResponse() {
    return Array.isArray(this._answer) ? [...this._answer] : this._answer;
  }
  getScore() {
    return null;
  }
  getFeedback() {
    return null;
  }
}

export class FakeFormResponse extends Fake {
  readonly _cls = 'FormResponse';
  _answers = new Map<FakeItem, string | string[]>();
  constructor(
    readonly _form: FakeForm,
    readonly _id: string,
    public _timestamp: number,
    public _email: string,
  ) {
    super();
  }
  getId() {
    return this._id;
  }
  getTimestamp() {
    return new Date(this._timestamp);
  }
  getRespondentEmail() {
    return this._form._collectEmail ? this._email : '';
  }
  /**
   * "Gets all item responses contained in a form response, in the same order that the items appear in
   * the form. If the form response does not contain a response for a given TextItem, DateItem,
   * TimeItem, or ParagraphTextItem, the ItemResponse returned for that item will have an empty string
   * as the response. If the form response omits a response for any other item type, this method
   * excludes that item from its returned array."
   */
  getItemResponses() {
    const blankAsEmpty = this._form._items.filter((it) => ['TEXT', 'PARAGRAPH_TEXT', 'DATE', 'TIME'].includes(it._type) && !this._answers.has(it));
    const items = [...this._answers.keys(), ...blankAsEmpty].sort((a, b) => {
      const ia = this._form._items.indexOf(a);
      const ib = this._form._items.indexOf(b);
      return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib);
    });
    return items.map((it) => new FakeItemResponse(it, this._answers.get(it) ?? ''));
  }
  getResponseForItem(item: FakeItem) {
    const a = this._answers.get(item);
    return a === undefined ? null : new FakeItemResponse(item, a);
  }
  getEditResponseUrl() {
    return `https://docs.google.com/forms/d/e/${this._form._pubId}/viewform?edit2=${this._id}`;
  }
  getGradableItemResponses() {
    return this.getItemResponses();
  }
}

export class FakeForm extends Fake {
  readonly _cls = 'Form';
  _items: FakeItem[] = [];
  _description = '';
  _collectEmail = false;
  _accepting = true;
  _closedMessage = '';
  _confirmation = '';
  _allowEdit = false;
  _limitOne = false;
  _requireLogin = false;
  _responses: FakeFormResponse[] = [];
  /** publish state (see FakeFormApp._create); a form made by hand is published by rt.createForm */
  _published = true;
  readonly _pubId: string;
  constructor(
    readonly _env: Env,
    readonly _id: string,
    public _title: string,
  ) {
    super();
    this._pubId = `1FAIpQL${_id}`;
  }
  _addItem(type: string): FakeItem {
    itemCounter += 1;
    const item = new FakeItem(this, 1000000000 + itemCounter * 7919, type);
    this._items.push(item);
    return item;
  }
  private _add(type: string) {
    return new View(this._addItem(type), VIEW[type]);
  }
  getId() {
    return this._id;
  }
  getTitle() {
    return this._title;
  }
  setTitle(t: string) {
    this._title = String(t);
    return this;
  }
  getDescription() {
    return this._description;
  }
  setDescription(d: string) {
    this._description = String(d);
    return this;
  }
  getPublishedUrl() {
    return `https://docs.google.com/forms/d/e/${this._pubId}/viewform`;
  }
  getEditUrl() {
    return `https://docs.google.com/forms/d/${this._id}/edit`;
  }
  shortenFormUrl(url: string) {
    return url;
  }
  setCollectEmail(b: boolean) {
    this._collectEmail = !!b;
    return this;
  }
  collectsEmail() {
    return this._collectEmail;
  }
  setAcceptingResponses(b: boolean) {
    this._accepting = !!b;
    return this;
  }
  /** Forms API PublishState.isAcceptingResponses: "If is_published is set to false, this field is forced to false." */
  isAcceptingResponses() {
    return this._published && this._accepting;
  }
  isPublished() {
    return this._published;
  }
  /** Publishing "also enables accepting responses" (Forms guide, Publish and manage responders). */
  setPublished(b: boolean) {
    this._published = !!b;
    if (this._published) this._accepting = true;
    return this;
  }
  /** Every form created since publishing arrived supports it ("All newly created forms now support publishing"). */
  supportsAdvancedResponderPermissions() {
    return true;
  }
  setCustomClosedFormMessage(m: string) {
    this._closedMessage = String(m);
    return this;
  }
  getCustomClosedFormMessage() {
    return this._closedMessage;
  }
  setConfirmationMessage(m: string) {
    this._confirmation = String(m);
    return this;
  }
  getConfirmationMessage() {
    return this._confirmation;
  }
  /** "Sets whether the form displays a link to edit a response after submitting it. [...] The default is false." */
  setAllowResponseEdits(b: boolean) {
    this._allowEdit = !!b;
    return this;
  }
  canEditResponse() {
    return this._allowEdit;
  }
  setLimitOneResponsePerUser(b: boolean) {
    this._limitOne = !!b;
    return this;
  }
  setRequireLogin(b: boolean) {
    this._requireLogin = !!b;
    return this;
  }
  setShowLinkToRespondAgain(_b: boolean) {
    return this;
  }
  setProgressBar(_b: boolean) {
    return this;
  }
  getItems(type?: string) {
    return this._items.filter((i) => type === undefined || i._type === type);
  }
  getItemById(id: number) {
    return this._items.find((i) => i._id === id) ?? null;
  }
  deleteItem(item: FakeItem | number) {
    const i = typeof item === 'number' ? item : this._items.indexOf(item);
    if (i < 0 || i >= this._items.length) fail('Invalid argument: index');
    this._items[i]._deleted = true;
    this._items.splice(i, 1);
  }
  moveItem(item: FakeItem | number, to: number) {
    const from = typeof item === 'number' ? item : this._items.indexOf(item);
    const [it] = this._items.splice(from, 1);
    this._items.splice(to, 0, it);
    return it;
  }
  addTextItem() {
    return this._add('TEXT');
  }
  addParagraphTextItem() {
    return this._add('PARAGRAPH_TEXT');
  }
  addDateItem() {
    return this._add('DATE');
  }
  addDurationItem() {
    return this._add('DURATION');
  }
  addTimeItem() {
    return this._add('TIME');
  }
  addMultipleChoiceItem() {
    return this._add('MULTIPLE_CHOICE');
  }
  addCheckboxItem() {
    return this._add('CHECKBOX');
  }
  addListItem() {
    return this._add('LIST');
  }
  addSectionHeaderItem() {
    return this._add('SECTION_HEADER');
  }
  getResponses(timestamp?: Date) {
    const after = timestamp === undefined ? Number.NEGATIVE_INFINITY : new Date(timestamp as Date).getTime();
    return this._responses.filter((r) => r._timestamp >= after);
  }
  getResponse(id: string) {
    const r = this._responses.find((x) => x._id === String(id));
    if (!r) fail(`No response with ID ${id} exists for this form.`);
    return r;
  }
  deleteAllResponses() {
    this._responses = [];
    return this;
  }
  deleteResponse(id: string) {
    const i = this._responses.findIndex((x) => x._id === String(id));
    if (i < 0) fail(`No response with ID ${id} exists for this form.`);
    this._responses.splice(i, 1);
    return this;
  }
}

export class FakeFormApp extends Fake {
  readonly _cls = 'FormApp';
  readonly ItemType = ItemType;
  readonly DestinationType = { SPREADSHEET: 'SPREADSHEET' };
  constructor(readonly _env: Env) {
    super();
  }
  _all(): Map<string, FakeForm> {
    return this._env.forms as Map<string, FakeForm>;
  }
  _create(title: string): FakeForm {
    const id = this._env.nextId('form');
    const f = new FakeForm(this._env, id, title);
    // "API changes to Google Forms": "forms created by the API will be published by default through
    // June 30, 2026. [...] forms created by the API after June 30, 2026 will be created in an
    // unpublished state. You must publish the forms before they can accept responses."
    f._published = this._env.clock.nowMs() < UNPUBLISHED_FROM;
    this._all().set(id, f);
    return f;
  }
  create(title: string) {
    return this._create(String(title));
  }
  openById(id: string) {
    const f = this._all().get(String(id));
    if (!f) fail('No item with the given ID could be found, or you do not have permission to access it.');
    return f;
  }
  openByUrl(url: string) {
    const s = String(url);
    // Only the form's own (edit) URL names the form; the respondent link /forms/d/e/… is not
    // documented to open it, so the fake refuses it.
    const m = /\/forms\/d\/([^/?#]+)/.exec(s);
    const f = m && m[1] !== 'e' ? [...this._all().values()].find((x) => x._id === m[1]) : undefined;
    if (!f) fail('No item with the given ID could be found, or you do not have permission to access it.');
    return f;
  }
  getActiveForm() {
    return null;
  }
  createTextValidation() {
    return new FakeTextValidationBuilder('TextValidationBuilder');
  }
  createParagraphTextValidation() {
    return new FakeTextValidationBuilder('ParagraphTextValidationBuilder');
  }
  createCheckboxValidation() {
    return new FakeTextValidationBuilder('CheckboxValidationBuilder');
  }
}
