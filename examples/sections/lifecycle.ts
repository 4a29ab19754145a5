import {
  DEFAULT_STAGE_MODEL,
  LIFECYCLE_STATUSES,
  replayLifecycle,
  stageDistribution,
  stageFunnel,
  timeInStage,
} from '../../src/lifecycle/index.js';
import type { DemoContext } from './context.js';

const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
const int = (n: number): string => n.toLocaleString('en-US');
const days = (x: number | null): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(0));

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Demo section of jornada/lifecycle: the stage distribution with status, the funnel of the last year and time in stage. */
export function lifecycleSection(ctx: DemoContext): string {
  const asOf = ctx.asOf;
  const replay = replayLifecycle(ctx.base, { asOf, timeZone: 'America/Sao_Paulo' });
  const labels = new Map(DEFAULT_STAGE_MODEL.stages.map((s) => [s.id, s.label]));
  const out: string[] = [];

  const dist = stageDistribution(replay);
  out.push(`  Lifecycle stages of the ${int(dist.total)} known customers as of ${asOf.toISOString().slice(0, 10)} (default model, forward-only), by status:`);
  out.push(
    ...table(
      ['stage', 'estágio', 'customers', 'share', ...LIFECYCLE_STATUSES],
      dist.rows.map((r) => [r.stage, labels.get(r.stage)?.['pt-BR'] ?? '', int(r.count), pct(r.share), ...LIFECYCLE_STATUSES.map((s) => int(r.byStatus[s]))]),
      [false, false, true, true, true, true, true, true, true],
    ),
  );
  out.push('  (status against each customer’s own rhythm: at risk from 1.5×, lapsed from 2.5×, churned from 4× the usual interval)');

  const from = new Date(asOf.getTime() - 365 * 86_400_000);
  const funnel = stageFunnel(replay, { from, to: asOf });
  out.push('');
  out.push(`  Funnel of the ${int(funnel.cohort)} customers who became known in the last 365 days (a skipped stage counts as passed):`);
  out.push(
    ...table(
      ['stage', 'reached', 'of cohort', 'from previous', 'entered in period', 'moved on'],
      funnel.steps.map((s) => [s.stage, int(s.reached), pct(s.shareOfCohort), pct(s.stepConversion), int(s.enteredInPeriod), pct(s.periodConversion)]),
      [false, true, true, true, true, true],
    ),
  );

  out.push('');
  out.push('  Days in stage (completed stays; Kaplan–Meier median counts the customers still there):');
  out.push(
    ...table(
      ['stage', 'completed', 'ongoing', 'q1', 'median', 'q3', 'KM median'],
      timeInStage(replay).map((d) => [d.stage, int(d.completed), int(d.ongoing), days(d.lowerQuartileDays), days(d.medianDays), days(d.upperQuartileDays), days(d.kaplanMeierMedianDays)]),
      [false, true, true, true, true, true, true],
    ),
  );
  return out.join('\n');
}
