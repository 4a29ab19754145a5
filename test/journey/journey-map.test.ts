import { describe, expect, it } from 'vitest';
import type { FeedbackResponse, Interaction } from '../../src/model/index.js';
import { journeyMap, omnichannelConsistency } from '../../src/journey/index.js';
import { normalSurvival } from '../../src/core/normal.js';

const day = (d: number): Date => new Date(Date.UTC(2026, 4, d, 12));

function interaction(id: string, who: { customerId?: string; anonymousId?: string }, at: Date, extra: Partial<Interaction>): Interaction {
  return { id, ...who, timestamp: at, event: 'Touched', direction: 'inbound', ...extra };
}

function answer(id: string, customerId: string, kind: 'nps' | 'csat', score: number, extra: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return {
    id,
    customerId,
    respondedAt: day(10),
    kind,
    score,
    scale: kind === 'nps' ? { min: 0, max: 10 } : { min: 1, max: 5 },
    ...extra,
  };
}

describe('journeyMap', () => {
  // c1 sees an ad (May 1) and the site (May 2) and orders May 5; c2 sees an ad May 1 and orders May 20
  // (outside the 7-day window); a visitor sees the ad; c3 has an interaction without a touchpoint kind.
  const interactions: Interaction[] = [
    interaction('i1', { customerId: 'c1' }, day(1), { touchpoint: 'advertising', channel: 'social' }),
    interaction('i2', { customerId: 'c1' }, day(2), { touchpoint: 'website_app', channel: 'web' }),
    interaction('i3', { customerId: 'c2' }, day(1), { touchpoint: 'advertising', channel: 'social' }),
    interaction('i4', { anonymousId: 'v1' }, day(1), { touchpoint: 'advertising', channel: 'web' }),
    interaction('i5', { customerId: 'c3' }, day(1), { channel: 'email' }),
  ];
  const conversions = [
    { customerId: 'c1', at: day(5) },
    { customerId: 'c2', at: day(20) },
  ];
  const feedback: FeedbackResponse[] = [
    answer('f1', 'c1', 'nps', 10, { interactionId: 'i1' }),
    answer('f2', 'c2', 'nps', 9, { touchpoint: 'advertising' }),
    answer('f3', 'c2', 'nps', 3, { touchpoint: 'advertising' }),
    answer('f4', 'c1', 'csat', 5, { interactionId: 'i2' }),
    answer('f5', 'c1', 'csat', 2, { touchpoint: 'website_app', scale: { min: 1, max: 10 } }),
    answer('f6', 'c1', 'nps', 8),
  ];

  it('counts volume, customers, satisfaction and the conversion that follows', () => {
    const map = journeyMap(interactions, { conversions, feedback, minAnswers: 3 });
    expect(map.cells.map((c) => [c.stage, c.touchpoint, c.interactions, c.customers])).toEqual([
      ['reach', 'advertising', 3, 3],
      ['acquisition', 'website_app', 1, 1],
    ]);
    const ad = map.cells[0]!;
    // 1 of the 2 known customers (c1) ordered within 7 days of the ad; the visitor has no conversions.
    expect(ad.convertedCustomers).toBe(1);
    expect(ad.conversionRate).toBe(0.5);
    // Wilson interval of 1 of 2 at 95 %: centre 0.5, half-width (1.96/(1 + 1.96²/2))·√(1/8 + 1.96²/16) = 0.4055.
    expect(ad.conversionInterval.lower).toBeCloseTo(0.0945, 4);
    expect(ad.conversionInterval.upper).toBeCloseTo(0.9055, 4);
    // NPS of 10, 9, 3: 2 promoters, 1 detractor of 3 → 33.3 points; three answers meet minAnswers = 3.
    expect(ad.nps.n).toBe(3);
    expect(ad.nps.score).toBeCloseTo(100 / 3, 12);
    expect(ad.npsTooFewAnswers).toBe(false);
    expect(Number.isNaN(ad.csat.share)).toBe(true);
    expect(ad.csatTooFewAnswers).toBe(true);
    const site = map.cells[1]!;
    expect(site.csat.n).toBe(1);
    expect(site.csat.share).toBe(1);
    expect(site.conversionRate).toBe(1);
    // f5 is on a 1–10 scale and f6 names no touchpoint: both unplaced.
    expect(map.totals).toEqual({ interactions: 5, placed: 4, unplaced: 1, customers: 3, answersPlaced: 4, answersUnplaced: 2 });
  });

  it('places interactions by the stage the customer was in', () => {
    const stageAt = (customerId: string, at: Date): string | undefined =>
      customerId === 'c1' ? (at < day(2) ? 'reach' : 'acquisition') : customerId === 'c2' ? 'loyalty' : undefined;
    const map = journeyMap(interactions, { stageAt });
    expect(map.cells.map((c) => [c.stage, c.touchpoint, c.interactions])).toEqual([
      ['reach', 'advertising', 1],
      ['acquisition', 'website_app', 1],
      ['loyalty', 'advertising', 1],
    ]);
    // The visitor has no customer id, so no stage.
    expect(map.totals.unplaced).toBe(2);
    expect(Number.isNaN(map.cells[0]!.conversionRate)).toBe(true);
  });

  it('applies touchpoint overrides and rejects bad options', () => {
    const map = journeyMap(interactions, { touchpointStages: { advertising: 'acquisition' } });
    expect(map.cells.map((c) => c.stage)).toEqual(['acquisition', 'acquisition']);
    expect(() => journeyMap([], { conversionWindowDays: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => journeyMap([], { minAnswers: NaN })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('omnichannelConsistency', () => {
  const npsAnswers = (channel: 'email' | 'phone' | 'chat', scores: number[]): FeedbackResponse[] =>
    scores.map((score, i) => answer(`${channel}-${i}`, `c-${channel}-${i}`, 'nps', score, { channel, touchpoint: 'customer_service' }));

  it('flags a channel whose NPS falls significantly below the others', () => {
    // email: 30 × 10 and 10 × 8 → NPS 75 (p = 0.75, d = 0); phone: 20 × 3 and 20 × 9 → NPS 0 (p = d = 0.5).
    // z = 0.75 / √((0.75 − 0.75²)/40 + (1 − 0)/40) = 0.75 / √(0.0296875) = 4.353; p ≈ 1.3e−5 < 0.05/2.
    const feedback = [
      ...npsAnswers('email', [...Array<number>(30).fill(10), ...Array<number>(10).fill(8)]),
      ...npsAnswers('phone', [...Array<number>(20).fill(3), ...Array<number>(20).fill(9)]),
      ...npsAnswers('chat', [10, 10]),
    ];
    const r = omnichannelConsistency(feedback);
    expect(r.answers).toBe(82);
    const stage = r.stages[0]!;
    expect(stage.stage).toBe('retention'); // customer service → retention by default
    expect(stage.spread).toBeCloseTo(75, 12);
    expect(stage.flagged).toEqual(['phone']);
    expect(stage.channels.map((c) => c.channel)).toEqual(['email', 'phone', 'chat']);
    const phone = stage.channels[1]!;
    // The rest of phone is email + chat: 32 promoters of 42 answers, NPS 76.19.
    const p = 32 / 42;
    const z = (0 - p) / Math.sqrt((p - p * p) / 42 + 1 / 40);
    expect(phone.differenceFromRest).toBeCloseTo(-100 * p, 10);
    // Two-sided normal tail of the hand-computed z (z ≈ −5.0).
    expect(phone.pValue / (2 * normalSurvival(Math.abs(z)))).toBeCloseTo(1, 6);
    expect(phone.pValue).toBeLessThan(0.001);
    const chat = stage.channels[2]!;
    expect(chat.tooFewAnswers).toBe(true);
    expect(Number.isNaN(chat.pValue)).toBe(true);
    expect(stage.tested).toBe(2);
  });

  it('compares CSAT satisfied shares', () => {
    // A: 30 of 40 satisfied (0.75); B: 20 of 40 (0.5). z = −0.25/√(0.75·0.25/40 + 0.5·0.5/40) = −2.3905,
    // two-sided p = 0.0168 < 0.05/2 → B flagged.
    const csat = (channel: 'email' | 'chat', satisfied: number): FeedbackResponse[] =>
      Array.from({ length: 40 }, (_, i) =>
        answer(`${channel}-${i}`, `c${i}`, 'csat', i < satisfied ? 5 : 2, { channel, touchpoint: 'delivery' }),
      );
    const r = omnichannelConsistency([...csat('email', 30), ...csat('chat', 20)], { metric: 'csat' });
    const stage = r.stages[0]!;
    expect(stage.stage).toBe('nurture');
    expect(stage.spread).toBeCloseTo(0.25, 12);
    const b = stage.channels.find((c) => c.channel === 'chat')!;
    expect(b.pValue).toBeCloseTo(0.0168, 3);
    expect(stage.flagged).toEqual(['chat']);
    // At alpha 0.02 the Bonferroni threshold 0.01 is not met.
    expect(omnichannelConsistency([...csat('email', 30), ...csat('chat', 20)], { metric: 'csat', alpha: 0.02 }).stages[0]!.flagged).toEqual([]);
  });

  it('finds the channel through the interaction an answer names', () => {
    const interactions: Interaction[] = [interaction('i1', { customerId: 'c1' }, day(1), { channel: 'whatsapp', touchpoint: 'delivery' })];
    const r = omnichannelConsistency([answer('f1', 'c1', 'nps', 9, { interactionId: 'i1' }), answer('f2', 'c1', 'nps', 9)], {
      interactions,
      minAnswers: 1,
    });
    expect(r.stages.map((s) => [s.stage, s.channels.map((c) => c.channel)])).toEqual([['nurture', ['whatsapp']]]);
    expect(r.unplaced).toBe(1);
    expect(Number.isNaN(r.stages[0]!.spread)).toBe(true);
    expect(() => omnichannelConsistency([], { alpha: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
