/**
 * The built-in calendar of the United States.
 *
 * @module
 */
import { createCalendar, type Calendar } from './calendar.js';
import type { CalendarDateDefinition } from './rules.js';

const FEDERAL = '5 U.S.C. § 6103(a)';

const US_DATES: CalendarDateDefinition[] = [
  {
    id: 'us.new_year',
    names: { en: "New Year's Day", 'pt-BR': 'Ano Novo' },
    kind: 'public_holiday', country: 'US', tags: ['family'],
    rule: { type: 'fixed', month: 1, day: 1 },
    source: FEDERAL,
  },
  {
    id: 'us.martin_luther_king_day',
    names: { en: 'Birthday of Martin Luther King, Jr.', 'pt-BR': 'Dia de Martin Luther King Jr.' },
    kind: 'public_holiday', country: 'US', tags: ['civic'],
    rule: { type: 'nth_weekday', month: 1, weekday: 'monday', nth: 3 },
    firstYear: 1986,
    source: `${FEDERAL}; Pub. L. 98-144 (1983), first observed in 1986`,
  },
  {
    id: 'us.valentines_day',
    names: { en: "Valentine's Day", 'pt-BR': 'Dia de São Valentim', 'pt-PT': 'Dia dos Namorados' },
    kind: 'observance', country: 'US', tags: ['gift_giving', 'romance'],
    rule: { type: 'fixed', month: 2, day: 14 },
  },
  {
    id: 'us.washingtons_birthday',
    names: { en: "Washington's Birthday (Presidents' Day)", 'pt-BR': 'Dia dos Presidentes' },
    kind: 'public_holiday', country: 'US', tags: ['civic', 'sale'],
    rule: { type: 'nth_weekday', month: 2, weekday: 'monday', nth: 3 },
    source: `${FEDERAL}; third Monday since the Uniform Monday Holiday Act, Pub. L. 90-363 (1968)`,
  },
  {
    id: 'us.easter',
    names: { en: 'Easter Sunday', 'pt-BR': 'Páscoa', 'pt-PT': 'Domingo de Páscoa' },
    kind: 'observance', country: 'US', tags: ['religious', 'family', 'gift_giving'],
    rule: { type: 'easter', offsetDays: 0 },
  },
  {
    id: 'us.mothers_day',
    names: { en: "Mother's Day", 'pt-BR': 'Dia das Mães', 'pt-PT': 'Dia da Mãe' },
    kind: 'observance', country: 'US', tags: ['gift_giving', 'family'],
    rule: { type: 'nth_weekday', month: 5, weekday: 'sunday', nth: 2 },
    source: 'Joint resolution of 8 May 1914 (38 Stat. 770), 36 U.S.C. § 117',
  },
  {
    id: 'us.memorial_day',
    names: { en: 'Memorial Day', 'pt-BR': 'Dia da Memória' },
    kind: 'public_holiday', country: 'US', tags: ['civic', 'sale'],
    rule: { type: 'last_weekday', month: 5, weekday: 'monday' },
    source: `${FEDERAL}; last Monday of May since 1971 (Pub. L. 90-363)`,
    note: 'Before 1971 it was held on 30 May; this rule gives the current practice only.',
  },
  {
    id: 'us.fathers_day',
    names: { en: "Father's Day", 'pt-BR': 'Dia dos Pais', 'pt-PT': 'Dia do Pai' },
    kind: 'observance', country: 'US', tags: ['gift_giving', 'family'],
    rule: { type: 'nth_weekday', month: 6, weekday: 'sunday', nth: 3 },
    source: 'Pub. L. 92-278 (1972), 36 U.S.C. § 109',
  },
  {
    id: 'us.juneteenth',
    names: { en: 'Juneteenth National Independence Day', 'pt-BR': 'Juneteenth (fim da escravidão nos EUA)' },
    kind: 'public_holiday', country: 'US', tags: ['civic'],
    rule: { type: 'fixed', month: 6, day: 19 },
    firstYear: 2021,
    source: `${FEDERAL}; Pub. L. 117-17 (2021)`,
  },
  {
    id: 'us.independence_day',
    names: { en: 'Independence Day', 'pt-BR': 'Dia da Independência dos EUA' },
    kind: 'public_holiday', country: 'US', tags: ['civic', 'family'],
    rule: { type: 'fixed', month: 7, day: 4 },
    source: FEDERAL,
  },
  {
    id: 'us.labor_day',
    names: { en: 'Labor Day', 'pt-BR': 'Dia do Trabalho (EUA)' },
    kind: 'public_holiday', country: 'US', tags: ['civic', 'sale'],
    rule: { type: 'nth_weekday', month: 9, weekday: 'monday', nth: 1 },
    source: FEDERAL,
  },
  {
    id: 'us.columbus_day',
    names: { en: 'Columbus Day', 'pt-BR': 'Dia de Colombo' },
    kind: 'public_holiday', country: 'US', tags: ['civic'],
    rule: { type: 'nth_weekday', month: 10, weekday: 'monday', nth: 2 },
    source: `${FEDERAL}; second Monday since Pub. L. 90-363 (1968)`,
  },
  {
    id: 'us.halloween',
    names: { en: 'Halloween', 'pt-BR': 'Halloween (Dia das Bruxas)' },
    kind: 'observance', country: 'US', tags: ['children', 'festival'],
    rule: { type: 'fixed', month: 10, day: 31 },
  },
  {
    id: 'us.veterans_day',
    names: { en: 'Veterans Day', 'pt-BR': 'Dia dos Veteranos' },
    kind: 'public_holiday', country: 'US', tags: ['civic'],
    rule: { type: 'fixed', month: 11, day: 11 },
    source: FEDERAL,
  },
  {
    id: 'us.thanksgiving',
    names: { en: 'Thanksgiving Day', 'pt-BR': 'Dia de Ação de Graças' },
    kind: 'public_holiday', country: 'US', tags: ['family'],
    rule: { type: 'nth_weekday', month: 11, weekday: 'thursday', nth: 4 },
    source: `${FEDERAL}; fourth Thursday of November by joint resolution Pub. L. 77-379 (1941)`,
  },
  {
    id: 'us.black_friday',
    names: { en: 'Black Friday', 'pt-BR': 'Black Friday' },
    kind: 'commercial', country: 'US', tags: ['sale'],
    rule: { type: 'relative', to: 'us.thanksgiving', offsetDays: 1 },
    note: 'The day after Thanksgiving.',
  },
  {
    id: 'us.cyber_monday',
    names: { en: 'Cyber Monday', 'pt-BR': 'Cyber Monday' },
    kind: 'commercial', country: 'US', tags: ['sale'],
    rule: { type: 'relative', to: 'us.black_friday', offsetDays: 3 },
    note: 'The Monday after Thanksgiving; the name was coined by the National Retail Federation (Shop.org) in 2005.',
  },
  {
    id: 'us.christmas',
    names: { en: 'Christmas Day', 'pt-BR': 'Natal' },
    kind: 'public_holiday', country: 'US', tags: ['gift_giving', 'family', 'religious'],
    rule: { type: 'fixed', month: 12, day: 25 },
    source: FEDERAL,
  },
];

/**
 * The United States: the eleven federal holidays of 5 U.S.C. § 6103(a) on their actual dates (the
 * Friday or Monday "observed" days of Executive Order 11582 are not modelled), the social dates
 * (Valentine's Day, Easter, Mother's Day, Father's Day, Halloween) and the retail dates (Black Friday,
 * Cyber Monday).
 *
 * @example
 * ```ts
 * calendarDateInYear(US_CALENDAR, 'us.thanksgiving', 2026); //=> { year: 2026, month: 11, day: 26 }
 * calendarDateInYear(US_CALENDAR, 'us.memorial_day', 2026); //=> { year: 2026, month: 5, day: 25 }
 * ```
 * @category Calendar
 */
export const US_CALENDAR: Calendar = /* @__PURE__ */ createCalendar(US_DATES);
