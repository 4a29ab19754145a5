/**
 * Customer-relative dates: birthdays, anniversaries of signup and first purchase, a number of days
 * after the last purchase or before an expected replenishment — each a local day in the customer's
 * own time zone.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import type { Customer, PartialDate } from '../model/customer.js';
import {
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  assertTimeZone,
  calendarDayFromSerial,
  calendarDaySerial,
  dayOfInstant,
  daysInCalendarMonth,
  formatCalendarDay,
  instantMs,
  isGregorianLeapYear,
  requireOptions,
  shownValue,
  startOfDayInZone,
  type CalendarDay,
} from './calendar-day.js';

/**
 * Where a 29 February birthday or anniversary falls in a common year:
 *
 * - `feb28` — on 28 February, the last day of the same month (the default: the customer is greeted
 *   in their own month, and the date is never later than the real one);
 * - `mar1` — on 1 March, the day after 28 February. This is how Brazil's Código Civil (art. 132 §3)
 *   counts periods of years: "expiram no dia de igual número do de início, ou no imediato, se faltar
 *   exata correspondência".
 *
 * @category Calendar
 */
export type Feb29Policy = 'feb28' | 'mar1';

/**
 * What a {@link CustomerDateOccurrence} marks.
 *
 * @category Calendar
 */
export type CustomerDateKind =
  | 'birthday'
  | 'signup_anniversary'
  | 'first_purchase_anniversary'
  | 'after_last_purchase'
  | 'before_replenishment';

/**
 * A customer-relative date: a local day in the customer's time zone and the instants it covers there.
 *
 * @category Calendar
 */
export interface CustomerDateOccurrence {
  /** The customer. */
  customerId: string;
  /** What the day marks. */
  kind: CustomerDateKind;
  /** The local calendar day. */
  day: CalendarDay;
  /** The day as ISO 8601 `YYYY-MM-DD`. */
  isoDate: string;
  /** The zone the day is local to: the customer's, or the default. */
  timeZone: string;
  /** First instant of the day in that zone (inclusive). */
  start: Date;
  /** First instant of the next day in that zone (exclusive). */
  end: Date;
  /** Age reached or anniversary number (1 for the first anniversary); absent when the birth year is unknown. */
  years?: number;
  /** `true` when a 29 February date was moved to 28 February or 1 March by the {@link Feb29Policy}. */
  movedFromFeb29?: boolean;
}

/**
 * The customer fields these functions read (a {@link Customer} fits).
 *
 * @category Calendar
 */
export type CustomerDateSubject = Pick<Customer, 'id' | 'timeZone'> & Partial<Pick<Customer, 'birthday' | 'createdAt'>>;

/**
 * Zone options shared by the customer-relative functions.
 *
 * @category Calendar
 */
export interface CustomerZoneOptions {
  /** IANA zone for customers without `timeZone`; default `UTC`. */
  defaultTimeZone?: string;
}

/**
 * Options of the yearly customer dates ({@link birthdayOccurrences}, {@link birthdaysInRange},
 * {@link signupAnniversaries}, {@link firstPurchaseAnniversaries}).
 *
 * @category Calendar
 */
export interface CustomerRangeOptions extends CustomerZoneOptions {
  /** Start of the range, inclusive (an instant). */
  from: Date | string;
  /** End of the range, exclusive (an instant). A local day is returned when it overlaps `[from, to)`. */
  to: Date | string;
  /** Where 29 February falls in common years; default `feb28`. */
  feb29?: Feb29Policy;
}

function customerZone(customer: CustomerDateSubject, options: CustomerZoneOptions | undefined): string {
  if (options !== undefined) requireOptions(options);
  const own = customer.timeZone;
  if (own !== undefined) return assertTimeZone(own, ['timeZone'], 'INVALID_INPUT');
  return assertTimeZone(options?.defaultTimeZone ?? 'UTC', ['defaultTimeZone']);
}

function policyOf(options: CustomerRangeOptions): Feb29Policy {
  requireOptions(options);
  const p = options.feb29 ?? 'feb28';
  if (p !== 'feb28' && p !== 'mar1') {
    throw new JornadaError('INVALID_OPTION', `Invalid option feb29: ${shownValue(p)}`, {
      issues: [{ path: ['feb29'], message: "must be 'feb28' or 'mar1'" }],
    });
  }
  return p;
}

/** Local day serial range [first, last] of the instants [from, to) in a zone; `undefined` when empty. */
function serialRange(timeZone: string, from: number, to: number): [number, number] | undefined {
  if (to <= from) return undefined;
  return [calendarDaySerial(dayOfInstant(from, timeZone)), calendarDaySerial(dayOfInstant(to - 1, timeZone))];
}

