import type { DemoContext } from './context.js';

/** Demo section of jornada/segments (lands with its issue). */
export function segmentsSection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
