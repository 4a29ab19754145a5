/**
 * Customer lifetime value from a purchase model and a spend model: the discounted sum of expected
 * margin over an explicit horizon.
 *
 * @module
 */
import { JornadaError } from '../../core/errors.js';
import { bgNbdConditionalCurve, type BgNbdModel } from './bg-nbd.js';
import { checkSummaryUnit, durationIn, finiteOrThrow, type ClvDuration, type ClvSummaryRow } from './common.js';
import { gammaGammaExpectedSpend, type GammaGammaModel } from './gamma-gamma.js';
import { mbgNbdConditionalCurve, type MbgNbdModel } from './mbg-nbd.js';
import { paretoNbdConditionalCurve, type ParetoNbdModel } from './pareto-nbd.js';

/**
 * A continuous-time purchase model that can project a customer's purchases.
 *
 * @category Probabilistic CLV
 */
export type ClvPurchaseModel = BgNbdModel | MbgNbdModel | ParetoNbdModel;

/**
 * Options of {@link probabilisticClv}. Every quantity with a unit says it.
 *
 * @category Probabilistic CLV
 */
export interface ProbabilisticClvOptions {
  /**
   * Expected value of one future purchase: a Gamma-Gamma model (each customer's `monetaryValue` is then
   * read), one number for everyone, or one number per customer.
   */
  readonly spend: GammaGammaModel | number | ArrayLike<number>;
  /** Length of one discounting period, e.g. `{ weeks: 4 }` or `{ days: 30 }`. */
  readonly periodLength: ClvDuration;
  /** Number of periods in the horizon (an integer ≥ 1): 12 periods of `{ days: 30 }` is about a year. */
  readonly periods: number;
  /** Discount rate per period (not per year): 0.01 per 30-day period is about 12.9 % a year. */
  readonly discountRatePerPeriod: number;
  /** Share of spend that is margin, ≥ 0. Default 1 (the result is then discounted revenue). */
  readonly margin?: number;
}

/**
 * CLV of each customer: margin × expected spend per purchase × Σ_{k=1..K} [E(Y(kΔ)) − E(Y((k−1)Δ))] /
 * (1 + d)^k, where E(Y(t)) is the purchase model's conditional expectation of purchases in (T, T + t],
 * Δ the period length and d the discount rate per period (purchases of period k are discounted to its
 * end, as in Fader, Hardie & Lee 2005, "RFM and CLV", and `lifetimes`). The model's unit and the
 * customers' unit must agree; the period length is converted explicitly.
 *
 * @param model - A fitted (or hand-written) BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param customers - Summaries `{ frequency, recency, T, monetaryValue? }` in the model's unit.
 * @param options - Spend, period length, number of periods, discount rate per period, margin.
 * @returns One value per customer, in the currency of the spend.
 * @throws {JornadaError} `INVALID_OPTION` for a bad option, a unit mismatch or a spend array of the wrong
 *   length; `INVALID_INPUT` for a bad summary; `NUMERIC` when the Gamma-Gamma mean is infinite (q ≤ 1).
 *
 * @example
 * ```ts
 * // CDNOW customers 1 and 2: 12 periods of 4 weeks, 1 % per period, 30 % margin, Gamma-Gamma spend
 * probabilisticClv(bgNbdFit, customers, {
 *   spend: gammaGammaFit, periodLength: { weeks: 4 }, periods: 12, discountRatePerPeriod: 0.01, margin: 0.3,
 * }); //=> [10.16, 1.30] (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function probabilisticClv(model: ClvPurchaseModel, customers: readonly ClvSummaryRow[], options: ProbabilisticClvOptions): number[] {
  if (typeof model !== 'object' || model === null) throw new JornadaError('INVALID_OPTION', 'a purchase model is required');
  if (!Array.isArray(customers)) throw new JornadaError('INVALID_INPUT', 'customers must be an array', { issues: [{ path: [], message: 'not an array' }] });
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'options are required');
  const { periods, discountRatePerPeriod } = options;
  const margin = options.margin ?? 1;
  if (!Number.isInteger(periods) || periods < 1) throw new JornadaError('INVALID_OPTION', `periods must be an integer ≥ 1 (got ${String(periods)})`);
  if (!(Number.isFinite(discountRatePerPeriod) && discountRatePerPeriod >= 0)) throw new JornadaError('INVALID_OPTION', 'discountRatePerPeriod must be a finite number ≥ 0');
  if (!(Number.isFinite(margin) && margin >= 0)) throw new JornadaError('INVALID_OPTION', 'margin must be a finite number ≥ 0');
  const step = durationIn(options.periodLength, model.unit, 'periodLength');
  if (!(step > 0)) throw new JornadaError('INVALID_OPTION', 'periodLength must be > 0');
  const ts = Array.from({ length: periods + 1 }, (_, k) => k * step);
  const discount = ts.map((_, k) => Math.pow(1 + discountRatePerPeriod, -k));
  const spend = options.spend;
  const spendArray = typeof spend === 'object' && spend !== null && !('model' in spend) ? spend : null;
  if (spendArray !== null && spendArray.length !== customers.length) {
    throw new JornadaError('INVALID_OPTION', `spend has ${spendArray.length} values for ${customers.length} customers`);
  }
  if (typeof spend === 'number' && !(Number.isFinite(spend) && spend >= 0)) throw new JornadaError('INVALID_OPTION', 'spend must be a finite number ≥ 0');
  const curve = (c: ClvSummaryRow): number[] => {
    switch (model.model) {
      case 'bg-nbd':
        return bgNbdConditionalCurve(model, c, ts);
      case 'mbg-nbd':
        return mbgNbdConditionalCurve(model, c, ts);
      case 'pareto-nbd':
        return paretoNbdConditionalCurve(model, c, ts);
      default:
        throw new JornadaError('INVALID_OPTION', `unknown purchase model ${String((model as { model?: unknown }).model)}`);
    }
  };
  return customers.map((c, i) => {
    checkSummaryUnit(c?.unit, model.unit);
    let perPurchase: number;
    if (typeof spend === 'number') perPurchase = spend;
    else if (spendArray !== null) {
      perPurchase = spendArray[i] as number;
      if (!(Number.isFinite(perPurchase) && perPurchase >= 0)) throw new JornadaError('INVALID_OPTION', `spend[${i}] must be a finite number ≥ 0`);
    } else perPurchase = gammaGammaExpectedSpend(spend as GammaGammaModel, c);
    const e = curve(c);
    let value = 0;
    for (let k = 1; k <= periods; k++) value += ((e[k] as number) - (e[k - 1] as number)) * (discount[k] as number);
    return finiteOrThrow(margin * perPurchase * value, 'CLV');
  });
}