function occurrence(
  customerId: string,
  kind: CustomerDateKind,
  serial: number,
  timeZone: string,
  extra: { years?: number; movedFromFeb29?: boolean },
): CustomerDateOccurrence {
  const day = calendarDayFromSerial(serial);
  const o: CustomerDateOccurrence = {
    customerId,
    kind,
    day,
    isoDate: formatCalendarDay(day),
    timeZone,
    start: new Date(startOfDayInZone(day, timeZone)),
    end: new Date(startOfDayInZone(calendarDayFromSerial(serial + 1), timeZone)),
  };
  if (extra.years !== undefined) o.years = extra.years;
  if (extra.movedFromFeb29 === true) o.movedFromFeb29 = true;
  return o;
}

/**
 * The serial of a yearly date (month, day) in year `year` under the 29 February policy; `moved` tells
 * whether it was moved.
 */
function yearlySerial(year: number, month: number, day: number, policy: Feb29Policy): { serial: number; moved: boolean } {
  if (month === 2 && day === 29 && !isGregorianLeapYear(year)) {
    return policy === 'feb28'
      ? { serial: calendarDaySerial({ year, month: 2, day: 28 }), moved: true }
      : { serial: calendarDaySerial({ year, month: 3, day: 1 }), moved: true };
  }
  return { serial: calendarDaySerial({ year, month, day }), moved: false };
}

/** Yearly occurrences of (month, day) after `originYear`, whose serial is in [first, last]. */
function yearly(
  customerId: string,
  kind: CustomerDateKind,
  month: number,
  day: number,
  originYear: number | undefined,
  range: [number, number],
  timeZone: string,
  policy: Feb29Policy,
): CustomerDateOccurrence[] {
  const [first, last] = range;
  const out: CustomerDateOccurrence[] = [];
  // A yearly date in year Y lies in Y, so only the years of the range's ends matter.
  const fromYear = Math.max(MIN_CALENDAR_YEAR, calendarDayFromSerial(first).year, originYear === undefined ? -Infinity : originYear + 1);
  const toYear = Math.min(MAX_CALENDAR_YEAR, calendarDayFromSerial(last).year);
  for (let year = fromYear; year <= toYear; year++) {
    const { serial, moved } = yearlySerial(year, month, day, policy);
    if (serial < first || serial > last) continue;
    const extra: { years?: number; movedFromFeb29?: boolean } = { movedFromFeb29: moved };
    if (originYear !== undefined) extra.years = year - originYear;
    out.push(occurrence(customerId, kind, serial, timeZone, extra));
  }
  return out;
}

function checkBirthday(b: PartialDate, path: readonly (string | number)[] = ['birthday']): PartialDate {
  const ok =
    typeof b === 'object' &&
    b !== null &&
    Number.isInteger(b.month) &&
    Number.isInteger(b.day) &&
    b.month >= 1 &&
    b.month <= 12 &&
    b.day >= 1 &&
    b.day <= (b.month === 2 ? 29 : daysInCalendarMonth(2001, b.month)) &&
    (b.year === undefined || Number.isInteger(b.year));
  if (!ok) {
    throw new JornadaError('INVALID_INPUT', 'Invalid birthday', {
      issues: [{ path: [...path], message: 'must be { year?, month 1–12, day valid for the month }', code: 'invalid_date' }],
    });
  }
  return b;
}

/**
 * A customer's birthdays whose local day (in the customer's time zone) overlaps a range of instants,
 * sorted. Each year after the birth year has exactly one birthday: 29 February falls on 28 February
 * or 1 March in common years, as `feb29` says. No birthday, no occurrences.
 *
 * @param customer - The customer (`id`, `birthday`, `timeZone`).
 * @param options - Range `[from, to)`, `feb29` policy (default `feb28`), `defaultTimeZone` (default `UTC`).
 * @returns The birthdays, with `years` = the age reached when the birth year is known.
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant, birthday or customer zone;
 *   `INVALID_OPTION` for an unknown default zone or policy.
 *
 * @example
 * ```ts
 * const leap = { id: 'c-1', birthday: { year: 2000, month: 2, day: 29 }, timeZone: 'America/Sao_Paulo' };
 * birthdayOccurrences(leap, { from: '2027-01-01T00:00:00-03:00', to: '2028-12-31T00:00:00-03:00' })
 *   .map((o) => `${o.isoDate} ${o.years}`);
 * //=> ['2027-02-28 27', '2028-02-29 28']
 * ```
 * @category Calendar
 */
export function birthdayOccurrences(customer: CustomerDateSubject, options: CustomerRangeOptions): CustomerDateOccurrence[] {
  const policy = policyOf(options);
  const from = instantMs(options.from, 'from');
  const to = instantMs(options.to, 'to');
  const timeZone = customerZone(customer, options);
  if (customer.birthday === undefined) return [];
  const b = checkBirthday(customer.birthday);
  const range = serialRange(timeZone, from, to);
  if (range === undefined) return [];
  return yearly(customer.id, 'birthday', b.month, b.day, b.year, range, timeZone, policy);
}

