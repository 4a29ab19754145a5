import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import { summarizeTransactions, summarizeTransactionsColumnar } from '../../../src/value/index.js';
import { bgNbdProbabilityAlive, fitBgNbd, type BgNbdModel } from '../../../src/value/probabilistic/index.js';

// jornada's own transaction summaries go straight into the models, with their unit checked.
describe('transaction summaries feed the models', () => {
  const tx = [
    { customerId: 'a', at: '2025-01-01T12:00:00Z', amount: 10 },
    { customerId: 'a', at: '2025-01-15T12:00:00Z', amount: 20 },
    { customerId: 'a', at: '2025-02-12T12:00:00Z', amount: 30 },
    { customerId: 'b', at: '2025-01-08T12:00:00Z', amount: 15 },
    { customerId: 'c', at: '2025-03-05T12:00:00Z', amount: 15 }, // first purchase on the last day: T = 0
  ];
  const m: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 } };

  it('rows in weeks: P(alive) is the closed form on the summary values (customer a: x = 2, t_x = 6, T = 9 weeks)', () => {
    const s = summarizeTransactions(tx, { asOf: '2025-03-05T23:00:00Z', unit: 'weeks', timeZone: 'UTC' });
    const a = s.customers.find((c) => c.customerId === 'a')!;
    // 2025-01-01 → 2025-02-12 is 42 days = 6 weeks; → 2025-03-05 is 63 days = 9 weeks (hand count)
    expect([a.frequency, a.recency, a.T]).toEqual([2, 6, 9]);
    const expected = 1 / (1 + (0.8 / (2.5 + 1)) * Math.pow((5 + 9) / (5 + 6), 0.5 + 2));
    expect(bgNbdProbabilityAlive(m, a)).toBeCloseTo(expected, 12);
    // a customer acquired on the last day (T = 0) is accepted and adds nothing to the fit
    expect(() => fitBgNbd(s.customers, { unit: 'weeks', allowNotConverged: true })).not.toThrow();
  });

  it('a summary in days is refused by a model in weeks, rows and columns alike', () => {
    const days = summarizeTransactions(tx, { asOf: '2025-03-05T23:00:00Z', unit: 'days', timeZone: 'UTC' });
    const cols = summarizeTransactionsColumnar(tx, { asOf: '2025-03-05T23:00:00Z', unit: 'days', timeZone: 'UTC' });
    for (const f of [() => bgNbdProbabilityAlive(m, days.customers[0]!), () => fitBgNbd(days.customers, { unit: 'weeks' }), () => fitBgNbd(cols, { unit: 'weeks' })]) {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(isJornadaError(e) && e.code).toBe('INVALID_OPTION');
      }
    }
  });
});
