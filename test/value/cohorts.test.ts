import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { cohortTable, type ValueTransaction } from '../../src/value/index.js';
import { readCsv } from './cdnow.js';

describe('cohortTable against the R package cohorts (online_cohorts)', () => {
  const rows = readCsv('online_cohorts/online_cohorts.csv').map((r) => ({
    customerId: r.CustomerID as string,
    at: `${r.InvoiceDate}T12:00:00Z`,
    amount: 0,
  }));
  const table = cohortTable(rows, { by: 'month', asOf: '2011-12-09T23:59:59Z' });

  it('reproduces expected_month_cohort_counts.csv (calendar layout; NA there is null here)', () => {
    const expected = readCsv('online_cohorts/expected_month_cohort_counts.csv');
    expect(table.periods.map((p) => p.label)).toEqual([
      '2010-12', '2011-01', '2011-02', '2011-03', '2011-04', '2011-05', '2011-06',
      '2011-07', '2011-08', '2011-09', '2011-10', '2011-11', '2011-12',
    ]);
    expect(table.cohorts).toHaveLength(expected.length);
    const columns = Object.keys(expected[0] as object).filter((k) => k !== 'cohort');
    expected.forEach((row, i) => {
      const want = columns.map((c) => (row[c] === 'NA' ? null : Number(row[c])));
      expect(table.cohorts[i]?.activeByPeriod, `cohort ${i + 1}`).toEqual(want);
    });
    // The package tests pin these three numbers.
    expect(table.cohorts[0]?.size).toBe(949);
    expect(table.cohorts[0]?.activeByPeriod[1]).toBe(363);
    expect(table.cohorts[1]?.size).toBe(421);
    expect(table.lastPeriodComplete).toBe(false); // data end on 2011-12-09
  });

  it('reproduces expected_month_shiftleft_pct.csv (age layout; its unobservable 0s are null here)', () => {
    const expected = readCsv('online_cohorts/expected_month_shiftleft_pct.csv');
    expected.forEach((row, i) => {
      const cohort = table.cohorts[i];
      const observableAges = 13 - i; // cohort i (0-based) has been observed for 13 − i months
      const want = Array.from({ length: 13 }, (_, k) => (k < observableAges ? Number(row[`t${k}`]) : null));
      const got = cohort?.retentionByAge.map((v) => (v === null ? null : Math.round(v * 1000) / 10));
      expect(got, `cohort ${i + 1}`).toEqual(want);
    });
  });
});

describe('cohortTable periods and zones', () => {
  const rows: ValueTransaction[] = [
    { customerId: 'a', at: '2026-01-05T12:00:00Z', amount: 10 },
    { customerId: 'a', at: '2026-01-06T12:00:00Z', amount: 5 },
    { customerId: 'b', at: '2026-02-01T01:00:00Z', amount: 20 }, // still 31 January in São Paulo
    { customerId: 'a', at: '2026-04-02T12:00:00Z', amount: 30 },
  ];

  it('groups by quarter and keeps revenue per cohort and period (hand example)', () => {
    const t = cohortTable(rows, { by: 'quarter', asOf: '2026-06-30T23:00:00Z' });
    expect(t.periods.map((p) => p.label)).toEqual(['2026-Q1', '2026-Q2']);
    expect(t.cohorts[0]).toMatchObject({ size: 2, activeByPeriod: [2, 1], revenueByPeriod: [35, 30], retentionByAge: [1, 0.5] });
    expect(t.lastPeriodComplete).toBe(false); // 23:00 of the last day: 1 hour left
    expect(cohortTable(rows, { by: 'quarter', asOf: '2026-06-30T23:59:59.999Z' }).lastPeriodComplete).toBe(true);
  });

  it('places acquisitions by the local calendar of the zone', () => {
    const utc = cohortTable(rows, { by: 'month', asOf: '2026-04-30T00:00:00Z' });
    expect(utc.cohorts.map((c) => [c.label, c.size])).toEqual([['2026-01', 1], ['2026-02', 1]]);
    const sp = cohortTable(rows, { by: 'month', asOf: '2026-04-30T00:00:00Z', timeZone: 'America/Sao_Paulo' });
    expect(sp.cohorts.map((c) => [c.label, c.size])).toEqual([['2026-01', 2]]);
    // Months start at local midnight: 2026-01-01T00:00 in São Paulo is 03:00 UTC.
    expect(sp.periods[0]?.start.toISOString()).toBe('2026-01-01T03:00:00.000Z');
  });

  it('starts weeks on the day asked (ISO Monday by default) and days at local midnight', () => {
    // 2026-01-05 is a Monday; 2026-01-04 a Sunday.
    const w = cohortTable([{ customerId: 'a', at: '2026-01-04T12:00:00Z', amount: 1 }], { by: 'week', asOf: '2026-01-05T12:00:00Z' });
    expect(w.periods.map((p) => p.label)).toEqual(['2025-12-29', '2026-01-05']);
    const sunday = cohortTable([{ customerId: 'a', at: '2026-01-04T12:00:00Z', amount: 1 }], { by: 'week', asOf: '2026-01-05T12:00:00Z', weekStartsOn: 0 });
    expect(sunday.periods.map((p) => p.label)).toEqual(['2026-01-04']);
    const d = cohortTable(rows.slice(0, 2), { by: 'day', asOf: '2026-01-07T00:00:00Z' });
    expect(d.periods.map((p) => p.label)).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
    expect(d.cohorts[0]?.activeByAge).toEqual([1, 1, 0]);
  });

  it('refuses an unknown period or week start', () => {
    for (const bad of [{ by: 'year' }, { by: 'week', weekStartsOn: 7 }]) {
      try {
        cohortTable([], { asOf: '2026-01-01T00:00:00Z', ...bad } as never);
        expect.unreachable();
      } catch (e) {
        expect(isJornadaError(e) && e.code).toBe('INVALID_OPTION');
      }
    }
  });
});
