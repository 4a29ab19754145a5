// Cross-check of the built-in calendars against the `date-holidays` package (a dev dependency, used
// only here) for 2026–2035: every date that package also has must fall on the same day. Its data is
// independent of jornada's (jornada's rules were written from the laws cited in each definition).
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  BR_CALENDAR,
  PT_CALENDAR,
  US_CALENDAR,
  calendarDateInYear,
  formatCalendarDay,
  type Calendar,
} from '../../src/calendar/index.js';

interface PeerHoliday {
  date: string;
  name: string;
  type: string;
  rule: string;
  substitute?: boolean;
}

/** How to find a jornada date among the peer's holidays: its (local-language) name, and a rule prefix where a name repeats. */
type Match = { name: string; rule?: string; region?: string };

const YEARS = Array.from({ length: 10 }, (_, i) => 2026 + i);

interface Case {
  country: string;
  calendar: Calendar;
  matches: Record<string, Match>;
  /** jornada dates the peer package does not have. */
  lacking: string[];
  /** Peer dates jornada does not model (by name), for the record. */
  notModelled: string[];
}

const CASES: Case[] = [
  {
    country: 'BR',
    calendar: BR_CALENDAR,
    matches: {
      'br.new_year': { name: 'Ano Novo' },
      'br.carnival_monday': { name: 'Carnaval', rule: 'easter -48' },
      'br.carnival': { name: 'Carnaval', rule: 'easter -47' },
      'br.ash_wednesday': { name: 'Carnaval', rule: 'easter -46' },
      'br.good_friday': { name: 'Sexta-Feira Santa' },
      'br.easter': { name: 'Páscoa' },
      'br.tiradentes': { name: 'Dia de Tiradentes' },
      'br.labour_day': { name: 'Dia do trabalhador' },
      'br.mothers_day': { name: 'Dia das Mães' },
      'br.corpus_christi': { name: 'Corpo de Deus' },
      'br.valentines_day': { name: 'Dia dos Namorados' },
      'br.fathers_day': { name: 'Dia dos Pais' },
      'br.independence_day': { name: 'Dia da Independência' },
      'br.our_lady_of_aparecida': { name: 'Nossa Senhora Aparecida' },
      'br.all_souls_day': { name: 'Dia de Finados' },
      'br.republic_day': { name: 'Proclamação da República' },
      'br.black_consciousness_day': { name: 'Dia da Consciência Negra' },
      'br.christmas_eve': { name: 'Noite de Natal' },
      'br.christmas': { name: 'Natal' },
      'br.new_years_eve': { name: 'Véspera de Ano Novo' },
      'br.sp.constitutionalist_revolution': { name: 'Revolução Constitucionalista', region: 'SP' },
      'br.rj.saint_george': { name: 'Dia de São Jorge', region: 'RJ' },
    },
    lacking: [
      'br.womens_day',
      'br.consumer_day',
      'br.festas_juninas',
      'br.customer_day',
      'br.world_animal_day',
      'br.childrens_day',
      'br.thanksgiving',
      'br.black_friday',
      'br.cyber_monday',
    ],
    // Election days (Lei 1.266/1950) depend on the electoral calendar; Carnaval Saturday is not a
    // ponto facultativo in the federal portaria.
    notModelled: ['Dia de Eleição', 'Carnaval (easter -50)'],
  },
  {
    country: 'US',
    calendar: US_CALENDAR,
    matches: {
      'us.new_year': { name: "New Year's Day" },
      'us.martin_luther_king_day': { name: 'Martin Luther King Jr. Day' },
      'us.valentines_day': { name: "Valentine's Day" },
      'us.washingtons_birthday': { name: "Washington's Birthday" },
      'us.easter': { name: 'Easter Sunday' },
      'us.mothers_day': { name: "Mother's Day" },
      'us.memorial_day': { name: 'Memorial Day' },
      'us.fathers_day': { name: "Father's Day" },
      'us.juneteenth': { name: 'Juneteenth' },
      'us.independence_day': { name: 'Independence Day' },
      'us.labor_day': { name: 'Labor Day' },
      'us.columbus_day': { name: 'Columbus Day' },
      'us.halloween': { name: 'Halloween' },
      'us.veterans_day': { name: 'Veterans Day' },
      'us.thanksgiving': { name: 'Thanksgiving Day' },
      'us.black_friday': { name: 'Day after Thanksgiving Day' },
      'us.christmas': { name: 'Christmas Day' },
    },
    lacking: ['us.cyber_monday'],
    // Observed (substitute) days of federal holidays are not modelled (see the guide).
    // Election Day (2 U.S.C. § 7) is not a federal holiday.
    notModelled: ["St. Patrick's Day", 'Tax Day', 'Election Day', 'Administrative Professionals Day', 'Christmas Eve', "New Year's Eve", '(substitute day)'],
  },
  {
    country: 'PT',
    calendar: PT_CALENDAR,
    matches: {
      'pt.new_year': { name: 'Ano Novo' },
      'pt.carnival': { name: 'Carnaval' },
      'pt.good_friday': { name: 'Sexta-Feira Santa' },
      'pt.easter': { name: 'Páscoa' },
      'pt.freedom_day': { name: 'Dia da Liberdade' },
      'pt.labour_day': { name: 'Dia do trabalhador' },
      'pt.mothers_day': { name: 'Dia das Mães' },
      'pt.corpus_christi': { name: 'Corpo de Deus' },
      'pt.portugal_day': { name: 'Dia de Portugal' },
      'pt.assumption': { name: 'Assunção de Maria' },
      'pt.republic_day': { name: 'Implantação da República' },
      'pt.all_saints_day': { name: 'Todos os santos' },
      'pt.restoration_of_independence': { name: 'Restauração da Independência' },
      'pt.immaculate_conception': { name: 'Imaculada Conceição' },
      'pt.christmas_eve': { name: 'Noite de Natal' },
      'pt.christmas': { name: 'Natal' },
    },
    lacking: [
      'pt.valentines_day',
      'pt.fathers_day',
      'pt.childrens_day',
      'pt.saint_anthony',
      'pt.saint_john',
      'pt.saint_peter',
      'pt.black_friday',
    ],
    notModelled: ['Véspera de Ano Novo'],
  },
];

