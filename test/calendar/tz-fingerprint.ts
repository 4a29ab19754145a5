// Prints a JSON fingerprint of calendar results, for the machine-time-zone test
// (calendar.prop.test.ts runs this script under several values of TZ and compares the outputs).
import fc from 'fast-check';
import {
  BR_CALENDAR,
  PT_CALENDAR,
  US_CALENDAR,
  birthdaysInRange,
  calendarDayInZone,
  calendarDayRange,
  calendarOccurrences,
  daysAfterLastPurchase,
  daysUntil,
  nextOccurrence,
} from '../../src/calendar/index.js';

const zones = ['UTC', 'America/Sao_Paulo', 'America/Manaus', 'America/New_York', 'Europe/Lisbon', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const out: unknown[] = [
  // Proof that the TZ variable took effect in this process.
  { machineOffsetJan: new Date(2026, 0, 1).getTimezoneOffset(), machineOffsetJul: new Date(2026, 6, 1).getTimezoneOffset() },
];
const instants = fc.sample(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2036, 0, 1) }), { numRuns: 40, seed: 7 });
for (const zone of zones) {
  for (const cal of [BR_CALENDAR, US_CALENDAR, PT_CALENDAR]) {
    const occ = calendarOccurrences(cal, { from: '2026-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z', timeZone: zone, regions: ['BR-SP', 'BR-RJ'] });
    out.push(occ.map((o) => [o.id, o.isoDate, o.start.getTime(), o.end.getTime()]));
  }
  for (const t of instants) {
    const at = new Date(t);
    out.push([
      calendarDayInZone(at, zone),
      nextOccurrence(BR_CALENDAR, at, { timeZone: zone })?.isoDate,
      daysUntil(at, '2030-01-01', zone),
      daysAfterLastPurchase({ id: 'c', timeZone: zone }, at, 45).start.getTime(),
    ]);
  }
  out.push(calendarDayRange({ year: 2026, month: 3, day: 8 }, zone));
  out.push(
    birthdaysInRange(
      [
        { id: 'a', birthday: { year: 2000, month: 2, day: 29 }, timeZone: zone },
        { id: 'b', birthday: { month: 12, day: 31 } },
      ],
      { from: '2026-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', defaultTimeZone: zone },
    ).map((o) => [o.customerId, o.isoDate, o.start.getTime()]),
  );
}
process.stdout.write(JSON.stringify(out));