/**
 * The birthdays of many customers in a range of instants, each read in the customer's own zone:
 * sorted by day, then by the customers' order. Equivalent to calling {@link birthdayOccurrences} for
 * each customer and merging, but the range is converted to local days once per zone.
 *
 * @param customers - Customers (`id`, `birthday`, `timeZone`); those without birthday are skipped.
 * @param options - Range `[from, to)`, `feb29` policy, `defaultTimeZone`.
 * @returns The birthdays of all customers in the range.
 * @throws {JornadaError} as {@link birthdayOccurrences}; issue paths name the customer's position
 *   (`['customers', 7, 'birthday']`).
 *
 * @example
 * ```ts
 * birthdaysInRange(
 *   [{ id: 'a', birthday: { month: 11, day: 20 } }, { id: 'b', birthday: { month: 11, day: 5 } }, { id: 'c' }],
 *   { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
 * ).map((o) => `${o.customerId} ${o.isoDate}`);
 * //=> ['b 2026-11-05', 'a 2026-11-20']
 * ```
 * @category Calendar
 */
export function birthdaysInRange(customers: Iterable<CustomerDateSubject>, options: CustomerRangeOptions): CustomerDateOccurrence[] {
  const policy = policyOf(options);
  const from = instantMs(options.from, 'from');
  const to = instantMs(options.to, 'to');
  const defaultZone = assertTimeZone(options.defaultTimeZone ?? 'UTC', ['defaultTimeZone']);
  const ranges = new Map<string, [number, number] | undefined>();
  const found: { o: CustomerDateOccurrence; serial: number; order: number }[] = [];
  let order = 0;
  for (const customer of customers) {
    order++;
    if (customer.birthday === undefined) continue;
    const timeZone = customer.timeZone ?? defaultZone;
    let range = ranges.get(timeZone);
    if (!ranges.has(timeZone)) {
      assertTimeZone(timeZone, ['customers', order - 1, 'timeZone'], 'INVALID_INPUT');
      range = serialRange(timeZone, from, to);
      ranges.set(timeZone, range);
    }
    if (range === undefined) continue;
    const b = checkBirthday(customer.birthday, ['customers', order - 1, 'birthday']);
    for (const o of yearly(customer.id, 'birthday', b.month, b.day, b.year, range, timeZone, policy)) {
      found.push({ o, serial: calendarDaySerial(o.day), order });
    }
  }
  found.sort((x, y) => x.serial - y.serial || x.order - y.order);
  return found.map((f) => f.o);
}

function anniversaries(
  customerId: string,
  kind: CustomerDateKind,
  origin: Date | string,
  originPath: string,
  timeZone: string,
  options: CustomerRangeOptions,
): CustomerDateOccurrence[] {
  const policy = policyOf(options);
  const from = instantMs(options.from, 'from');
  const to = instantMs(options.to, 'to');
  const start = dayOfInstant(instantMs(origin, originPath), timeZone);
  const range = serialRange(timeZone, from, to);
  if (range === undefined) return [];
  return yearly(customerId, kind, start.month, start.day, start.year, range, timeZone, policy);
}

/**
 * Anniversaries of the customer's signup (`createdAt`), as local days in the customer's zone, that
 * overlap a range of instants. The first anniversary is one year after the local signup day; a signup
 * on 29 February follows the `feb29` policy in common years.
 *
 * @param customer - The customer (`id`, `createdAt`, `timeZone`).
 * @param options - Range `[from, to)`, `feb29`, `defaultTimeZone`.
 * @returns The anniversaries, with `years` = 1 for the first.
 * @throws {JornadaError} `INVALID_INPUT` when `createdAt` is missing or invalid, or for an invalid zone;
 *   `INVALID_OPTION` for a bad option.
 *
 * @example
 * ```ts
 * // Signed up at 22:00 on 2 March 2025 in São Paulo (01:00 UTC on 3 March).
 * signupAnniversaries(
 *   { id: 'c-1', createdAt: new Date('2025-03-03T01:00:00Z'), timeZone: 'America/Sao_Paulo' },
 *   { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
 * ).map((o) => o.isoDate); //=> ['2026-03-02']
 * ```
 * @category Calendar
 */
export function signupAnniversaries(customer: CustomerDateSubject, options: CustomerRangeOptions): CustomerDateOccurrence[] {
  if (customer.createdAt === undefined) {
    throw new JornadaError('INVALID_INPUT', 'The customer has no createdAt', {
      issues: [{ path: ['createdAt'], message: 'required for signup anniversaries', code: 'invalid_type' }],
    });
  }
  return anniversaries(customer.id, 'signup_anniversary', customer.createdAt, 'createdAt', customerZone(customer, options), options);
}

