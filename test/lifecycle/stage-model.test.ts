import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  DEFAULT_STAGE_MODEL,
  DEFAULT_TO_HUBSPOT_STAGE,
  HUBSPOT_STAGE_MODEL,
  HUBSPOT_TO_DEFAULT_STAGE,
  classifyLifecycle,
  createRetailStageModel,
  parseLifecycleStageModel,
  safeParseLifecycleStageModel,
} from '../../src/lifecycle/index.js';
import type { Customer, FeedbackResponse, Order } from '../../src/model/index.js';

describe('built-in stage models', () => {
  it('the default model has the seed’s five stages with Portuguese labels', () => {
    // The seed's vocabulary: alcance, aquisição, nutrição, retenção, lealdade.
    expect(DEFAULT_STAGE_MODEL.stages.map((s) => s.id)).toEqual(['reach', 'acquisition', 'nurture', 'retention', 'loyalty']);
    expect(DEFAULT_STAGE_MODEL.stages.map((s) => s.label['pt-BR'])).toEqual(['Alcance', 'Aquisição', 'Nutrição', 'Retenção', 'Lealdade']);
    expect(Object.isFrozen(DEFAULT_STAGE_MODEL.stages[0])).toBe(true);
  });

  it('the HubSpot-style model has HubSpot’s seven lifecycle stages', () => {
    expect(HUBSPOT_STAGE_MODEL.stages.map((s) => s.id)).toEqual(['subscriber', 'lead', 'marketing_qualified_lead', 'sales_qualified_lead', 'opportunity', 'customer', 'evangelist']);
  });

  it('both survive a JSON round trip through the parser unchanged', () => {
    for (const m of [DEFAULT_STAGE_MODEL, HUBSPOT_STAGE_MODEL, createRetailStageModel({ loyaltyMinOrders: 8 })]) {
      expect(parseLifecycleStageModel(JSON.parse(JSON.stringify(m)))).toEqual(m);
    }
  });

  it('the mappings cover every stage of both models and land on existing stages', () => {
    const def = DEFAULT_STAGE_MODEL.stages.map((s) => s.id);
    const hub = HUBSPOT_STAGE_MODEL.stages.map((s) => s.id);
    expect(Object.keys(HUBSPOT_TO_DEFAULT_STAGE).sort()).toEqual([...hub].sort());
    expect(Object.keys(DEFAULT_TO_HUBSPOT_STAGE).sort()).toEqual([...def].sort());
    for (const v of Object.values(HUBSPOT_TO_DEFAULT_STAGE)) expect(def).toContain(v);
    for (const v of Object.values(DEFAULT_TO_HUBSPOT_STAGE)) expect(hub).toContain(v);
    // both mappings keep the order of stages (a later stage never maps before an earlier one)
    const rank = (ids: string[], id: string | undefined): number => ids.indexOf(id ?? '');
    for (let i = 1; i < hub.length; i++) expect(rank(def, HUBSPOT_TO_DEFAULT_STAGE[hub[i] as string])).toBeGreaterThanOrEqual(rank(def, HUBSPOT_TO_DEFAULT_STAGE[hub[i - 1] as string]));
    for (let i = 1; i < def.length; i++) expect(rank(hub, DEFAULT_TO_HUBSPOT_STAGE[def[i] as string])).toBeGreaterThanOrEqual(rank(hub, DEFAULT_TO_HUBSPOT_STAGE[def[i - 1] as string]));
  });

  it('createRetailStageModel puts its thresholds in the rules', () => {
    const m = createRetailStageModel({ acquisitionWindowDays: 14, loyaltyMinOrders: 8 });
    expect(m.stages[1]?.rules[0]?.condition.condition).toEqual({ all: [{ fact: 'frequency', op: 'gte', value: 1 }, { fact: 'daysSinceFirstOrder', op: 'lt', value: 14 }] });
    expect(JSON.stringify(m.stages[4]?.rules[0])).toContain('{"fact":"frequency","op":"gte","value":8}');
    expect(() => createRetailStageModel({ acquisitionWindowDays: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => createRetailStageModel({ maxRhythmRatio: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('the HubSpot model classifies a contact, a customer and an evangelist', () => {
    const asOf = new Date('2026-06-01T00:00:00Z');
    const customers: Customer[] = [
      { id: 'sub', createdAt: new Date('2026-01-01T00:00:00Z'), email: 'a@example.com' },
      { id: 'cus', createdAt: new Date('2026-01-01T00:00:00Z') },
      { id: 'eva', createdAt: new Date('2026-01-01T00:00:00Z') },
    ];
    const orders: Order[] = ['cus', 'eva'].map((c) => ({ id: `o-${c}`, customerId: c, placedAt: new Date('2026-02-01T00:00:00Z'), status: 'paid', currency: 'BRL', total: 50, items: [] }));
    const feedback: FeedbackResponse[] = [{ id: 'f', customerId: 'eva', respondedAt: new Date('2026-03-01T00:00:00Z'), kind: 'nps', score: 9, scale: { min: 0, max: 10 } }];
    const r = classifyLifecycle({ customers, orders, feedback }, { asOf, model: HUBSPOT_STAGE_MODEL });
    // sub: has an e-mail, nothing else → subscriber; cus: a paid order → customer; eva: plus a 9 → evangelist
    expect(r.map((c) => c.stage)).toEqual(['subscriber', 'customer', 'evangelist']);
    expect(r.map((c) => HUBSPOT_TO_DEFAULT_STAGE[c.stage])).toEqual(['reach', 'acquisition', 'loyalty']);
  });
});

describe('parseLifecycleStageModel', () => {
  const stage = (id: string, rules: unknown[] = []): unknown => ({ id, label: { en: id, 'pt-BR': id }, rules });
  const errorOf = (input: unknown): { code: string; paths: unknown[] } => {
    const r = safeParseLifecycleStageModel(input);
    if (r.success) throw new Error('expected a failure');
    return { code: r.error.code, paths: r.error.issues.map((i) => i.path) };
  };

  it('reports repeated stage and rule ids with their paths', () => {
    const rule = { id: 'r', condition: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } } };
    expect(errorOf({ version: 1, id: 'm', stages: [stage('a', [rule]), stage('a', [rule])] })).toEqual({ code: 'INVALID_RULE', paths: [['stages', 1, 'id'], ['stages', 1, 'rules', 0, 'id']] });
  });

  it('reports a bad condition with the path inside the model', () => {
    const bad = { id: 'r', condition: { version: 1, condition: { fact: 'frequency', op: 'gte', value: true } } };
    const e = errorOf({ version: 1, id: 'm', stages: [stage('a'), stage('b', [bad])] });
    expect(e.code).toBe('INVALID_RULE');
    expect(e.paths[0]).toEqual(['stages', 1, 'rules', 0, 'condition', 'condition', 'value']);
  });

  it('refuses an empty model, reserved ids, unknown keys and non-objects', () => {
    expect(errorOf({ version: 1, id: 'm', stages: [] }).paths).toEqual([['stages']]);
    expect(errorOf({ version: 1, id: '__proto__', stages: [stage('a')] }).paths).toEqual([['id']]);
    expect(errorOf({ version: 1, id: 'm', stages: [stage('a')], extra: 1 }).code).toBe('INVALID_RULE');
    expect(errorOf(null).code).toBe('INVALID_RULE');
    expect(() => parseLifecycleStageModel('x')).toThrow(expect.objectContaining({ code: 'INVALID_RULE' }));
  });

  it('a replay with an invalid model throws INVALID_RULE', () => {
    try {
      classifyLifecycle({ customers: [] }, { asOf: new Date('2026-01-01T00:00:00Z'), model: { version: 1, id: 'm', stages: [] } });
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.code).toBe('INVALID_RULE');
    }
  });
});
