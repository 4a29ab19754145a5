/**
 * The compiler of the condition language: a validated document becomes a tree of closures, once, and
 * the resulting predicate runs over millions of profiles without re-reading the document.
 *
 * No `eval`, no `new Function`: every node is a closure over pre-computed constants. Every property
 * lookup is an own-property lookup (`Object.prototype.hasOwnProperty`), so what a subject inherits
 * (`toString`, a getter of its class, a polluted `Object.prototype`) never counts as a fact.
 *
 * @module
 */
import { TZDate, tz } from '@date-fns/tz';
import { subMonths, subYears } from 'date-fns';
import { JornadaError } from '../core/errors.js';
import { hashString32 } from '../core/random.js';
import { MS_PER_DAY } from '../core/time.js';
import { localParts } from '../core/zone-time.js';
import {
  childNodes,
  factPathSegments,
  parseConditionDocument,
  type ConditionDocument,
  type ConditionNode,
  type ConditionScalar,
  type ConditionTimeUnit,
  type FactPath,
} from './condition.js';

/**
 * A compiled condition: true when `subject` meets the condition as of the instant `asOf`.
 * The subject is any object (a {@link CustomerProfile}, an event, your own record); a subject that is
 * not an object meets only conditions that hold for missing facts.
 *
 * @category Segments
 */
export type ConditionPredicate = (subject: unknown, asOf: Date) => boolean;

/**
 * Options of {@link compileCondition}.
 *
 * @category Segments
 */
export interface CompileConditionOptions {
  /**
   * IANA zone for the calendar parts of nodes that name none: `anniversary` days and `months` / `years`
   * windows. Default `UTC`.
   */
  timeZone?: string;
}

const hasOwn = Object.prototype.hasOwnProperty;

type Getter = (subject: unknown) => unknown;
type Rec = Record<string, unknown>;
type Reader = (s: Rec) => unknown;

// Sixteen identical one-line readers. V8 keeps one inline cache per function literal, shared by every
// closure made from it, so a single `(s) => s[k]` reading many different keys goes megamorphic and
// slow. Spreading keys over several literals (by a stable hash of the key) keeps each cache nearly
// monomorphic: a property read costs about what `p.monetary` costs in hand-written code.
const READER_SITES: ReadonlyArray<(k: string) => Reader> = [
  (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k],
  (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k],
  (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k],
  (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k], (k) => (s) => s[k],
];

function readerFor(k: string): Reader {
  return (READER_SITES[hashString32(k) % READER_SITES.length] as (k: string) => Reader)(k);
}

type NumericSite = (k: string, op: number, a: number, b: number) => Compiled;

// Eight identical numeric comparisons, for the same reason and spread the same way as the readers:
// a number read through a shared, megamorphic site (or returned from a reader that is not inlined)
// is boxed into a fresh heap number on every read; read and compared in one function with a
// monomorphic site, it is not. op: 0 gt, 1 gte, 2 lt, 3 lte, 4 between [a, b].
const NUMERIC_SITES: readonly NumericSite[] = [
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
  (k, op, a, b) => (s) => {
    if (typeof s !== 'object' || s === null) return false;
    const v = (s as Rec)[k];
    if (typeof v !== 'number') return false;
    return (op === 0 ? v > a : op === 1 ? v >= a : op === 2 ? v < a : op === 3 ? v <= a : v >= a && v <= b) && hasOwn.call(s, k);
  },
];

function numericLeaf(k: string, op: number, a: number, b: number): Compiled {
  return (NUMERIC_SITES[hashString32(k) % NUMERIC_SITES.length] as NumericSite)(k, op, a, b);
}
type Compiled = (subject: unknown, asOf: Date) => boolean;

/**
 * Builds an own-property reader for a fact path.
 *
 * @param path - The fact path.
 * @returns A reader that gives `undefined` when any step is missing or not an own property.
 * @internal
 */
