import { describe, expect, it } from 'vitest';
import type { FeedbackResponse, Interaction } from '../../src/model/index.js';
import { driverCorrelations, expectationGaps, pendingFollowUps } from '../../src/metrics/index.js';
import { DRIVER_COLUMNS, loadNpsTestdata } from './fixture.js';

describe('driverCorrelations', () => {
  it('gives Pearson\'s r of Anscombe\'s first data set (0.816)', () => {
    // Anscombe (1973), "Graphs in statistical analysis", The American Statistician 27(1):17–21:
    // every one of the four sets has correlation 0.816.
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const items = x.map((xi, i) => ({ score: y[i] as number, drivers: { x: xi } }));
    expect(driverCorrelations(items)[0]?.pearson).toBeCloseTo(0.816, 3);
  });
  it('gives Spearman\'s ρ of the IQ / television example (−29/165)', () => {
    // The worked example of the Wikipedia article "Spearman's rank correlation coefficient":
    // Σd² = 194, ρ = 1 − 6·194/(10·99) = −29/165 ≈ −0.1758.
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    const items = iq.map((v, i) => ({ score: v, drivers: { tv: tv[i] as number } }));
    expect(driverCorrelations(items)[0]?.spearman).toBeCloseTo(-29 / 165, 12);
  });
  it('gives tied values their average rank (hand calculation)', () => {
    // x = 1, 2, 2, 3 → ranks 1, 2.5, 2.5, 4; y = 1, 3, 2, 4 → ranks 1, 3, 2, 4.
    // Pearson of the ranks: deviations x (−1.5, 0, 0, 1.5), y (−1.5, 0.5, −0.5, 1.5);
    // Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → ρ = 4.5/√22.5 = 0.948683.
    const items = [1, 2, 2, 3].map((x, i) => ({ score: [1, 3, 2, 4][i] as number, drivers: { x } }));
    expect(driverCorrelations(items)[0]?.spearman).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });
  it('ranks the four drivers of the R NPS test data, each over 1,000 answers', () => {
    const rows = loadNpsTestdata();
    const result = driverCorrelations(rows, { outcome: (r) => r.REC, drivers: (r) => r.drivers });
    expect(result.map((d) => d.n)).toEqual([1000, 1000, 1000, 1000]);
    expect(new Set(result.map((d) => d.driver))).toEqual(new Set(DRIVER_COLUMNS));
    expect(result.map((d) => d.rank)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < result.length; i++) expect(result[i - 1]!.spearman).toBeGreaterThanOrEqual(result[i]!.spearman);
    // Invariant: Spearman's ρ is Pearson's r of the average ranks, so it is unchanged by any
    // increasing transformation of a driver.
    const cubed = driverCorrelations(rows, { outcome: (r) => r.REC, drivers: (r) => ({ t: (r.drivers['Product.Tastiness'] as number) ** 3 }) });
    const tastiness = result.find((d) => d.driver === 'Product.Tastiness');
    expect(cubed[0]?.spearman).toBeCloseTo(tastiness!.spearman, 12);
  });
  it('skips other survey kinds, gives NaN for constant drivers and reports bad values with paths', () => {
    const items = [
      { kind: 'nps', score: 10, drivers: { flat: 3 } },
      { kind: 'nps', score: 2, drivers: { flat: 3 } },
      { kind: 'csat', score: 1, drivers: { flat: 9 } },
    ];
    const [flat] = driverCorrelations(items);
    expect(flat?.n).toBe(2);
    expect(flat?.pearson).toBeNaN();
    expect(() => driverCorrelations([{ score: 1, drivers: { a: Number.NaN } }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: ['responses', 0, 'drivers', 'a'] })] }),
    );
  });
});

