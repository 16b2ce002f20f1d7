/**
 * Core of the fake Apps Script runtime: the shared environment, the clock, the realm (how values
 * are created for the code under test, e.g. a vm context), call counting and the Proxy boundary
 * that every fake object crosses on its way to the script.
 */

/** Creates values in the realm of the code under test (a vm context, or this realm by default). */
export interface Realm {
  date(ms: number): Date;
  array<T>(items: T[]): T[];
  error(message: string): Error;
}

export const nodeRealm: Realm = {
  date: (ms) => new Date(ms),
  array: (items) => items,
  error: (message) => {
    const e = new Error(message);
    e.name = 'Exception';
    return e;
  },
};

/** An error raised by a fake service; crosses the boundary as a realm Error named 'Exception'. */
export class FakeException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Throws the service error with the given message (String(e) reads `Exception: <message>`). */
export function fail(message: string): never {
  throw new FakeException(message);
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Milliseconds of a Date from any realm. */
export function dateMs(v: unknown): number {
  return Date.prototype.getTime.call(v as Date);
}

export class Clock {
  private ms: number;
  constructor(d: Date) {
    this.ms = d.getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  nowMs(): number {
    return this.ms;
  }
  set(d: Date): void {
    this.ms = dateMs(d);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export class CallCounter {
  private counts = new Map<string, number>();
  /** When set, every call is also listed here in order, with its string and number arguments (a diagnostic for the bench). */
  trace: string[] | null = null;
  hit(key: string, args?: unknown[]): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.trace) this.trace.push(args && args.length ? `${key}(${args.map((a) => (typeof a === 'string' || typeof a === 'number' ? JSON.stringify(a) : typeof a)).join(', ')})` : key);
  }
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  reset(): void {
    this.counts.clear();
  }
}

/** Base class of every fake object that crosses the boundary. Internal members start with `_`. */
export abstract class Fake {
  abstract readonly _cls: string;
}

/** A typed view of a fake under another class name (e.g. an Item seen as a TextItem). */
export class View {
  constructor(
    readonly target: Fake,
    readonly cls: string,
  ) {}
}

/** Member names that must never throw (Jest, util.inspect, Promise resolution, JSON). */
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'nodeType',
  '$$typeof',
  'asymmetricMatch',
  'toString',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__proto__',
  'prototype',
  'length',
  'name',
  'tagName',
  'nodeName',
  'children',
]);

/** Per-class allowlists; classes without one expose every public method of the fake object. */
const ALLOWED: Record<string, Set<string>> = {};
export function allowMethods(cls: string, names: string[]): void {
  ALLOWED[cls] = new Set(names);
}

const rawOf = new WeakMap<object, Fake>();

export function unwrap<T>(v: T): T {
  if (v && (typeof v === 'object' || typeof v === 'function')) {
    const raw = rawOf.get(v as unknown as object);
    if (raw) return raw as unknown as T;
  }
  return v;
}

export function isFakeProxy(v: unknown): boolean {
  return !!v && typeof v === 'object' && rawOf.has(v);
}

export class Boundary {
  readonly notImplemented: string[] = [];
  /** runs before every counted call (simulated latency, execution time limit) */
  beforeCall: ((key: string) => void) | null = null;
  private proxies = new WeakMap<Fake, Map<string, object>>();
  constructor(
    private calls: CallCounter,
    private realm: () => Realm,
  ) {}

  /** The proxy the script sees for a fake (one per fake and class name). */
  wrap<T>(obj: Fake, cls = obj._cls): T {
    let byCls = this.proxies.get(obj);
    if (!byCls) {
      byCls = new Map();
      this.proxies.set(obj, byCls);
    }
    const existing = byCls.get(cls);
    if (existing) return existing as T;
    const methods = new Map<string, unknown>();
    // The Proxy handler needs the boundary, and `this` inside the handler is the handler.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const boundary = this;
    const proxy: object = new Proxy(obj, {
      get(target, prop, receiver) {
        if (typeof prop === 'symbol' || PASS_THROUGH.has(prop) || prop.startsWith('@@')) {
          return Reflect.get(target, prop);
        }
        const allowed = ALLOWED[cls];
        const v = prop.startsWith('_') ? undefined : (target as unknown as Record<string, unknown>)[prop];
        if (typeof v === 'function' && (!allowed || allowed.has(prop))) {
          let m = methods.get(prop);
          if (!m) {
            const key = `${cls}.${prop}`;
            m = function (this: unknown, ...args: unknown[]) {
              boundary.calls.hit(key, args);
              if (boundary.beforeCall) {
                try {
                  boundary.beforeCall(key);
                } catch (e) {
                  if (e instanceof FakeException) throw boundary.realm().error(e.message);
                  throw e;
                }
              }
              return boundary.call(target, receiver as object, v as (...a: unknown[]) => unknown, args);
            };
            methods.set(prop, m);
          }
          return m;
        }
        if (v !== undefined && typeof v !== 'function' && !allowed) return v;
        const msg = `Fake Apps Script: ${cls}.${prop} is not implemented`;
        boundary.notImplemented.push(`${cls}.${prop}`);
        throw boundary.realm().error(msg);
      },
      ownKeys(target) {
        return Reflect.ownKeys(target).filter((k) => typeof k !== 'string' || !k.startsWith('_'));
      },
      getOwnPropertyDescriptor(target, prop) {
        if (typeof prop === 'string' && prop.startsWith('_')) return undefined;
        return Reflect.getOwnPropertyDescriptor(target, prop);
      },
      set(_t, prop) {
        throw boundary.realm().error(`Fake Apps Script: cannot set ${cls}.${String(prop)}`);
      },
    });
    rawOf.set(proxy, obj);
    byCls.set(cls, proxy);
    return proxy as T;
  }

  private call(target: Fake, receiver: object, fn: (...a: unknown[]) => unknown, args: unknown[]): unknown {
    let result: unknown;
    try {
      result = fn.apply(target, args.map((a) => this.importValue(a)));
    } catch (e) {
      if (e instanceof FakeException) throw this.realm().error(e.message);
      throw e;
    }
    if (result === target) return receiver;
    return this.exportValue(result);
  }

  /** Proxies → raw fakes (recursively in arrays). Everything else is left as it is. */
  importValue(v: unknown): unknown {
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const y = this.importValue(x);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    return unwrap(v);
  }

  /** Fakes → proxies, Dates → realm Dates, arrays → realm arrays (recursively). */
  exportValue(v: unknown): unknown {
    if (v === null || v === undefined) return v;
    if (typeof v !== 'object') return v;
    if (v instanceof View) return this.wrap(v.target, v.cls);
    if (v instanceof Fake) return this.wrap(v);
    if (isDate(v)) return this.realm().date(dateMs(v));
    if (Array.isArray(v)) return this.realm().array(v.map((x) => this.exportValue(x)));
    return v;
  }
}
