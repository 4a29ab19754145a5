/**
 * The built-in calendar of Brazil.
 *
 * @module
 */
import { createCalendar, type Calendar } from './calendar.js';
import type { CalendarDateDefinition } from './rules.js';

const NATIONAL_HOLIDAYS_LAW = 'Lei 662/1949 art. 1, as amended by Lei 10.607/2002';
const PONTO_FACULTATIVO = 'Ponto facultativo for federal civil servants, declared each year by a portaria of the Ministério da Gestão e da Inovação em Serviços Públicos; not a national holiday';

const BR_DATES: CalendarDateDefinition[] = [
  {
    id: 'br.new_year',
    names: { en: "New Year's Day", 'pt-BR': 'Ano Novo', 'pt-PT': 'Ano Novo' },
    kind: 'public_holiday', country: 'BR', tags: ['family', 'civic'],
    rule: { type: 'fixed', month: 1, day: 1 },
    source: `${NATIONAL_HOLIDAYS_LAW} (Confraternização Universal)`,
  },
  {
    id: 'br.carnival_monday',
    names: { en: 'Carnival Monday', 'pt-BR': 'Segunda-feira de Carnaval' },
    kind: 'optional_holiday', country: 'BR', tags: ['festival'],
    rule: { type: 'easter', offsetDays: -48 },
    source: PONTO_FACULTATIVO,
    note: 'A holiday only where a state or municipal law makes it one (e.g. the state of Rio de Janeiro).',
  },
  {
    id: 'br.carnival',
    names: { en: 'Carnival (Tuesday)', 'pt-BR': 'Carnaval (terça-feira)' },
    kind: 'optional_holiday', country: 'BR', tags: ['festival'],
    rule: { type: 'easter', offsetDays: -47 },
    source: PONTO_FACULTATIVO,
    note: 'Shrove Tuesday, 47 days before Easter Sunday. A holiday only where a state or municipal law makes it one.',
  },
  {
    id: 'br.ash_wednesday',
    names: { en: 'Ash Wednesday', 'pt-BR': 'Quarta-feira de Cinzas' },
    kind: 'optional_holiday', country: 'BR', tags: ['religious'],
    rule: { type: 'easter', offsetDays: -46 },
    source: `${PONTO_FACULTATIVO} (until 14:00)`,
  },
  {
    id: 'br.womens_day',
    names: { en: "International Women's Day", 'pt-BR': 'Dia Internacional da Mulher' },
    kind: 'observance', country: 'BR', tags: ['gift_giving', 'women'],
    rule: { type: 'fixed', month: 3, day: 8 },
    source: 'UN General Assembly resolution 32/142 (1977)',
  },
  {
    id: 'br.consumer_day',
    names: { en: 'Consumer Day', 'pt-BR': 'Dia do Consumidor' },
    kind: 'commercial', country: 'BR', tags: ['sale'],
    rule: { type: 'fixed', month: 3, day: 15 },
    source: 'Lei 10.504/2002 (Dia Nacional do Consumidor); World Consumer Rights Day',
  },
  {
    id: 'br.good_friday',
    names: { en: 'Good Friday', 'pt-BR': 'Sexta-feira Santa (Paixão de Cristo)' },
    kind: 'public_holiday', country: 'BR', tags: ['religious', 'family'],
    rule: { type: 'easter', offsetDays: -2 },
    source: 'Lei 9.093/1995 art. 2 (municipal religious holiday); listed as a national holiday in the annual federal portaria',
    note: 'Legally a municipal religious holiday that municipalities declare; in practice observed nationwide.',
  },
  {
    id: 'br.easter',
    names: { en: 'Easter Sunday', 'pt-BR': 'Páscoa', 'pt-PT': 'Domingo de Páscoa' },
    kind: 'observance', country: 'BR', tags: ['religious', 'family', 'gift_giving'],
    rule: { type: 'easter', offsetDays: 0 },
    note: 'A Sunday, not a holiday by law in Brazil; a major retail date (chocolate eggs).',
  },
  {
    id: 'br.tiradentes',
    names: { en: 'Tiradentes Day', 'pt-BR': 'Tiradentes' },
    kind: 'public_holiday', country: 'BR', tags: ['civic'],
    rule: { type: 'fixed', month: 4, day: 21 },
    source: NATIONAL_HOLIDAYS_LAW,
  },
  {
    id: 'br.labour_day',
    names: { en: 'Labour Day', 'pt-BR': 'Dia do Trabalhador' },
    kind: 'public_holiday', country: 'BR', tags: ['civic'],
    rule: { type: 'fixed', month: 5, day: 1 },
    source: NATIONAL_HOLIDAYS_LAW,
  },
  {
    id: 'br.mothers_day',
    names: { en: "Mother's Day", 'pt-BR': 'Dia das Mães' },
    kind: 'observance', country: 'BR', tags: ['gift_giving', 'family'],
    rule: { type: 'nth_weekday', month: 5, weekday: 'sunday', nth: 2 },
    source: 'Decreto 21.366/1932 (second Sunday of May)',
  },
  {
    id: 'br.corpus_christi',
    names: { en: 'Corpus Christi', 'pt-BR': 'Corpus Christi', 'pt-PT': 'Corpo de Deus' },
    kind: 'optional_holiday', country: 'BR', tags: ['religious'],
    rule: { type: 'easter', offsetDays: 60 },
    source: PONTO_FACULTATIVO,
    note: 'A municipal holiday in many cities (Lei 9.093/1995 art. 2).',
  },
  {
    id: 'br.valentines_day',
    names: { en: "Valentine's Day (Brazil)", 'pt-BR': 'Dia dos Namorados' },
    kind: 'observance', country: 'BR', tags: ['gift_giving', 'romance'],
    rule: { type: 'fixed', month: 6, day: 12 },
    note: 'A retail creation of 1949 (eve of Saint Anthony, the matchmaker saint); no law.',
  },
  {
    id: 'br.festas_juninas',
    names: { en: "Saint John's Day (June festivals)", 'pt-BR': 'Festas Juninas (São João)' },
    kind: 'observance', country: 'BR', tags: ['festival', 'family', 'religious'],
    rule: { type: 'fixed', month: 6, day: 24 },
    note: 'The June festivals run through June (Santo Antônio 13 Jun, São João 24 Jun, São Pedro 29 Jun); jornada marks São João, their peak. A holiday in several north-eastern states and cities by local law.',
  },
  {
    id: 'br.fathers_day',
    names: { en: "Father's Day", 'pt-BR': 'Dia dos Pais' },
    kind: 'observance', country: 'BR', tags: ['gift_giving', 'family'],
    rule: { type: 'nth_weekday', month: 8, weekday: 'sunday', nth: 2 },
    note: 'Celebrated on the second Sunday of August since the 1950s; no law.',
  },
  {
    id: 'br.independence_day',
    names: { en: 'Independence Day', 'pt-BR': 'Independência do Brasil' },
    kind: 'public_holiday', country: 'BR', tags: ['civic'],
    rule: { type: 'fixed', month: 9, day: 7 },
    source: NATIONAL_HOLIDAYS_LAW,
  },
  {
    id: 'br.customer_day',
    names: { en: 'Customer Day', 'pt-BR': 'Dia do Cliente' },
    kind: 'commercial', country: 'BR', tags: ['sale'],
    rule: { type: 'fixed', month: 9, day: 15 },
    note: 'A retail date created in 2003 in Rio Grande do Sul; no federal law.',
  },
  {
    id: 'br.world_animal_day',
    names: { en: 'World Animal Day', 'pt-BR': 'Dia Mundial dos Animais' },
    kind: 'observance', country: 'BR', tags: ['pets'],
    rule: { type: 'fixed', month: 10, day: 4 },
    note: 'Feast of Saint Francis of Assisi; observed worldwide since 1931.',
  },
  {
    id: 'br.our_lady_of_aparecida',
    names: { en: 'Our Lady of Aparecida', 'pt-BR': 'Nossa Senhora Aparecida' },
    kind: 'public_holiday', country: 'BR', tags: ['religious'],
    rule: { type: 'fixed', month: 10, day: 12 },
    source: 'Lei 6.802/1980',
  },
  {
    id: 'br.childrens_day',
    names: { en: "Children's Day", 'pt-BR': 'Dia das Crianças' },
    kind: 'observance', country: 'BR', tags: ['gift_giving', 'children', 'family'],
    rule: { type: 'fixed', month: 10, day: 12 },
    source: 'Decreto 4.867/1924',
    note: 'Falls on the public holiday of Our Lady of Aparecida.',
  },
  {
    id: 'br.all_souls_day',
    names: { en: "All Souls' Day", 'pt-BR': 'Finados' },
    kind: 'public_holiday', country: 'BR', tags: ['religious'],
    rule: { type: 'fixed', month: 11, day: 2 },
    source: NATIONAL_HOLIDAYS_LAW,
  },
  {
    id: 'br.republic_day',
    names: { en: 'Proclamation of the Republic', 'pt-BR': 'Proclamação da República' },
    kind: 'public_holiday', country: 'BR', tags: ['civic'],
    rule: { type: 'fixed', month: 11, day: 15 },
    source: NATIONAL_HOLIDAYS_LAW,
  },
  {
    id: 'br.black_consciousness_day',
    names: { en: 'Black Consciousness Day', 'pt-BR': 'Dia Nacional de Zumbi e da Consciência Negra' },
    kind: 'public_holiday', country: 'BR', tags: ['civic'],
    rule: { type: 'fixed', month: 11, day: 20 },
    firstYear: 2024,
    source: 'Lei 14.759/2023 (a national holiday from 2024)',
    note: 'Before 2024 a holiday only in some states and municipalities.',
  },
  {
    id: 'br.thanksgiving',
    names: { en: 'National Thanksgiving Day', 'pt-BR': 'Dia Nacional de Ação de Graças' },
    kind: 'observance', country: 'BR', tags: ['religious'],
    rule: { type: 'nth_weekday', month: 11, weekday: 'thursday', nth: 4 },
    source: 'Lei 781/1949, fourth Thursday of November by Lei 5.110/1966',
    note: 'Rarely marked in Brazil; the anchor of Black Friday.',
  },
  {
    id: 'br.black_friday',
    names: { en: 'Black Friday', 'pt-BR': 'Black Friday' },
    kind: 'commercial', country: 'BR', tags: ['sale'],
    rule: { type: 'relative', to: 'br.thanksgiving', offsetDays: 1 },
    note: 'The day after the fourth Thursday of November, as in the US; in Brazil since 2010.',
  },
  {
    id: 'br.cyber_monday',
    names: { en: 'Cyber Monday', 'pt-BR': 'Cyber Monday' },
    kind: 'commercial', country: 'BR', tags: ['sale'],
    rule: { type: 'relative', to: 'br.black_friday', offsetDays: 3 },
    note: 'The Monday after Black Friday.',
  },
  {
    id: 'br.christmas_eve',
    names: { en: 'Christmas Eve', 'pt-BR': 'Véspera de Natal', 'pt-PT': 'Consoada' },
    kind: 'optional_holiday', country: 'BR', tags: ['family', 'gift_giving', 'religious'],
    rule: { type: 'fixed', month: 12, day: 24 },
    source: `${PONTO_FACULTATIVO} (from 14:00)`,
  },
  {
    id: 'br.christmas',
    names: { en: 'Christmas Day', 'pt-BR': 'Natal' },
    kind: 'public_holiday', country: 'BR', tags: ['gift_giving', 'family', 'religious'],
    rule: { type: 'fixed', month: 12, day: 25 },
    source: NATIONAL_HOLIDAYS_LAW,
  },
  {
    id: 'br.new_years_eve',
    names: { en: "New Year's Eve", 'pt-BR': 'Véspera de Ano Novo', 'pt-PT': 'Passagem de Ano' },
    kind: 'optional_holiday', country: 'BR', tags: ['family', 'festival'],
    rule: { type: 'fixed', month: 12, day: 31 },
    source: `${PONTO_FACULTATIVO} (from 14:00)`,
  },
  {
    id: 'br.sp.constitutionalist_revolution',
    names: { en: 'Constitutionalist Revolution Day', 'pt-BR': 'Revolução Constitucionalista de 1932' },
    kind: 'public_holiday', country: 'BR', region: 'BR-SP', tags: ['civic'],
    rule: { type: 'fixed', month: 7, day: 9 },
    source: 'Lei estadual (SP) 9.497/1997',
  },
  {
    id: 'br.rj.saint_george',
    names: { en: "Saint George's Day", 'pt-BR': 'Dia de São Jorge' },
    kind: 'public_holiday', country: 'BR', region: 'BR-RJ', tags: ['religious'],
    rule: { type: 'fixed', month: 4, day: 23 },
    source: 'Lei estadual (RJ) 5.198/2008',
  },
];