describe('pendingFollowUps', () => {
  const t = (iso: string): Date => new Date(iso);
  const nps = (id: string, customerId: string, score: number, at: string): FeedbackResponse => ({
    id, customerId, kind: 'nps', score, scale: { min: 0, max: 10 }, respondedAt: t(at),
  });
  const responses: FeedbackResponse[] = [
    nps('r1', 'c1', 3, '2026-05-10T12:00:00Z'), // followed up by an outbound call within 48 h
    nps('r2', 'c2', 5, '2026-05-10T12:00:00Z'), // only an inbound interaction: still waiting, overdue
    nps('r3', 'c3', 9, '2026-05-10T12:00:00Z'), // a promoter: no follow-up needed
    nps('r4', 'c4', 0, '2026-05-12T00:00:00Z'), // window still open at asOf: pending
    nps('r5', 'c5', 6, '2026-05-10T12:00:00Z'), // outbound, but after the window: overdue
    { id: 'r6', customerId: 'c6', kind: 'csat', score: 3, scale: { min: 1, max: 5 }, respondedAt: t('2026-05-10T12:00:00Z') }, // dissatisfied
    { id: 'r7', customerId: 'c7', kind: 'csat', score: 4, scale: { min: 1, max: 5 }, respondedAt: t('2026-05-10T12:00:00Z') }, // satisfied
    nps('r8', 'c8', 2, '2026-05-14T00:00:00Z'), // after asOf: ignored
  ];
  const interactions: Interaction[] = [
    { id: 'i1', customerId: 'c1', timestamp: t('2026-05-11T09:00:00Z'), event: 'Call Made', direction: 'outbound', channel: 'phone' },
    { id: 'i2', customerId: 'c2', timestamp: t('2026-05-11T09:00:00Z'), event: 'Ticket Opened', direction: 'inbound' },
    { id: 'i3', customerId: 'c5', timestamp: t('2026-05-13T09:00:00Z'), event: 'Email Sent', direction: 'outbound', channel: 'email' },
  ];
  const asOf = t('2026-05-13T12:00:00Z');

  it('lists what is still waiting, most urgent first', () => {
    const list = pendingFollowUps(responses, interactions, { asOf });
    expect(list.map((p) => [p.response.id, p.reason, p.overdue])).toEqual([
      ['r2', 'detractor', true],
      ['r5', 'detractor', true],
      ['r6', 'dissatisfied', true],
      ['r4', 'detractor', false],
    ]);
    // r2: due 48 h after 2026-05-10T12:00Z; waited 72 h by asOf.
    expect(list[0]?.dueAt.toISOString()).toBe('2026-05-12T12:00:00.000Z');
    expect(list[0]?.waitingHours).toBe(72);
  });
  it('honours the window length and the follow-up filter', () => {
    // With a 96-hour window, c5's e-mail on 13 May counts.
    expect(pendingFollowUps(responses, interactions, { asOf, serviceWindowHours: 96 }).map((p) => p.response.id)).not.toContain('r5');
    // If only e-mails count, c1's phone call does not, and c1 is waiting again.
    const onlyEmail = pendingFollowUps(responses, interactions, { asOf, isFollowUp: (i) => i.channel === 'email' });
    expect(onlyEmail.map((p) => p.response.id)).toContain('r1');
    expect(onlyEmail.map((p) => p.response.id)).toContain('r5');
  });
  it('ignores interactions before the response or after asOf', () => {
    const early: Interaction[] = [{ id: 'x', customerId: 'c4', timestamp: t('2026-05-11T00:00:00Z'), event: 'Email Sent', direction: 'outbound' }];
    expect(pendingFollowUps(responses, early, { asOf }).map((p) => p.response.id)).toContain('r4');
    const late: Interaction[] = [{ id: 'y', customerId: 'c4', timestamp: t('2026-05-13T13:00:00Z'), event: 'Email Sent', direction: 'outbound' }];
    expect(pendingFollowUps(responses, late, { asOf }).map((p) => p.response.id)).toContain('r4');
  });
  it('refuses a missing asOf', () => {
    expect(() => pendingFollowUps(responses, interactions, { asOf: new Date('x') })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('expectationGaps', () => {
  it('computes perceived − expected with a paired interval (hand calculation)', () => {
    // Gaps on delivery: −2, −1, 0, −1 → mean −1; sd = √((1 + 0 + 1 + 0)/3) = √(2/3); se = sd/2.
    const items = [
      { expectations: { delivery: { expected: 5, perceived: 3 }, price: { expected: 3, perceived: 4 } } },
      { expectations: { delivery: { expected: 4, perceived: 3 } } },
      { expectations: { delivery: { expected: 4, perceived: 4 } } },
      { expectations: { delivery: { expected: 5, perceived: 4 } } },
      { comment: 'no ratings' },
    ];
    const [delivery, price] = expectationGaps(items);
    expect(delivery?.dimension).toBe('delivery');
    expect(delivery?.n).toBe(4);
    expect(delivery?.meanGap).toBe(-1);
    expect(delivery?.meanExpected).toBe(4.5);
    expect(delivery?.meanPerceived).toBe(3.5);
    expect(delivery?.shortfallShare).toBe(0.75);
    const se = Math.sqrt(2 / 3) / 2;
    expect(delivery?.standardError).toBeCloseTo(se, 14);
    expect(delivery?.interval.lower).toBeCloseTo(-1 - 1.959963984540054 * se, 12);
    expect(price?.meanGap).toBe(1);
    expect(price?.standardDeviation).toBeNaN(); // one answer
  });
  it('reports a bad rating with its path', () => {
    expect(() => expectationGaps([{ expectations: { d: { expected: 1, perceived: Number.NaN } } }])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['responses', 0, 'expectations', 'd', 'perceived'] })] }),
    );
  });
});
