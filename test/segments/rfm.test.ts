import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  RFM_SEGMENT_LABELS,
  RFM_SEGMENT_RULES,
  rfmInputsFromOrders,
  rfmScores,
  rfmSegment,
  rfmSegmentLabel,
  rfmSegments,
  rfmSegmentSummary,
  type RfmInput,
  type RfmSegmentRule,
} from '../../src/segments/index.js';
import { readFixtureCsv } from './csv.js';

// Reference: test/fixtures/rfm_orders (R package `rfm` 0.3.0 outputs on its own order data, analysis
// date 2006-12-31) and test/fixtures/rfm_customers (customer-level data); see the READMEs there.
const orders = readFixtureCsv('rfm_orders/rfm_data_orders.csv').map((r) => ({
  customerId: r.customer_id as string,
  placedAt: new Date(`${r.order_date}T00:00:00Z`),
  total: Number(r.revenue),
}));
const asOf = new Date('2006-12-31T00:00:00Z');
const inputs = rfmInputsFromOrders(orders, asOf);
const byId = new Map(inputs.map((r) => [r.customerId, r]));

const num = (s: string | undefined): number => Number(s);

describe('rfmInputsFromOrders on the R rfm order data', () => {
  const expected = readFixtureCsv('rfm_orders/expected_scores_quintiles.csv');
  it('finds the 995 customers and 4,906 orders of the README', () => {
    // README: 4,906 orders, 995 customers; the package test: sum(transaction_count) = 4906.
    expect(inputs.length).toBe(995);
    expect(inputs.reduce((s, r) => s + r.frequency, 0)).toBe(4906);
  });
  it('equals recency_days, transaction_count and amount of rfm_table_order for every customer', () => {
    for (const e of expected) {
      const r = byId.get(e.customer_id as string);
      expect(r, e.customer_id).toBeDefined();
      expect([r?.recencyDays, r?.frequency, r?.monetary]).toEqual([num(e.recency_days), num(e.transaction_count), num(e.amount)]);
    }
  });
  it('skips cancelled orders and orders after asOf, and refuses mixed currencies', () => {
    const rows = rfmInputsFromOrders(
      [
        { customerId: 'a', placedAt: new Date('2026-01-01T00:00:00Z'), total: 10, status: 'paid', currency: 'BRL' },
        { customerId: 'a', placedAt: new Date('2026-01-05T00:00:00Z'), total: 99, status: 'cancelled', currency: 'BRL' },
        { customerId: 'a', placedAt: new Date('2026-03-01T00:00:00Z'), total: 99, status: 'paid', currency: 'BRL' },
      ],
      new Date('2026-01-11T12:00:00Z'),
    );
    // Hand count: one order counted, 10 days 12 hours elapsed → 10 whole days.
    expect(rows).toEqual([{ customerId: 'a', recencyDays: 10, frequency: 1, monetary: 10 }]);
    expect(() =>
      rfmInputsFromOrders(
        [
          { customerId: 'a', placedAt: new Date('2026-01-01T00:00:00Z'), total: 10, currency: 'BRL' },
          { customerId: 'b', placedAt: new Date('2026-01-01T00:00:00Z'), total: 10, currency: 'USD' },
        ],
        new Date('2026-02-01T00:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

function scoreMap(rows: ReturnType<typeof rfmScores>['scores']): Map<string, [number, number, number]> {
  return new Map(rows.map((s) => [s.customerId, [s.recencyScore, s.frequencyScore, s.monetaryScore]]));
}

describe('rfmScores against the R rfm package', () => {
  it('quintiles under the r-rfm convention equal expected_scores_quintiles.csv', () => {
    const scored = scoreMap(rfmScores(inputs, { ties: 'r-rfm' }).scores);
    const expected = readFixtureCsv('rfm_orders/expected_scores_quintiles.csv');
    expect(expected.length).toBe(995);
    const mismatches = expected.filter((e) => {
      const s = scored.get(e.customer_id as string);
      return s === undefined || s[0] !== num(e.recency_score) || s[1] !== num(e.frequency_score) || s[2] !== num(e.monetary_score);
    });
    expect(mismatches.map((m) => m.customer_id)).toEqual([]);
  });

  it('rfmScore is 100R + 10F + M, as the rfm_score column', () => {
    const expected = new Map(readFixtureCsv('rfm_orders/expected_scores_quintiles.csv').map((e) => [e.customer_id, num(e.rfm_score)]));
    for (const s of rfmScores(inputs).scores) expect(s.rfmScore).toBe(expected.get(s.customerId));
  });

  it('fixed thresholds equal expected_scores_fixed_thresholds.csv', () => {
    // README: recency_bins = c(115,181,297,482), frequency_bins = c(4,5,6,8), monetary_bins = c(256,382,506,666).
    const scored = scoreMap(
      rfmScores(inputs, { method: 'thresholds', thresholds: { recency: [115, 181, 297, 482], frequency: [4, 5, 6, 8], monetary: [256, 382, 506, 666] } }).scores,
    );
    const expected = readFixtureCsv('rfm_orders/expected_scores_fixed_thresholds.csv');
    expect(expected.length).toBe(995);
    for (const e of expected) {
      expect(scored.get(e.customer_id as string), e.customer_id).toEqual([num(e.recency_score), num(e.frequency_score), num(e.monetary_score)]);
    }
  });

  it('customer-level data (39,999 customers) equals rfm_table_customer quintiles and its thresholds', () => {
    const data = readFixtureCsv('rfm_customers/rfm_data_customer.csv');
    const customers: RfmInput[] = data.map((r) => ({
      customerId: r.customer_id as string,
      recencyDays: num(r.recency_days),
      frequency: num(r.number_of_orders),
      monetary: num(r.revenue),
    }));
    expect(customers.length).toBe(39_999);
    // Package test: sum of transaction_count = 393223.
    expect(customers.reduce((s, c) => s + c.frequency, 0)).toBe(393_223);
    const result = rfmScores(customers);
    // README thresholds (lower|upper per score): recency 2|77|126|177|266|1033 → inner cut points
    // 77, 126, 177, 266; frequency 8, 10, 11, 13; monetary 641, 827, 1003, 1226.
    expect(result.cutPoints.recency).toEqual([77, 126, 177, 266]);
    expect(result.cutPoints.frequency).toEqual([8, 10, 11, 13]);
    expect(result.cutPoints.monetary).toEqual([641, 827, 1003, 1226]);
    const scored = scoreMap(result.scores);
    const expected = readFixtureCsv('rfm_customers/expected_scores_quintiles.csv');
    expect(expected.length).toBe(39_999);
    let checked = 0;
    for (const e of expected) {
      const s = scored.get(e.customer_id as string);
      if (s === undefined || s[0] !== num(e.recency_score) || s[1] !== num(e.frequency_score) || s[2] !== num(e.monetary_score)) {
        expect({ id: e.customer_id, got: s }).toEqual({ id: e.customer_id, got: [num(e.recency_score), num(e.frequency_score), num(e.monetary_score)] });
      }
      checked++;
    }
    expect(checked).toBe(39_999);
  });
});

describe('rfmScores against the pandas qcut recipe', () => {
  const expected = readFixtureCsv('rfm_orders/expected_scores_pandas_qcut.csv');
  it('equals r_qcut, f_qcut_rankfirst and m_qcut of expected_scores_pandas_qcut.csv', () => {
    const scored = scoreMap(rfmScores(inputs, { ties: 'pandas-qcut' }).scores);
    expect(expected.length).toBe(995);
    const mismatches = expected.filter((e) => {
      const s = scored.get(e.customer_id as string);
      return s === undefined || s[0] !== num(e.r_qcut) || s[1] !== num(e.f_qcut_rankfirst) || s[2] !== num(e.m_qcut);
    });
    expect(mismatches.map((m) => m.customer_id)).toEqual([]);
  });

  it('does not depend on input order (ties split by customer id)', () => {
    const reversed = scoreMap(rfmScores([...inputs].reverse(), { ties: 'pandas-qcut' }).scores);
    const forward = scoreMap(rfmScores(inputs, { ties: 'pandas-qcut' }).scores);
    expect(reversed).toEqual(forward);
  });

  it('the R×F grid of the README reproduces segment_rf', () => {
    // README: R1–2: F1–2 hibernating, F3–4 at_risk, F5 cant_loose; R3: F1–2 about_to_sleep, F3
    // need_attention, F4–5 loyal_customers; R4: F1 promising, F2–3 potential_loyalists, F4–5
    // loyal_customers; R5: F1 new_customers, F2–3 potential_loyalists, F4–5 champions.
    const grid: RfmSegmentRule[] = [
      { segment: 'hibernating', recency: [1, 2], frequency: [1, 2] },
      { segment: 'at_risk', recency: [1, 2], frequency: [3, 4] },
      { segment: 'cant_loose', recency: [1, 2], frequency: [5, 5] },
      { segment: 'about_to_sleep', recency: [3, 3], frequency: [1, 2] },
      { segment: 'need_attention', recency: [3, 3], frequency: [3, 3] },
      { segment: 'loyal_customers', recency: [3, 4], frequency: [4, 5] },
      { segment: 'promising', recency: [4, 4], frequency: [1, 1] },
      { segment: 'potential_loyalists', recency: [4, 5], frequency: [2, 3] },
      { segment: 'new_customers', recency: [5, 5], frequency: [1, 1] },
      { segment: 'champions', recency: [5, 5], frequency: [4, 5] },
    ];
    const segmented = new Map(rfmSegments(rfmScores(inputs, { ties: 'pandas-qcut' }).scores, { rules: grid }).map((s) => [s.customerId, s.segment]));
    for (const e of expected) expect(segmented.get(e.customer_id as string), e.customer_id).toBe(e.segment_rf);
  });
});

describe('rfmSegments against rfm_segment()', () => {
  const scores = rfmScores(inputs).scores;
  const readmeRules: RfmSegmentRule[] = [
    // The rule table of the package README / vignette, as listed in the fixture README.
    { segment: 'Champions', recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
    { segment: 'Potential Loyalist', recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
    { segment: 'Loyal Customers', recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
    { segment: 'Promising', recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
    { segment: 'New Customers', recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
    { segment: "Can't Lose Them", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
    { segment: 'At Risk', recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
    { segment: 'Need Attention', recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
    { segment: 'About To Sleep', recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
    { segment: 'Lost', recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
  ];
  const testRules: RfmSegmentRule[] = [
    // The rule table of tests/testthat/test-rfm-segment.R, as listed in the fixture README.
    { segment: 'Champions', recency: [4, 5], frequency: [4, 5], monetary: [4, 5] },
    { segment: 'Loyal Customers', recency: [2, 5], frequency: [3, 5], monetary: [3, 5] },
    { segment: 'Potential Loyalist', recency: [3, 5], frequency: [1, 3], monetary: [1, 3] },
    { segment: 'New Customers', recency: [4, 5], frequency: [1, 1], monetary: [1, 1] },
    { segment: 'Promising', recency: [3, 4], frequency: [1, 1], monetary: [1, 1] },
    { segment: 'Need Attention', recency: [2, 3], frequency: [2, 3], monetary: [2, 3] },
    { segment: 'About To Sleep', recency: [2, 3], frequency: [1, 2], monetary: [1, 2] },
    { segment: 'At Risk', recency: [1, 2], frequency: [2, 5], monetary: [2, 5] },
    { segment: "Can't Lose Them", recency: [1, 1], frequency: [4, 5], monetary: [4, 5] },
    { segment: 'Lost', recency: [1, 2], frequency: [1, 2], monetary: [1, 2] },
  ];

  for (const [file, rules] of [
    ['expected_segments_readme_rules.csv', readmeRules],
    ['expected_segments_test_rules.csv', testRules],
  ] as const) {
    it(`equals ${file} (first matching rule wins, unmatched → Others)`, () => {
      const got = new Map(rfmSegments(scores, { rules, otherSegment: 'Others' }).map((s) => [s.customerId, s.segment]));
      const expected = readFixtureCsv(`rfm_orders/${file}`);
      expect(expected.length).toBe(995);
      for (const e of expected) expect(got.get(e.customer_id as string), e.customer_id).toBe(e.segment);
    });
  }

  it('the summary reproduces the package test: Champions = 158 customers, 1234 orders, revenue 120178', () => {
    const summary = rfmSegmentSummary(rfmSegments(scores, { rules: testRules, otherSegment: 'Others' }), testRules.map((r) => r.segment));
    const champions = summary.find((r) => r.segment === 'Champions');
    expect(champions).toMatchObject({ customers: 158, orders: 1234, revenue: 120178 });
    // Invariants: shares add up to 1 and customers add up to the population.
    expect(summary.reduce((s, r) => s + r.customers, 0)).toBe(995);
    expect(summary.reduce((s, r) => s + r.revenueShare, 0)).toBeCloseTo(1, 12);
  });
});

describe('the default 11-segment map', () => {
  it('gives every one of the 125 score cells exactly one of the 11 segments, independent of rule order', () => {
    const ids = Object.keys(RFM_SEGMENT_LABELS);
    expect(ids.length).toBe(11);
    const seen = new Set<string>();
    const reversed = [...RFM_SEGMENT_RULES].reverse();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          const cell = { recencyScore: r, frequencyScore: f, monetaryScore: m };
          const matching = RFM_SEGMENT_RULES.filter((rule) => rule.recency !== undefined && rule.frequency !== undefined && r >= rule.recency[0] && r <= rule.recency[1] && f >= rule.frequency[0] && f <= rule.frequency[1]);
          expect(matching.length, `R${r}F${f}`).toBe(1);
          expect(rfmSegment(cell)).toBe(rfmSegment(cell, reversed));
          seen.add(rfmSegment(cell));
        }
      }
    }
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('places the corners as the grid in the docs says', () => {
    // Hand-read from the table in RFM_SEGMENT_RULES' documentation.
    const seg = (r: number, f: number): string => rfmSegment({ recencyScore: r, frequencyScore: f, monetaryScore: 3 });
    expect([seg(5, 5), seg(5, 1), seg(1, 5), seg(1, 1), seg(2, 1), seg(3, 3), seg(4, 1)]).toEqual([
      'champions', 'new_customers', 'cant_lose_them', 'lost', 'hibernating', 'need_attention', 'promising',
    ]);
  });

  it('has English and Portuguese labels', () => {
    expect(rfmSegmentLabel('cant_lose_them', 'en')).toBe("Can't Lose Them");
    expect(rfmSegmentLabel('champions', 'pt-BR')).toBe('Campeões');
    expect(rfmSegmentLabel('Others', 'pt-BR')).toBe('Others');
  });
});

describe('rfmScores options and errors', () => {
  it('a hand-made example shows the "+1" of the R convention', () => {
    const five = [10, 20, 30, 40, 50].map((d, i) => ({ customerId: String(i), recencyDays: d, frequency: 9 - 2 * i, monetary: 900 - 200 * i }));
    // Type-7 quintiles (h = 4p): recency 10..50 → 18, 26, 34, 42; frequency 1..9 → 2.6, 4.2, 5.8, 7.4;
    // monetary 100..900 → 260, 420, 580, 740.
    // r-rfm cuts are those plus 1 (recency 19, 27, 35, 43; frequency 3.6, 5.2, 6.8, 8.4; monetary 261…),
    // scores count the cuts ≤ value: F of 5 reaches only 3.6 → 2, F of 3 reaches none → 1.
    expect(rfmScores(five).scores.map((s) => s.rfmScore)).toEqual([555, 444, 323, 212, 111]);
    // pandas-qcut: right-closed bins on the plain quantiles (frequency on ranks 1..5 → 1.8, 2.6, 3.4, 4.2).
    expect(rfmScores(five, { ties: 'pandas-qcut' }).scores.map((s) => s.rfmScore)).toEqual([555, 444, 333, 222, 111]);
  });
  it('ties share a score under r-rfm and are split by id under pandas-qcut', () => {
    // Four customers with frequency 1 and one with 5, 2 bins. r-rfm: median 1, cut 2 → the four get F=1.
    // pandas-qcut: ranks 1..5, median rank 3 → ranks 1–3 get F=1, ranks 4–5 get F=2 (id '3' and the 5-order one).
    const rows = ['0', '1', '2', '3', '4'].map((id) => ({ customerId: id, recencyDays: 1, frequency: id === '4' ? 5 : 1, monetary: 1 }));
    expect(rfmScores(rows, { bins: 2 }).scores.map((s) => s.frequencyScore)).toEqual([1, 1, 1, 1, 2]);
    expect(rfmScores(rows, { bins: 2, ties: 'pandas-qcut' }).scores.map((s) => s.frequencyScore)).toEqual([1, 1, 1, 2, 2]);
  });
  it('refuses bad options with JornadaError', () => {
    const one = [{ customerId: 'a', recencyDays: 1, frequency: 1, monetary: 1 }];
    for (const bad of [
      () => rfmScores(one, { bins: 1 }),
      () => rfmScores(one, { bins: 10 }),
      () => rfmScores(one, { method: 'thresholds' }),
      () => rfmScores(one, { method: 'thresholds', thresholds: { recency: [3, 2], frequency: [1], monetary: [1] } }),
      () => rfmScores([]),
      () => rfmScores([{ customerId: 'a', recencyDays: NaN, frequency: 1, monetary: 1 }]),
      () => rfmSegment({ recencyScore: 1, frequencyScore: 1, monetaryScore: 1 }, [{ segment: 'x', recency: [3, 1] }]),
    ]) {
      let caught: unknown;
      try {
        bad();
      } catch (e) {
        caught = e;
      }
      expect(isJornadaError(caught)).toBe(true);
    }
  });
});