export function factGetter(path: FactPath): Getter {
  const keys = factPathSegments(path);
  if (keys.length === 1) {
    const k = keys[0] as string;
    const read = readerFor(k);
    return (s) => (typeof s === 'object' && s !== null && hasOwn.call(s, k) ? read(s as Rec) : undefined);
  }
  if (keys.length === 2) {
    const k0 = keys[0] as string;
    const k1 = keys[1] as string;
    const read0 = readerFor(k0);
    const read1 = readerFor(k1);
    return (s) => {
      if (typeof s !== 'object' || s === null || !hasOwn.call(s, k0)) return undefined;
      const v = read0(s as Rec);
      return typeof v === 'object' && v !== null && hasOwn.call(v, k1) ? read1(v as Rec) : undefined;
    };
  }
  return (s) => {
    let cur = s;
    for (let i = 0; i < keys.length; i++) {
      if (typeof cur !== 'object' || cur === null) return undefined;
      const k = keys[i] as string;
      if (!hasOwn.call(cur, k)) return undefined;
      cur = (cur as Record<string, unknown>)[k];
    }
    return cur;
  };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The instant of a date value: a `Date`, or an ISO-8601 string that is either a calendar date
 * (`2026-05-10`, read as UTC midnight) or a date-time with `Z` or an offset. Anything else is `NaN`
 * (strings without offset would depend on the machine's zone, so they are refused).
 *
 * @param value - A fact value.
 * @returns Epoch milliseconds, or `NaN`.
 * @internal
 */
export function instantOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return Date.parse(value);
  return NaN;
}

function unitMs(unit: ConditionTimeUnit): number {
  return unit === 'hours' ? 3_600_000 : unit === 'days' ? MS_PER_DAY : unit === 'weeks' ? 7 * MS_PER_DAY : NaN;
}

/** Start of the window "the last `amount` `unit`s before `asOf`" as epoch ms, memoised on `asOf`. */
function windowStart(amount: number, unit: ConditionTimeUnit, zone: string): (asOf: Date) => number {
  const ms = unitMs(unit);
  if (!Number.isNaN(ms)) {
    const span = amount * ms;
    return (asOf) => asOf.getTime() - span;
  }
  const inZone = tz(zone);
  let lastAsOf = NaN;
  let lastStart = NaN;
  return (asOf) => {
    const t = asOf.getTime();
    if (t !== lastAsOf) {
      lastAsOf = t;
      lastStart = Number.isNaN(t)
        ? NaN
        : (unit === 'months' ? subMonths(asOf, amount, { in: inZone }) : subYears(asOf, amount, { in: inZone })).getTime();
    }
    return lastStart;
  };
}

function equalsLiteral(x: ConditionScalar): (v: unknown) => boolean {
  if (typeof x === 'string') {
    const xt = instantOf(x);
    if (!Number.isNaN(xt)) return (v) => v === x || (v instanceof Date && v.getTime() === xt);
  }
  return (v) => v === x;
}

function orderedTest(op: 'gt' | 'gte' | 'lt' | 'lte', x: number | string): (v: unknown) => boolean {
  if (typeof x === 'number') {
    switch (op) {
      case 'gt':
        return (v) => typeof v === 'number' && v > x;
      case 'gte':
        return (v) => typeof v === 'number' && v >= x;
      case 'lt':
        return (v) => typeof v === 'number' && v < x;
      default:
        return (v) => typeof v === 'number' && v <= x;
    }
  }
  const xt = instantOf(x);
  const cmp = (a: number | string, b: number | string): boolean =>
    op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
  return (v) => {
    if (typeof v === 'string') return cmp(v, x);
    if (v instanceof Date) {
      const t = v.getTime();
      return !Number.isNaN(t) && !Number.isNaN(xt) && cmp(t, xt);
    }
    return false;
  };
}

function betweenTest(lo: number | string, hi: number | string): (v: unknown) => boolean {
  if (typeof lo === 'number' && typeof hi === 'number') return (v) => typeof v === 'number' && v >= lo && v <= hi;
  const lot = instantOf(lo);
  const hit = instantOf(hi);
  return (v) => {
    if (typeof v === 'string') return v >= lo && v <= hi;
    if (v instanceof Date) {
      const t = v.getTime();
      return t >= lot && t <= hit;
    }
    return false;
  };
}

function inTest(values: readonly ConditionScalar[]): (v: unknown) => boolean {
  const set = new Set<unknown>(values);
  const times = new Set<number>();
  for (const x of values) {
    if (typeof x === 'string') {
      const t = instantOf(x);
      if (!Number.isNaN(t)) times.add(t);
    }
  }
  if (times.size === 0) return (v) => set.has(v);
  return (v) => set.has(v) || (v instanceof Date && times.has(v.getTime()));
}

/** From 1583 on, local days come from the remembered zone offsets of `core/zone-time` (as in the calendar). */
const FROM_1583 = Date.UTC(1583, 0, 2);

/** Local calendar date of an instant in a zone, as [year, month 1–12, day]. */
function localDate(t: number, zone: string): [number, number, number] {
  if (t >= FROM_1583) {
    const p = localParts(t, zone);
    return [p.year, p.month, p.day];
  }
  const d = new TZDate(t, zone);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}


const CALENDAR_DATE = /^(\d{4}|-)-(\d{2})-(\d{2})$/;

/** Month, day and (maybe) year of a date fact in a zone, or undefined. */
function anniversaryParts(value: unknown, zone: string): [number | undefined, number, number] | undefined {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? undefined : localDate(t, zone);
  }
  if (typeof value === 'string') {
    const m = CALENDAR_DATE.exec(value);
    if (m !== null) {
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
      return [m[1] === '-' ? undefined : Number(m[1]), month, day];
    }
    const t = instantOf(value);
    return Number.isNaN(t) ? undefined : localDate(t, zone);
  }
  if (typeof value === 'object' && value !== null && hasOwn.call(value, 'month') && hasOwn.call(value, 'day')) {
    const o = value as { month: unknown; day: unknown; year?: unknown };
    if (typeof o.month !== 'number' || typeof o.day !== 'number' || !Number.isInteger(o.month) || !Number.isInteger(o.day)) return undefined;
    if (o.month < 1 || o.month > 12 || o.day < 1 || o.day > 31) return undefined;
    const year = hasOwn.call(value, 'year') && typeof o.year === 'number' && Number.isInteger(o.year) ? o.year : undefined;
    return [year, o.month, o.day];
  }
  return undefined;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch day (UTC) of the anniversary of month/day in year y: 29 Feb moves to 28 Feb, 31st to the month's last day. */
function anniversaryDay(y: number, month: number, day: number): number {
  const last = month === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return Date.UTC(y, month - 1, Math.min(day, last)) / MS_PER_DAY;
}

/**
 * Days from the local day `today` (epoch day) to the next anniversary of (year?, month, day) on or after
 * it, only counting years after `year` when it is known.
 */
function daysToAnniversary(todayYear: number, todayEpochDay: number, year: number | undefined, month: number, day: number): number {
  let y = year === undefined ? todayYear : Math.max(todayYear, year + 1);
  let d = anniversaryDay(y, month, day);
  if (d < todayEpochDay) {
    y += 1;
    d = anniversaryDay(y, month, day);
  }
  return d - todayEpochDay;
}

type Leaf = Exclude<ConditionNode, { all: unknown } | { any: unknown } | { not: unknown } | { count: unknown }>;

/**
 * Fused closures for the most common leaves on a one-step path: the read, the test and the own-property
 * check in one function, so that a rule costs one call per node (a call through a closure cannot be
 * inlined when the same call site sees many closures). The value is read first and its ownership
 * checked only when the test would pass: a value found on the prototype chain is still never used, as
 * every positive test fails on a missing value. Same semantics as the general path.
 */
function fastLeaf(k: string, n: Leaf): Compiled | undefined {
  const read = readerFor(k);
  switch (n.op) {
    case 'eq':
    case 'ne': {
      const x = n.value;
      if (typeof x === 'string' && !Number.isNaN(instantOf(x))) return undefined;
      if (n.op === 'eq') return (s) => typeof s === 'object' && s !== null && read(s as Rec) === x && hasOwn.call(s, k);
      return (s) => !(typeof s === 'object' && s !== null && read(s as Rec) === x && hasOwn.call(s, k));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const x = n.value;
      if (typeof x !== 'number') return undefined;
      return numericLeaf(k, n.op === 'gt' ? 0 : n.op === 'gte' ? 1 : n.op === 'lt' ? 2 : 3, x, x);
    }
    case 'between': {
      const [lo, hi] = n.value;
      if (typeof lo !== 'number' || typeof hi !== 'number') return undefined;
      return numericLeaf(k, 4, lo, hi);
    }
    case 'in':
    case 'notIn': {
      const list = n.value;
      if (list.length > 8 || list.some((x) => typeof x === 'string' && !Number.isNaN(instantOf(x)))) return undefined;
      const positive = n.op === 'in';
      return (s) => {
        if ((typeof s !== 'object' || s === null)) return !positive;
        const v = read(s as Rec);
        for (let i = 0; i < list.length; i++) if (list[i] === v) return hasOwn.call(s, k) === positive;
        return !positive;
      };
    }
    case 'exists':
      return (s) => {
        if ((typeof s !== 'object' || s === null)) return false;
        const v = read(s as Rec);
        return v !== undefined && v !== null && hasOwn.call(s, k);
      };
    case 'withinLast':
    case 'moreThanAgo': {
      const ms = unitMs(n.unit);
      if (Number.isNaN(ms)) return undefined;
      const span = n.amount * ms;
      if (n.op === 'withinLast') {
        return (s, asOf) => {
          if ((typeof s !== 'object' || s === null)) return false;
          const v = read(s as Rec);
          const t = v instanceof Date ? v.getTime() : instantOf(v);
          const at = asOf.getTime();
          return t >= at - span && t <= at && hasOwn.call(s, k);
        };
      }
      return (s, asOf) => {
        if ((typeof s !== 'object' || s === null)) return false;
        const v = read(s as Rec);
        const t = v instanceof Date ? v.getTime() : instantOf(v);
        return t < asOf.getTime() - span && hasOwn.call(s, k);
      };
    }
    default:
      return undefined;
  }
}

function compileFactNode(node: ConditionNode & { fact: FactPath }, defaultZone: string): Compiled {
  const n = node as Leaf;
  const keys = factPathSegments(node.fact);
  if (keys.length === 1) {
    const fast = fastLeaf(keys[0] as string, n);
    if (fast !== undefined) return fast;
  }
  const get = factGetter(node.fact);
  switch (n.op) {
    case 'eq': {
      const test = equalsLiteral(n.value);
      return (s) => test(get(s));
    }
    case 'ne': {
      const test = equalsLiteral(n.value);
      return (s) => !test(get(s));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const x = n.value;
      if (typeof x !== 'number' && typeof x !== 'string') return () => false;
      const test = orderedTest(n.op, x);
      return (s) => test(get(s));
    }
    case 'between': {
      const test = betweenTest(n.value[0], n.value[1]);
      return (s) => test(get(s));
    }
    case 'in': {
      const test = inTest(n.value);
      return (s) => test(get(s));
    }
    case 'notIn': {
      const test = inTest(n.value);
      return (s) => !test(get(s));
    }
    case 'contains': {
      const x = n.value;
      const eq = equalsLiteral(x);
      return (s) => {
        const v = get(s);
        if (typeof v === 'string') return typeof x === 'string' && v.includes(x);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) if (eq(v[i])) return true;
        }
        return false;
      };
    }
    case 'startsWith': {
      const x = n.value;
      return (s) => {
        const v = get(s);
        return typeof v === 'string' && v.startsWith(x);
      };
    }
    case 'endsWith': {
      const x = n.value;
      return (s) => {
        const v = get(s);
        return typeof v === 'string' && v.endsWith(x);
      };
    }
    case 'exists':
      return (s) => {
        const v = get(s);
        return v !== undefined && v !== null;
      };
    case 'withinLast': {
      const start = windowStart(n.amount, n.unit, n.timeZone ?? defaultZone);
      return (s, asOf) => {
        const t = instantOf(get(s));
        return t >= start(asOf) && t <= asOf.getTime();
      };
    }
    case 'moreThanAgo': {
      const start = windowStart(n.amount, n.unit, n.timeZone ?? defaultZone);
      return (s, asOf) => instantOf(get(s)) < start(asOf);
    }
    case 'anniversary': {
      const zone = n.timeZone ?? defaultZone;
      const within = n.withinDays ?? 0;
      let lastAsOf = NaN;
      let todayYear = NaN;
      let todayDay = NaN;
      return (s, asOf) => {
        const parts = anniversaryParts(get(s), zone);
        if (parts === undefined) return false;
        const t = asOf.getTime();
        if (Number.isNaN(t)) return false;
        if (t !== lastAsOf) {
          const [y, m, d] = localDate(t, zone);
          lastAsOf = t;
          todayYear = y;
          todayDay = Date.UTC(y, m - 1, d) / MS_PER_DAY;
        }
        return daysToAnniversary(todayYear, todayDay, parts[0], parts[1], parts[2]) <= within;
      };
    }
  }
}