/**
 * Anniversaries of the customer's first purchase, as local days in the customer's zone, that overlap
 * a range of instants. Pass the instant of the first purchase (from your orders or the value module's
 * summaries); `undefined` (no purchase yet) gives no anniversaries.
 *
 * @param customer - The customer (`id`, `timeZone`).
 * @param firstPurchaseAt - Instant of the first purchase, or `undefined`.
 * @param options - Range `[from, to)`, `feb29`, `defaultTimeZone`.
 * @returns The anniversaries, with `years` = 1 for the first.
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant or zone; `INVALID_OPTION` for a bad option.
 *
 * @example
 * ```ts
 * firstPurchaseAnniversaries({ id: 'c-1', timeZone: 'America/Sao_Paulo' }, '2024-02-29T15:00:00-03:00',
 *   { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', feb29: 'mar1' })
 *   .map((o) => `${o.isoDate} ${o.years} ${o.movedFromFeb29}`); //=> ['2025-03-01 1 true']
 * ```
 * @category Calendar
 */
export function firstPurchaseAnniversaries(
  customer: CustomerDateSubject,
  firstPurchaseAt: Date | string | undefined,
  options: CustomerRangeOptions,
): CustomerDateOccurrence[] {
  const timeZone = customerZone(customer, options);
  if (firstPurchaseAt === undefined) return [];
  return anniversaries(customer.id, 'first_purchase_anniversary', firstPurchaseAt, 'firstPurchaseAt', timeZone, options);
}

function checkDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 36_600) {
    throw new JornadaError('INVALID_OPTION', `Invalid number of days: ${shownValue(days)}`, {
      issues: [{ path: ['days'], message: 'must be an integer in 0..36600', code: 'out_of_range' }],
    });
  }
  return days;
}

/**
 * The local day (in the customer's zone) that is `days` calendar days after the day of the last
 * purchase: the trigger day of a "we miss you" or review-request contact.
 *
 * @param customer - The customer (`id`, `timeZone`).
 * @param lastPurchaseAt - Instant of the last purchase.
 * @param days - Calendar days after it, an integer ≥ 0 (0 is the purchase day itself).
 * @param options - `defaultTimeZone` (default `UTC`).
 * @returns The occurrence, kind `after_last_purchase`.
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant or zone; `INVALID_OPTION` for a bad `days`.
 *
 * @example
 * ```ts
 * // Bought at 23:00 on 30 Jan in São Paulo (02:00 UTC on 31 Jan): 30 days later is 1 March there.
 * daysAfterLastPurchase({ id: 'c-1', timeZone: 'America/Sao_Paulo' }, '2026-01-31T02:00:00Z', 30).isoDate;
 * //=> '2026-03-01'
 * ```
 * @category Calendar
 */
export function daysAfterLastPurchase(
  customer: CustomerDateSubject,
  lastPurchaseAt: Date | string,
  days: number,
  options?: CustomerZoneOptions,
): CustomerDateOccurrence {
  const timeZone = customerZone(customer, options);
  const t = instantMs(lastPurchaseAt, 'lastPurchaseAt');
  const serial = calendarDaySerial(dayOfInstant(t, timeZone)) + checkDays(days);
  return occurrence(customer.id, 'after_last_purchase', serial, timeZone, {});
}

/**
 * The local day (in the customer's zone) that is `days` calendar days before the day of an expected
 * replenishment: when to remind a customer before the food bag runs out. The expected instant is an
 * input (the value module estimates it from the customer's purchase intervals; the cadence module
 * wires the two).
 *
 * @param customer - The customer (`id`, `timeZone`).
 * @param expectedAt - Instant of the expected replenishment purchase.
 * @param days - Calendar days before it, an integer ≥ 0.
 * @param options - `defaultTimeZone` (default `UTC`).
 * @returns The occurrence, kind `before_replenishment`.
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant or zone; `INVALID_OPTION` for a bad `days`.
 *
 * @example
 * ```ts
 * daysBeforeReplenishment({ id: 'c-1', timeZone: 'America/Manaus' }, '2026-03-02T12:00:00Z', 3).isoDate;
 * //=> '2026-02-27'
 * ```
 * @category Calendar
 */
export function daysBeforeReplenishment(
  customer: CustomerDateSubject,
  expectedAt: Date | string,
  days: number,
  options?: CustomerZoneOptions,
): CustomerDateOccurrence {
  const timeZone = customerZone(customer, options);
  const t = instantMs(expectedAt, 'expectedAt');
  const serial = calendarDaySerial(dayOfInstant(t, timeZone)) - checkDays(days);
  return occurrence(customer.id, 'before_replenishment', serial, timeZone, {});
}
