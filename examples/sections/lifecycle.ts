import type { DemoContext } from './context.js';

/** Demo section of jornada/lifecycle (lands with its issue). */
export function lifecycleSection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