/**
 * Brazil: the national public holidays (Lei 662/1949 as amended by Lei 10.607/2002; Lei 6.802/1980;
 * Lei 14.759/2023 for 20 November from 2024), Good Friday, the *pontos facultativos* (Carnaval Monday
 * and Tuesday, Ash Wednesday, Corpus Christi, Christmas Eve and New Year's Eve) as optional holidays,
 * the social dates (Páscoa, Dia das Mães, Dia dos Namorados, Festas Juninas as São João on 24 June,
 * Dia dos Pais, Dia das Crianças, Dia Mundial dos Animais, Dia Internacional da Mulher), the retail
 * dates (Dia do Consumidor, Dia do Cliente, Black Friday, Cyber Monday), and two regional holidays as
 * examples (`BR-SP` 9 July, `BR-RJ` 23 April; returned only when a query lists their region). Every
 * definition carries its `source` or a `note`; see the calendar guide for the list.
 *
 * @example
 * ```ts
 * calendarDateInYear(BR_CALENDAR, 'br.mothers_day', 2026); //=> { year: 2026, month: 5, day: 10 }
 * BR_CALENDAR.dates.filter((d) => d.kind === 'public_holiday' && d.region === undefined).length; //=> 10
 * ```
 * @category Calendar
 */
export const BR_CALENDAR: Calendar = /* @__PURE__ */ createCalendar(BR_DATES);
