import type { DemoContext } from './context.js';

/** Demo section of jornada/journey (lands with its issue). */
export function journeySection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
