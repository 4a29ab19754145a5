import type { DemoContext } from './context.js';

/** Demo section of jornada/identity (lands with its issue). */
export function identitySection(_ctx: DemoContext): string {
  return '  (not yet built)';
}
