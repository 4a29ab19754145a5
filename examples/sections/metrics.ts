import type { DemoContext } from './context.js';

/** Demo section of jornada/metrics (lands with its issue). */
export function metricsSection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
