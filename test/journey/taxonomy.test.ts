import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_KINDS } from '../../src/model/index.js';
import { DEFAULT_TOUCHPOINT_STAGES, JOURNEY_STAGE_IDS, TOUCHPOINT_TAXONOMY, touchpointStageMapping } from '../../src/journey/index.js';

describe('touchpoint taxonomy', () => {
  it('defines every touchpoint kind of the model once, with its primary stage among its stages', () => {
    expect(TOUCHPOINT_TAXONOMY.map((t) => t.kind).sort()).toEqual([...TOUCHPOINT_KINDS].sort());
    for (const t of TOUCHPOINT_TAXONOMY) {
      expect(t.stages).toContain(t.primaryStage);
      // Stages are listed in lifecycle order.
      const ranks = t.stages.map((s) => JOURNEY_STAGE_IDS.indexOf(s));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(DEFAULT_TOUCHPOINT_STAGES[t.kind]).toBe(t.primaryStage);
    }
    expect(JOURNEY_STAGE_IDS).toEqual(['reach', 'acquisition', 'nurture', 'retention', 'loyalty']);
  });

  it('applies overrides and refuses unknown kinds or stages', () => {
    const m = touchpointStageMapping({ pr_events: 'loyalty' });
    expect(m.pr_events).toBe('loyalty');
    expect(m.delivery).toBe('nurture');
    expect(DEFAULT_TOUCHPOINT_STAGES.pr_events).toBe('reach');
    expect(() => touchpointStageMapping({ billboard: 'reach' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => touchpointStageMapping({ delivery: 'advocacy' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(Object.isFrozen(DEFAULT_TOUCHPOINT_STAGES)).toBe(true);
  });
});
