/**
 * Loads the built bundle (a classic Apps Script file) into a node:vm context whose globals are only
 * the fake services and the ECMAScript built-ins. `new Date()` / `Date.now()` inside follow the
 * runtime clock; Dates, arrays and errors the fakes hand to the script are made in its realm.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import vm from 'node:vm';
import type { Runtime } from './index';

export interface LoadedBundle {
  context: vm.Context;
  call(name: string, ...args: unknown[]): unknown;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The setup run inside the context: a Date that reads the runtime clock, and realm factories. */
const PRELUDE = `(function (clockNow) {
  'use strict';
  var RealDate = Date;
  function FakeDate() {
    if (!new.target) return new RealDate(clockNow()).toString();
    var args = Array.prototype.slice.call(arguments);
    if (args.length === 0) args = [clockNow()];
    return Reflect.construct(RealDate, args, new.target);
  }
  Object.setPrototypeOf(FakeDate, RealDate);
  FakeDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: FakeDate, writable: true, configurable: true, enumerable: false });
  FakeDate.now = function now() { return clockNow(); };
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  Object.defineProperty(FakeDate, 'name', { value: 'Date' });
  Object.defineProperty(globalThis, 'Date', { value: FakeDate, writable: true, configurable: true, enumerable: false });
  return {
    date: function (ms) { return new RealDate(ms); },
    array: function (items) { return Array.prototype.slice.call(items); },
    error: function (message) { var e = new Error(message); e.name = 'Exception'; return e; }
  };
})`;

export function loadBundle(runtime: Runtime, source: string | { code: string; filename?: string } = 'build/Code.js'): LoadedBundle {
  const code = typeof source === 'string' ? readFileSync(resolvePath(source), 'utf8') : source.code;
  const filename = typeof source === 'string' ? source : (source.filename ?? 'Code.js');
  const sandbox: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(runtime.globals)) sandbox[k] = v;
  const context = vm.createContext(sandbox, { name: 'apps-script', codeGeneration: { strings: true, wasm: false } });
  const factories = vm.runInContext(PRELUDE, context)(() => runtime.clock.now().getTime()) as {
    date(ms: number): Date;
    array<T>(items: T[]): T[];
    error(message: string): Error;
  };
  runtime.setRealm({ date: factories.date, array: factories.array, error: factories.error });
  const script = new vm.Script(code, { filename });
  script.runInContext(context);

  const lookup = (name: string): ((...a: unknown[]) => unknown) | undefined => {
    if (!IDENTIFIER.test(name)) return undefined;
    const direct = (context as Record<string, unknown>)[name];
    if (typeof direct === 'function') return direct as (...a: unknown[]) => unknown;
    // top-level let/const/class declarations are not properties of the global object
    const found = vm.runInContext(`typeof ${name} === 'function' ? ${name} : undefined`, context);
    return typeof found === 'function' ? (found as (...a: unknown[]) => unknown) : undefined;
  };
  // Each execution starts from the script's top level again, as on Google (globals do not persist).
  // A script with top-level let/const/class cannot be run twice in one context (node:vm keeps its
  // lexical declarations): such a script (only small test scripts; the bundle is var and function)
  // keeps its globals between executions.
  let rerun = true;
  try {
    script.runInContext(context);
  } catch (e) {
    if (!/already been declared/.test(String((e as { message?: unknown })?.message))) throw e;
    rerun = false;
  }
  runtime.bind(lookup, rerun ? () => script.runInContext(context) : undefined);
  return {
    context,
    call(name: string, ...args: unknown[]) {
      return runtime.invoke(name, args);
    },
  };
}