function countCompare(op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'between', value: number | [number, number]): (n: number) => boolean {
  if (Array.isArray(value)) {
    const [lo, hi] = value;
    return (n) => n >= lo && n <= hi;
  }
  switch (op) {
    case 'eq':
      return (n) => n === value;
    case 'ne':
      return (n) => n !== value;
    case 'gt':
      return (n) => n > value;
    case 'gte':
      return (n) => n >= value;
    case 'lt':
      return (n) => n < value;
    default:
      return (n) => n <= value;
  }
}

function compileNode(node: ConditionNode, defaultZone: string): Compiled {
  if ('all' in node) {
    const parts = node.all.map((c) => compileNode(c, defaultZone));
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0] as Compiled;
    if (parts.length === 2) {
      const [a, b] = parts as [Compiled, Compiled];
      return (s, d) => a(s, d) && b(s, d);
    }
    if (parts.length === 3) {
      const [a, b, c] = parts as [Compiled, Compiled, Compiled];
      return (s, d) => a(s, d) && b(s, d) && c(s, d);
    }
    if (parts.length === 4) {
      const [a, b, c, e] = parts as [Compiled, Compiled, Compiled, Compiled];
      return (s, d) => a(s, d) && b(s, d) && c(s, d) && e(s, d);
    }
    if (parts.length === 5) {
      const [a, b, c, e, f] = parts as [Compiled, Compiled, Compiled, Compiled, Compiled];
      return (s, d) => a(s, d) && b(s, d) && c(s, d) && e(s, d) && f(s, d);
    }
    return (s, d) => {
      for (let i = 0; i < parts.length; i++) if (!(parts[i] as Compiled)(s, d)) return false;
      return true;
    };
  }
  if ('any' in node) {
    const parts = node.any.map((c) => compileNode(c, defaultZone));
    if (parts.length === 0) return () => false;
    if (parts.length === 1) return parts[0] as Compiled;
    if (parts.length === 2) {
      const [a, b] = parts as [Compiled, Compiled];
      return (s, d) => a(s, d) || b(s, d);
    }
    if (parts.length === 3) {
      const [a, b, c] = parts as [Compiled, Compiled, Compiled];
      return (s, d) => a(s, d) || b(s, d) || c(s, d);
    }
    if (parts.length === 4) {
      const [a, b, c, e] = parts as [Compiled, Compiled, Compiled, Compiled];
      return (s, d) => a(s, d) || b(s, d) || c(s, d) || e(s, d);
    }
    if (parts.length === 5) {
      const [a, b, c, e, f] = parts as [Compiled, Compiled, Compiled, Compiled, Compiled];
      return (s, d) => a(s, d) || b(s, d) || c(s, d) || e(s, d) || f(s, d);
    }
    return (s, d) => {
      for (let i = 0; i < parts.length; i++) if ((parts[i] as Compiled)(s, d)) return true;
      return false;
    };
  }
  if ('not' in node) {
    const inner = compileNode(node.not, defaultZone);
    return (s, d) => !inner(s, d);
  }
  if ('count' in node) {
    const list = factGetter(node.count);
    const where = node.where === undefined ? undefined : compileNode(node.where, defaultZone);
    const compare = countCompare(node.op, node.value);
    const window = node.within;
    const start = window === undefined ? undefined : windowStart(window.amount, window.unit, node.timeZone ?? defaultZone);
    const dateOf = factGetter(node.dateField ?? 'at');
    // For "at least n" the scan may stop as soon as n events are found.
    const stopAt = !Array.isArray(node.value) && (node.op === 'gte' || node.op === 'gt') ? (node.op === 'gte' ? node.value : node.value + 1) : Infinity;
    return (s, asOf) => {
      const events = list(s);
      let n = 0;
      if (Array.isArray(events)) {
        const from = start === undefined ? NaN : start(asOf);
        const to = asOf.getTime();
        for (let i = 0; i < events.length; i++) {
          const e: unknown = events[i];
          if (start !== undefined) {
            const t = instantOf(dateOf(e));
            if (!(t >= from && t <= to)) continue;
          }
          if (where !== undefined && !where(e, asOf)) continue;
          n++;
          if (n >= stopAt) return true;
        }
      }
      return compare(n);
    };
  }
  return compileFactNode(node, defaultZone);
}

