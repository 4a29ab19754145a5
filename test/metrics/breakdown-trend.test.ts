import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { csatAccumulator, feedbackBreakdown, feedbackRollingTrend, feedbackTrend } from '../../src/metrics/index.js';
import { loadNpsTestdata, type NpsTestRow } from './fixture.js';

const rows = loadNpsTestdata();

/**
 * Independent tally used as the expected value (an invariant, not a published figure): a plain loop
 * over the raw REC column that counts 9–10 and 0–6, written without any jornada code.
 */
function tallyNps(subset: NpsTestRow[]): number {
  let promoters = 0;
  let detractors = 0;
  for (const row of subset) {
    if (row.REC >= 9) promoters++;
    if (row.REC <= 6) detractors++;
  }
  return ((promoters - detractors) / subset.length) * 100;
}

describe('feedbackBreakdown on the R NPS test data', () => {
  const byBu = feedbackBreakdown(rows, { answer: (r) => r.REC, dimensions: { BU: (r) => r.BU } });
  it('has the published total (NPS 0.100)', () => {
    expect(byBu.total.result.score).toBeCloseTo(10, 10);
    expect(byBu.total.n).toBe(1000);
  });
  it('matches an independent tally in each business unit (invariant)', () => {
    expect(byBu.cells.map((c) => c.key.BU)).toEqual(['Apples', 'Bananas', 'Berries', 'Oranges']);
    for (const cell of byBu.cells) {
      const subset = rows.filter((r) => r.BU === cell.key.BU);
      expect(cell.n).toBe(250);
      expect(cell.result.score).toBeCloseTo(tallyNps(subset), 10);
      expect(cell.tooFewAnswers).toBe(false);
    }
  });
  it('crosses three dimensions; cells sum to the total and match the tally (invariant)', () => {
    const b = feedbackBreakdown(rows, {
      answer: (r) => r.REC,
      dimensions: { BU: (r) => r.BU, Region: (r) => r.Region, month: (r) => r.date.slice(0, 7) },
      minAnswers: 10,
    });
    expect(b.dimensions).toEqual(['BU', 'Region', 'month']);
    expect(b.cells.reduce((s, c) => s + c.n, 0)).toBe(1000);
    for (const cell of b.cells.slice(0, 20)) {
      const subset = rows.filter((r) => r.BU === cell.key.BU && r.Region === cell.key.Region && r.date.slice(0, 7) === cell.key.month);
      expect(cell.n).toBe(subset.length);
      expect(cell.result.score).toBeCloseTo(tallyNps(subset), 10);
      expect(cell.tooFewAnswers).toBe(subset.length < 10);
    }
  });
  it('puts items without a value in a null cell, last', () => {
    const items = [
      { kind: 'nps', score: 10, channel: 'email' },
      { kind: 'nps', score: 0 },
      { kind: 'csat', score: 1, channel: 'email' }, // another survey: skipped
    ];
    const b = feedbackBreakdown(items, { dimensions: { channel: (r) => r.channel } });
    expect(b.cells.map((c) => [c.key.channel, c.n, c.result.score])).toEqual([
      ['email', 1, 100],
      [null, 1, -100],
    ]);
    expect(b.total.n).toBe(2);
  });
  it('breaks CSAT down with its accumulator', () => {
    const items = [
      { kind: 'csat', score: 5, store: 'A' },
      { kind: 'csat', score: 2, store: 'A' },
      { kind: 'csat', score: 4, store: 'B' },
      { kind: 'nps', score: 0, store: 'B' },
    ];
    const b = feedbackBreakdown(items, { accumulator: csatAccumulator(), dimensions: { store: (r) => r.store } });
    expect(b.cells.map((c) => [c.key.store, c.result.share])).toEqual([
      ['A', 0.5],
      ['B', 1],
    ]);
  });
  it('reports a bad answer with its path', () => {
    try {
      feedbackBreakdown([{ score: 3 }, { score: 12 }], { dimensions: { all: () => 'x' } });
      throw new Error('no throw');
    } catch (e) {
      expect(isJornadaError(e)).toBe(true);
      expect((e as { issues: { path: unknown }[] }).issues[0]?.path).toEqual(['responses', 1, 'score']);
    }
  });
});

