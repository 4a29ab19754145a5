import type { DemoContext } from './context.js';

/** Demo section of jornada/cadence (lands with its issue). */
export function cadenceSection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
