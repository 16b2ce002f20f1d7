/** Ui (menus, alerts, prompts, dialogs), HtmlService and User. */
import { Fake, fail } from './core';
import type { Env } from './env';

const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export class FakeUser extends Fake {
  readonly _cls = 'User';
  constructor(readonly _email: string) {
    super();
  }
  getEmail() {
    return this._email;
  }
}

export class FakePromptResponse extends Fake {
  readonly _cls = 'PromptResponse';
  constructor(
    readonly _button: string,
    readonly _text: string,
  ) {
    super();
  }
  getResponseText() {
    return this._text;
  }
  getSelectedButton() {
    return this._button;
  }
}

export class FakeMenu extends Fake {
  readonly _cls = 'Menu';
  _items: { caption: string; functionName: string }[] = [];
  constructor(
    readonly _env: Env,
    readonly _name: string,
  ) {
    super();
  }
  addItem(caption: string, functionName: string) {
    this._items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator() {
    return this;
  }
  addSubMenu(menu: FakeMenu) {
    for (const it of menu._items) this._items.push({ caption: `${menu._name} > ${it.caption}`, functionName: it.functionName });
    return this;
  }
  addToUi() {
    const menus = this._env.ui.menus;
    const entry = { name: this._name, items: [...this._items] };
    const i = menus.findIndex((m) => m.name === this._name);
    if (i >= 0) menus[i] = entry;
    else menus.push(entry);
  }
}

export class FakeUi extends Fake {
  readonly _cls = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(readonly _env: Env) {
    super();
  }
  createMenu(caption: string) {
    return new FakeMenu(this._env, String(caption));
  }
  createAddonMenu() {
    return new FakeMenu(this._env, 'Add-ons');
  }
  /** The queued answer, or OK with '' when the test queued nothing. */
  private _answer(): { button: string; text: string } {
    const q = this._env.ui.queued.shift();
    if (q) return { button: q.button, text: q.text ?? '' };
    return { button: 'OK', text: '' };
  }
  alert(a: string, b?: unknown, c?: unknown) {
    let title = '';
    let message = String(a);
    let buttons = 'OK';
    if (c !== undefined) {
      title = String(a);
      message = String(b);
      buttons = String(c);
    } else if (b !== undefined) buttons = String(b);
    if (!(buttons in ButtonSet)) fail('Invalid argument: buttons');
    this._env.ui.alerts.push(message);
    this._env.ui.dialogLog.push({ kind: 'alert', title, message, buttons });
    return this._answer().button;
  }
  prompt(a: string, b?: unknown, c?: unknown) {
    let title = '';
    let message = String(a);
    let buttons = 'OK';
    if (c !== undefined) {
      title = String(a);
      message = String(b);
      buttons = String(c);
    } else if (b !== undefined) {
      if (typeof b === 'string' && b in ButtonSet) buttons = b;
      else {
        title = String(a);
        message = String(b);
      }
    }
    this._env.ui.prompts.push(message);
    this._env.ui.dialogLog.push({ kind: 'prompt', title, message, buttons });
    const r = this._answer();
    return new FakePromptResponse(r.button, r.text);
  }
  showModalDialog(html: FakeHtmlOutput, title: string) {
    this._env.ui.dialogs.push({ title: String(title), html: html._content, kind: 'modal', width: html._width, height: html._height });
  }
  showModelessDialog(html: FakeHtmlOutput, title: string) {
    this._env.ui.dialogs.push({ title: String(title), html: html._content, kind: 'modeless', width: html._width, height: html._height });
  }
  /** Ui.showSidebar: "The sidebar displays at a fixed width of 300px" (HtmlOutput.setWidth has no effect on it). */
  showSidebar(html: FakeHtmlOutput) {
    this._env.ui.dialogs.push({ title: html._title, html: html._content, kind: 'sidebar', width: SIDEBAR_WIDTH, height: html._height });
  }
}

/** Sheets shows a sidebar 300 px wide, whatever setWidth says. */
export const SIDEBAR_WIDTH = 300;

export class FakeHtmlOutput extends Fake {
  readonly _cls = 'HtmlOutput';
  _title = '';
  _width = 600;
  _height = 400;
  constructor(public _content: string) {
    super();
  }
  getContent() {
    return this._content;
  }
  setContent(c: string) {
    this._content = String(c);
    return this;
  }
  append(c: string) {
    this._content += String(c);
    return this;
  }
  appendUntrusted(c: string) {
    this._content += String(c).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    return this;
  }
  setTitle(t: string) {
    this._title = String(t);
    return this;
  }
  getTitle() {
    return this._title;
  }
  setWidth(w: number) {
    this._width = w;
    return this;
  }
  getWidth() {
    return this._width;
  }
  setHeight(h: number) {
    this._height = h;
    return this;
  }
  getHeight() {
    return this._height;
  }
  setSandboxMode(_m: unknown) {
    return this;
  }
  setXFrameOptionsMode(_m: unknown) {
    return this;
  }
}

export class FakeHtmlService extends Fake {
  readonly _cls = 'HtmlService';
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  createHtmlOutput(html?: unknown) {
    return new FakeHtmlOutput(html === undefined ? '' : String(html));
  }
}
