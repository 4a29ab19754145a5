import type { DemoContext } from './context.js';

/** Demo section of jornada/calendar (lands with its issue). */
export function calendarSection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