function resolveZone(options: CompileConditionOptions): string {
  const zone = options.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new JornadaError('INVALID_OPTION', `Unknown time zone: ${zone}`, { issues: [{ path: ['timeZone'], message: 'must be an IANA time-zone name' }] });
  }
  return zone;
}

/**
 * Compiles a condition document once into a predicate.
 *
 * The document is validated first (so it may come straight from `JSON.parse`). The predicate takes the
 * subject and the evaluation instant `asOf`, against which relative dates and count windows are
 * measured; it never throws and never allocates on the common paths.
 *
 * @param document - A condition document (validated here).
 * @param options - Default time zone for calendar-based nodes.
 * @returns The predicate `(subject, asOf) => boolean`.
 * @throws {JornadaError} `INVALID_RULE` with the JSON path of the offending node; `INVALID_OPTION`
 *   for an unknown `timeZone`.
 *
 * @example
 * ```ts
 * const vip = compileCondition({ version: 1, condition: { all: [
 *   { fact: 'monetary', op: 'gte', value: 1000 },
 *   { fact: 'lastOrderAt', op: 'withinLast', amount: 90, unit: 'days' },
 * ] } });
 * const asOf = new Date('2026-11-01T03:00:00Z');
 * vip({ monetary: 1500, lastOrderAt: new Date('2026-10-01T12:00:00Z') }, asOf); //=> true
 * vip({ monetary: 1500, lastOrderAt: new Date('2026-01-01T12:00:00Z') }, asOf); //=> false
 * ```
 * @category Segments
 */