describe('feedbackTrend', () => {
  it('gives monthly NPS of the test data matching an independent tally (invariant)', () => {
    const points = feedbackTrend(rows, { answer: (r) => r.REC, at: (r) => `${r.date}T12:00:00Z`, unit: 'month', timeZone: 'UTC' });
    const months = [...new Set(rows.map((r) => r.date.slice(0, 7)))].sort();
    expect(points.map((p) => p.label)).toEqual(months);
    for (const p of points) {
      expect(p.result.score).toBeCloseTo(tallyNps(rows.filter((r) => r.date.startsWith(p.label))), 10);
    }
    // Change against the previous month, and its z test (hand: difference over √(SE₁² + SE₂²)).
    const [a, b] = points as [(typeof points)[0], (typeof points)[0]];
    expect(b.change).toBeCloseTo(b.result.score - a.result.score, 10);
    const se = Math.hypot(a.result.standardError, b.result.standardError) * 100;
    expect(b.changeStandardError).toBeCloseTo(se, 10);
    expect(Number.isNaN(a.change)).toBe(true);
    expect(b.significant).toBe(b.pValue < 0.05);
  });
  it('cuts days at local midnight in the time zone', () => {
    // 2026-06-01T02:30Z is still 31 May, 23:30 in São Paulo (UTC−3).
    const items = [{ score: 10, respondedAt: new Date('2026-06-01T02:30:00Z') }];
    expect(feedbackTrend(items, { unit: 'month', timeZone: 'America/Sao_Paulo' })[0]?.label).toBe('2026-05');
    expect(feedbackTrend(items, { unit: 'month', timeZone: 'UTC' })[0]?.label).toBe('2026-06');
    const day = feedbackTrend(items, { unit: 'day', timeZone: 'America/Sao_Paulo' })[0];
    expect(day?.start.toISOString()).toBe('2026-05-31T03:00:00.000Z');
    expect(day?.end.toISOString()).toBe('2026-06-01T03:00:00.000Z');
  });
  it('starts weeks on Monday (ISO 8601) unless told otherwise', () => {
    // Sunday 10 May 2026 (Dia das Mães) belongs to the ISO week that began on Monday 4 May.
    const items = [{ score: 9, respondedAt: new Date('2026-05-10T15:00:00Z') }];
    expect(feedbackTrend(items, { unit: 'week', timeZone: 'America/Sao_Paulo' })[0]?.label).toBe('2026-05-04');
    expect(feedbackTrend(items, { unit: 'week', timeZone: 'America/Sao_Paulo', weekStartsOn: 0 })[0]?.label).toBe('2026-05-10');
  });
  it('has a 23-hour day across a daylight-saving change', () => {
    // New York moved its clocks forward on Sunday 8 March 2026.
    const items = [{ score: 9, respondedAt: new Date('2026-03-08T15:00:00Z') }];
    const p = feedbackTrend(items, { unit: 'day', timeZone: 'America/New_York' })[0];
    expect(p && (p.end.getTime() - p.start.getTime()) / 3_600_000).toBe(23);
  });
  it('fills empty periods with NaN scores and refuses bad options', () => {
    const items = [
      { score: 10, respondedAt: new Date('2026-01-15T12:00:00Z') },
      { score: 0, respondedAt: new Date('2026-03-15T12:00:00Z') },
    ];
    const points = feedbackTrend(items, { unit: 'month' });
    expect(points.map((p) => [p.label, p.result.n])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    expect(points[1]?.result.score).toBeNaN();
    expect(() => feedbackTrend(items, { unit: 'year' as 'day' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => feedbackTrend(items, { unit: 'day', timeZone: 'Mars/Olympus' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(feedbackTrend([], { unit: 'day' })).toEqual([]);
  });
});

describe('feedbackRollingTrend', () => {
  const day = 86_400_000;
  const asOf = new Date('2026-06-01T00:00:00Z');
  // Two answers per day for 60 days: promoters in the last 30 days, detractors before.
  const items = Array.from({ length: 120 }, (_, i) => {
    const daysAgo = Math.floor(i / 2) + 0.5;
    return { score: daysAgo < 30 ? 10 : 0, respondedAt: new Date(asOf.getTime() - daysAgo * day) };
  });
  it('covers [end − window, end) and compares with the adjacent earlier window', () => {
    const points = feedbackRollingTrend(items, { windowDays: 30, stepDays: 30, asOf, points: 2 });
    expect(points.map((p) => [p.start.toISOString(), p.end.toISOString(), p.result.n, p.result.score])).toEqual([
      ['2026-04-02T00:00:00.000Z', '2026-05-02T00:00:00.000Z', 60, -100],
      ['2026-05-02T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 60, 100],
    ]);
    const last = points[1];
    expect(last?.change).toBe(200);
    // Both windows have zero variance: the z test is undefined, not "significant".
    expect(last?.pValue).toBeNaN();
    expect(last?.significant).toBe(false);
  });
  it('defaults to one point per step back to the first answer', () => {
    const points = feedbackRollingTrend(items, { windowDays: 30, asOf });
    expect(points).toHaveLength(60);
    expect(points.at(-1)?.label).toBe('2026-05-31');
    expect(() => feedbackRollingTrend(items, { windowDays: 0, asOf })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('trend options', () => {
  const items = [
    { kind: 'csat', score: 5, respondedAt: new Date('2026-03-02T12:00:00Z') },
    { kind: 'csat', score: 1, respondedAt: new Date('2026-03-03T12:00:00Z') },
    { kind: 'csat', score: 4, respondedAt: new Date('2026-03-20T12:00:00Z') },
    { kind: 'nps', score: 0, respondedAt: new Date('2026-03-20T12:00:00Z') },
  ];
  it('restricts to [from, to) and scores CSAT with its accumulator', () => {
    const points = feedbackTrend(items, {
      accumulator: csatAccumulator(),
      unit: 'week',
      from: new Date('2026-03-03T00:00:00Z'),
      to: new Date('2026-03-21T00:00:00Z'),
    });
    // ISO weeks starting Monday 2, 9 and 16 March 2026; the answer of 2 March is before `from`.
    expect(points.map((p) => [p.label, p.result.n, p.result.share])).toEqual([
      ['2026-03-02', 1, 0],
      ['2026-03-09', 0, NaN],
      ['2026-03-16', 1, 1],
    ]);
  });
  it('rolls CSAT windows, skipping NPS answers', () => {
    const points = feedbackRollingTrend(items, { accumulator: csatAccumulator(), windowDays: 30, asOf: new Date('2026-04-01T00:00:00Z'), points: 1 });
    expect(points[0]?.result.n).toBe(3);
    expect(points[0]?.result.share).toBeCloseTo(2 / 3, 15);
  });
  it('reports a bad instant with its path', () => {
    expect(() => feedbackTrend([{ score: 5, respondedAt: 'not a date' }], { unit: 'day' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['responses', 0, 'respondedAt'] })] }),
    );
  });
});
