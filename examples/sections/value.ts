import type { DemoContext } from './context.js';

/** Demo section of jornada/value (lands with its issue). */
export function valueSection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