export function compileCondition(document: unknown, options: CompileConditionOptions = {}): ConditionPredicate {
  const zone = resolveZone(options);
  const doc = parseConditionDocument(document);
  return compileNode(doc.condition, zone);
}

/**
 * Which nodes of a condition held for one subject: the answer to "why is this customer (not) in the
 * segment?".
 *
 * @category Segments
 */
export interface ConditionExplanation {
  /** Whether the whole condition held. */
  passed: boolean;
  /** Every node in document order (pre-order), with its JSON path from the document root and its outcome. */
  nodes: Array<{
    /** JSON path of the node (`['condition', 'all', 1]`). */
    path: (string | number)[];
    /** Whether the node held (children are all evaluated, without short-circuit). */
    passed: boolean;
  }>;
}

/**
 * Evaluates a condition for one subject and reports the outcome of every node, for explanations to
 * operators and to data subjects (LGPD art. 20). Slower than {@link compileCondition}: use it for one
 * customer at a time.
 *
 * @param document - A condition document (validated here).
 * @param subject - The profile or record.
 * @param asOf - The evaluation instant.
 * @param options - Default time zone for calendar-based nodes.
 * @returns The overall outcome and the outcome of each node.
 * @throws {JornadaError} `INVALID_RULE` for an invalid document; `INVALID_OPTION` for an unknown zone.
 *
 * @example
 * ```ts
 * explainCondition({ version: 1, condition: { any: [
 *   { fact: 'frequency', op: 'gte', value: 5 }, { fact: 'monetary', op: 'gte', value: 1000 },
 * ] } }, { frequency: 2, monetary: 1200 }, new Date('2026-11-01T00:00:00Z')).nodes;
 * //=> [{ path: ['condition'], passed: true },
 * //    { path: ['condition', 'any', 0], passed: false },
 * //    { path: ['condition', 'any', 1], passed: true }]
 * ```
 * @category Segments
 */
export function explainCondition(document: unknown, subject: unknown, asOf: Date, options: CompileConditionOptions = {}): ConditionExplanation {
  const zone = resolveZone(options);
  const doc: ConditionDocument = parseConditionDocument(document);
  const nodes: ConditionExplanation['nodes'] = [];
  const stack: Array<[ConditionNode, (string | number)[]]> = [[doc.condition, ['condition']]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [ConditionNode, (string | number)[]];
    nodes.push({ path, passed: compileNode(node, zone)(subject, asOf) });
    if ('count' in node) continue; // the where clause is evaluated per event, not on the subject
    const children = childNodes(node, path);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as [ConditionNode, (string | number)[]]);
  }
  return { passed: nodes[0]?.passed ?? false, nodes };
}
