import type { DemoContext } from './context.js';

/** Demo section of the probabilistic CLV models (lands with its issue). */
export function clvSection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
