/**
 * HtmlService pages (dialogs, sidebars) in a real headless browser: Debian's chromium driven by
 * playwright-core, with a stub of `google.script.run` whose calls reach the fake Apps Script runtime
 * (usually `rt.invoke(name, args)` on the built bundle), so a click in the page runs the real server
 * function. Screenshots go to `.tools/screens/<name>.png`: look at them.
 *
 * What the stub keeps from the client-side reference (developers.google.com/apps-script/guides/html/reference/run):
 * - "google.script.run is an asynchronous client-side JavaScript API": handlers run later, never inside the call.
 * - withSuccessHandler / withFailureHandler / withUserObject return a runner with that handler set
 *   ("Sets an object to pass as a second parameter to the success and failure handlers").
 * - "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
 *   JavaScript objects and arrays that are composed of primitives, objects, and arrays ... Requests fail
 *   if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type,
 *   including prohibited types inside objects or arrays ... undefined fields within arrays become null."
 *   The same is required of return values here: a server function that returns a Date or a function
 *   fails the call (the test sees it), so the product never relies on how Google would mangle it.
 * - The failure handler receives an Error whose message is the server exception's message.
 * - google.script.host.close() closes the dialog (recorded on the page as `data-gas-closed`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = join(__dirname, '..', '..', '.tools', 'screens');

/** Launches headless chromium with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: the HtmlService pages are tested in Debian's chromium (apt-get install chromium fonts-noto-cjk; .ci/run does it)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface GasPageOptions {
  /** The viewport: the width and height the dialog opens at (HtmlOutput.setWidth/setHeight; a sidebar is 300 px wide). */
  width: number;
  height: number;
  /** Runs a server function for the page (e.g. `(name, args) => rt.invoke(name, args)`). */
  run(name: string, args: unknown[]): unknown;
}

/** Rejects what google.script.run cannot carry (Dates, functions, DOM nodes, circular objects). */
export function assertLegal(v: unknown, where: string, seen = new Set<unknown>()): void {
  if (v === null || v === undefined) return;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'function') throw new Error(`${where}: a function cannot cross google.script.run`);
  if (Object.prototype.toString.call(v) === '[object Date]') throw new Error(`${where}: a Date cannot cross google.script.run (send an ISO string)`);
  if (t !== 'object') throw new Error(`${where}: a ${t} cannot cross google.script.run`);
  if (seen.has(v)) throw new Error(`${where}: a circular object cannot cross google.script.run`);
  seen.add(v);
  for (const x of Array.isArray(v) ? v : Object.values(v as object)) assertLegal(x, where, seen);
  seen.delete(v);
}

const STUB = `(() => {
  function legal(v, seen) {
    if (v === null || v === undefined) return true;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return true;
    if (t !== 'object' || v instanceof Date || (typeof Node !== 'undefined' && v instanceof Node)) return false;
    if (seen.indexOf(v) >= 0) return false;
    seen.push(v);
    var xs = Array.isArray(v) ? v : Object.keys(v).map(function (k) { return v[k]; });
    var ok = xs.every(function (x) { return legal(x, seen); });
    seen.pop();
    return ok;
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_t, prop) {
        if (prop === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (prop === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (prop === 'withUserObject') return function (o) { return runner(success, failure, o); };
        if (typeof prop !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          window.__gasCalls = (window.__gasCalls || 0) + 1;
          var fail = function (message) {
            setTimeout(function () { if (failure) failure(new Error(message), userObject); }, 0);
          };
          if (!args.every(function (a) { return legal(a, []); })) { fail('Invalid argument passed to ' + prop); return; }
          var json = JSON.stringify(args.map(function (a) { return a === undefined ? null : a; }));
          window.__gasCall(prop, json).then(function (res) {
            var r = JSON.parse(res);
            if (r.ok) { if (success) success(r.value, userObject); }
            else if (failure) failure(new Error(r.message), userObject);
          });
        };
      }
    });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: {
      close: function () { document.documentElement.setAttribute('data-gas-closed', '1'); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} }
    }
  } };
})();`;

const PAGE_URL = 'https://script.googleusercontent.test/dialog';

/** Opens the page's HTML at the dialog's size with the google.script.run stub installed. */
export async function openGasPage(browser: Browser, html: string, opts: GasPageOptions): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: opts.width, height: opts.height } });
  await page.exposeFunction('__gasCall', async (name: string, json: string) => {
    try {
      const value = await opts.run(name, JSON.parse(json) as unknown[]);
      assertLegal(value, `return value of ${name}`);
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  // The page is served from an intercepted URL (nothing reaches the network), so the stub installed by
  // addInitScript runs before the page's own scripts, as google.script.run exists before them on Google.
  await page.addInitScript(STUB);
  await page.route(PAGE_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  return page;
}

/** Saves a screenshot of the visible area (what the dialog shows without scrolling). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** True when the element is entirely inside the viewport (visible at the size the dialog opens). */
export async function isInViewport(page: Page, selector: string): Promise<boolean> {
  // Runs in the page (the project's TypeScript has no DOM lib: Apps Script has no DOM).
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    const view = globalThis as unknown as { innerHeight: number; innerWidth: number };
    return r.top >= 0 && r.left >= 0 && r.bottom <= view.innerHeight && r.right <= view.innerWidth && r.height > 0;
  });
}

/** Waits until the element's text starts with `prefix` (evaluated in the page). */
export async function waitForText(page: Page, selector: string, prefix = ''): Promise<string> {
  await page.waitForFunction(
    ([sel, pre]) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      const text = doc.querySelector(sel)?.textContent ?? '';
      return text !== '' && text.startsWith(pre);
    },
    [selector, prefix] as const,
  );
  return (await page.textContent(selector)) ?? '';
}
