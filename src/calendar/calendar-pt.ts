/**
 * The built-in calendar of Portugal.
 *
 * @module
 */
import { createCalendar, type Calendar } from './calendar.js';
import type { CalendarDateDefinition } from './rules.js';

const ART_234 = 'Código do Trabalho (Lei 7/2009) art. 234 n.º 1';
const RESTORED =
  'Suspended from 2013 to 2015 by Lei 23/2012 and restored by Lei 8/2016; also a holiday before 2013 (the rule starts in 2016 so that it has no gap).';

const PT_DATES: CalendarDateDefinition[] = [
  {
    id: 'pt.new_year',
    names: { en: "New Year's Day", 'pt-BR': 'Ano Novo' },
    kind: 'public_holiday', country: 'PT', tags: ['family'],
    rule: { type: 'fixed', month: 1, day: 1 },
    source: ART_234,
  },
  {
    id: 'pt.valentines_day',
    names: { en: "Valentine's Day", 'pt-BR': 'Dia de São Valentim', 'pt-PT': 'Dia dos Namorados' },
    kind: 'observance', country: 'PT', tags: ['gift_giving', 'romance'],
    rule: { type: 'fixed', month: 2, day: 14 },
  },
  {
    id: 'pt.carnival',
    names: { en: 'Carnival (Tuesday)', 'pt-BR': 'Carnaval (terça-feira)', 'pt-PT': 'Terça-feira de Carnaval' },
    kind: 'optional_holiday', country: 'PT', tags: ['festival'],
    rule: { type: 'easter', offsetDays: -47 },
    source: 'Código do Trabalho art. 235 n.º 1 (feriado facultativo)',
    note: 'The Government usually grants the day off to civil servants; private employers decide.',
  },
  {
    id: 'pt.fathers_day',
    names: { en: "Father's Day", 'pt-BR': 'Dia dos Pais', 'pt-PT': 'Dia do Pai' },
    kind: 'observance', country: 'PT', tags: ['gift_giving', 'family'],
    rule: { type: 'fixed', month: 3, day: 19 },
    note: "Saint Joseph's Day.",
  },
  {
    id: 'pt.good_friday',
    names: { en: 'Good Friday', 'pt-BR': 'Sexta-feira Santa' },
    kind: 'public_holiday', country: 'PT', tags: ['religious'],
    rule: { type: 'easter', offsetDays: -2 },
    source: `${ART_234}; may be observed on another day of the Easter period (art. 234 n.º 2)`,
  },
  {
    id: 'pt.easter',
    names: { en: 'Easter Sunday', 'pt-BR': 'Páscoa', 'pt-PT': 'Domingo de Páscoa' },
    kind: 'public_holiday', country: 'PT', tags: ['religious', 'family', 'gift_giving'],
    rule: { type: 'easter', offsetDays: 0 },
    source: ART_234,
  },
  {
    id: 'pt.freedom_day',
    names: { en: 'Freedom Day', 'pt-BR': 'Dia da Liberdade' },
    kind: 'public_holiday', country: 'PT', tags: ['civic'],
    rule: { type: 'fixed', month: 4, day: 25 },
    source: ART_234,
  },
  {
    id: 'pt.labour_day',
    names: { en: 'Labour Day', 'pt-BR': 'Dia do Trabalhador' },
    kind: 'public_holiday', country: 'PT', tags: ['civic'],
    rule: { type: 'fixed', month: 5, day: 1 },
    source: ART_234,
  },
  {
    id: 'pt.mothers_day',
    names: { en: "Mother's Day", 'pt-BR': 'Dia das Mães', 'pt-PT': 'Dia da Mãe' },
    kind: 'observance', country: 'PT', tags: ['gift_giving', 'family'],
    rule: { type: 'nth_weekday', month: 5, weekday: 'sunday', nth: 1 },
  },
  {
    id: 'pt.childrens_day',
    names: { en: "Children's Day", 'pt-BR': 'Dia das Crianças', 'pt-PT': 'Dia da Criança' },
    kind: 'observance', country: 'PT', tags: ['gift_giving', 'children', 'family'],
    rule: { type: 'fixed', month: 6, day: 1 },
  },
  {
    id: 'pt.corpus_christi',
    names: { en: 'Corpus Christi', 'pt-BR': 'Corpus Christi', 'pt-PT': 'Corpo de Deus' },
    kind: 'public_holiday', country: 'PT', tags: ['religious'],
    rule: { type: 'easter', offsetDays: 60 },
    firstYear: 2016,
    source: `${ART_234}; Lei 8/2016`,
    note: RESTORED,
  },
  {
    id: 'pt.portugal_day',
    names: { en: 'Portugal Day', 'pt-BR': 'Dia de Portugal', 'pt-PT': 'Dia de Portugal, de Camões e das Comunidades Portuguesas' },
    kind: 'public_holiday', country: 'PT', tags: ['civic'],
    rule: { type: 'fixed', month: 6, day: 10 },
    source: ART_234,
  },
  {
    id: 'pt.saint_anthony',
    names: { en: "Saint Anthony's Day (Santos Populares)", 'pt-BR': 'Dia de Santo Antônio', 'pt-PT': 'Dia de Santo António' },
    kind: 'observance', country: 'PT', tags: ['festival', 'romance'],
    rule: { type: 'fixed', month: 6, day: 13 },
    note: 'Santos Populares. Municipal holiday of Lisbon; the eve (12 June) is the night of the marchas populares.',
  },
  {
    id: 'pt.saint_john',
    names: { en: "Saint John's Day (Santos Populares)", 'pt-BR': 'Dia de São João' },
    kind: 'observance', country: 'PT', tags: ['festival'],
    rule: { type: 'fixed', month: 6, day: 24 },
    note: 'Santos Populares. Municipal holiday of Porto and Braga.',
  },
  {
    id: 'pt.saint_peter',
    names: { en: "Saint Peter's Day (Santos Populares)", 'pt-BR': 'Dia de São Pedro' },
    kind: 'observance', country: 'PT', tags: ['festival'],
    rule: { type: 'fixed', month: 6, day: 29 },
    note: 'Santos Populares. Municipal holiday in several municipalities.',
  },
  {
    id: 'pt.assumption',
    names: { en: 'Assumption of Mary', 'pt-BR': 'Assunção de Nossa Senhora' },
    kind: 'public_holiday', country: 'PT', tags: ['religious'],
    rule: { type: 'fixed', month: 8, day: 15 },
    source: ART_234,
  },
  {
    id: 'pt.republic_day',
    names: { en: 'Republic Day', 'pt-BR': 'Implantação da República' },
    kind: 'public_holiday', country: 'PT', tags: ['civic'],
    rule: { type: 'fixed', month: 10, day: 5 },
    firstYear: 2016,
    source: `${ART_234}; Lei 8/2016`,
    note: RESTORED,
  },
  {
    id: 'pt.all_saints_day',
    names: { en: "All Saints' Day", 'pt-BR': 'Dia de Todos os Santos' },
    kind: 'public_holiday', country: 'PT', tags: ['religious'],
    rule: { type: 'fixed', month: 11, day: 1 },
    firstYear: 2016,
    source: `${ART_234}; Lei 8/2016`,
    note: RESTORED,
  },
  {
    id: 'pt.black_friday',
    names: { en: 'Black Friday', 'pt-BR': 'Black Friday' },
    kind: 'commercial', country: 'PT', tags: ['sale'],
    rule: { type: 'nth_weekday', month: 11, weekday: 'thursday', nth: 4, offsetDays: 1 },
    note: 'The day after the fourth Thursday of November, as in the US.',
  },
  {
    id: 'pt.restoration_of_independence',
    names: { en: 'Restoration of Independence', 'pt-BR': 'Restauração da Independência' },
    kind: 'public_holiday', country: 'PT', tags: ['civic'],
    rule: { type: 'fixed', month: 12, day: 1 },
    firstYear: 2016,
    source: `${ART_234}; Lei 8/2016`,
    note: RESTORED,
  },
  {
    id: 'pt.immaculate_conception',
    names: { en: 'Immaculate Conception', 'pt-BR': 'Imaculada Conceição' },
    kind: 'public_holiday', country: 'PT', tags: ['religious'],
    rule: { type: 'fixed', month: 12, day: 8 },
    source: ART_234,
  },
  {
    id: 'pt.christmas_eve',
    names: { en: 'Christmas Eve', 'pt-BR': 'Véspera de Natal', 'pt-PT': 'Consoada' },
    kind: 'observance', country: 'PT', tags: ['family', 'gift_giving'],
    rule: { type: 'fixed', month: 12, day: 24 },
  },
  {
    id: 'pt.christmas',
    names: { en: 'Christmas Day', 'pt-BR': 'Natal' },
    kind: 'public_holiday', country: 'PT', tags: ['gift_giving', 'family', 'religious'],
    rule: { type: 'fixed', month: 12, day: 25 },
    source: ART_234,
  },
];

/**
 * Portugal: the thirteen mandatory holidays of the Código do Trabalho art. 234 (including the four
 * restored by Lei 8/2016: Corpo de Deus, 5 October, 1 November, 1 December), Carnival Tuesday as an
 * optional holiday (art. 235), the Santos Populares (Santo António 13 June, São João 24 June, São
 * Pedro 29 June, municipal holidays in Lisbon, Porto and elsewhere, here as nationwide observances),
 * the social dates (Dia do Pai 19 March, Dia da Mãe on the first Sunday of May, Dia dos Namorados,
 * Dia da Criança, Consoada) and Black Friday.
 *
 * @example
 * ```ts
 * calendarDateInYear(PT_CALENDAR, 'pt.mothers_day', 2026); //=> { year: 2026, month: 5, day: 3 }
 * PT_CALENDAR.dates.filter((d) => d.kind === 'public_holiday').length; //=> 13
 * ```
 * @category Calendar
 */
export const PT_CALENDAR: Calendar = /* @__PURE__ */ createCalendar(PT_DATES);