function peerHolidays(country: string, region: string | undefined, year: number): PeerHoliday[] {
  const h = region === undefined ? new Holidays(country) : new Holidays(country, region);
  return (h.getHolidays(year) as PeerHoliday[]).filter((x) => x.substitute !== true);
}

function findPeer(list: PeerHoliday[], m: Match): PeerHoliday[] {
  return list.filter((x) => x.name === m.name && (m.rule === undefined || x.rule.startsWith(m.rule)));
}

describe.each(CASES)('$country against date-holidays, 2026–2035', (c) => {
  it('every jornada date is either matched or listed as lacking in the peer', () => {
    const covered = [...Object.keys(c.matches), ...c.lacking].sort();
    expect(covered).toEqual(c.calendar.dates.map((d) => d.id).sort());
  });

  it.each(Object.entries(c.matches))('%s falls on the same day every year', (id, match) => {
    for (const year of YEARS) {
      const peer = findPeer(peerHolidays(c.country, match.region, year), match);
      expect(peer, `${id} ${year}: exactly one peer entry`).toHaveLength(1);
      const ours = calendarDateInYear(c.calendar, id, year);
      expect(ours && formatCalendarDay(ours), `${id} ${year}`).toBe(peer[0]?.date.slice(0, 10));
    }
  });

  it('every date jornada calls a public holiday is a public holiday for the peer too', () => {
    for (const d of c.calendar.dates.filter((x) => x.kind === 'public_holiday')) {
      const match = c.matches[d.id];
      expect(match, d.id).toBeDefined();
      const peer = findPeer(peerHolidays(c.country, match?.region, 2030), match as Match);
      expect(peer[0]?.type, d.id).toBe('public');
    }
  });

  it.each(c.lacking)('%s is indeed absent from the peer (by name and by day)', (id) => {
    const def = c.calendar.dates.find((d) => d.id === id);
    const names = Object.values(def?.names ?? {});
    for (const year of YEARS) {
      const day = calendarDateInYear(c.calendar, id, year);
      const peer = peerHolidays(c.country, undefined, year);
      expect(peer.some((x) => names.includes(x.name))).toBe(false);
      // Days it shares with another peer holiday (12 Oct is also Nossa Senhora Aparecida) are fine;
      // what matters is that no peer entry of that name exists.
      expect(day).toBeDefined();
    }
  });

  it('the peer dates jornada does not model are the ones listed', () => {
    const matches = Object.values(c.matches).filter((m) => m.region === undefined);
    const extra = new Set<string>();
    for (const year of YEARS) {
      for (const x of new Holidays(c.country).getHolidays(year) as PeerHoliday[]) {
        if (x.substitute === true) extra.add('(substitute day)');
        else if (!matches.some((m) => m.name === x.name && (m.rule === undefined || x.rule.startsWith(m.rule)))) {
          extra.add(x.name === 'Carnaval' ? `Carnaval (${x.rule.split(' ').slice(0, 2).join(' ')})` : x.name);
        }
      }
    }
    expect([...extra].sort()).toEqual([...c.notModelled].sort());
  });
});
