import {
  explainCadenceCustomer,
  planContacts,
  type CadencePolicy,
  type CadenceRule,
  type PlanContactsInput,
} from '../../src/cadence/index.js';
import type { Interaction } from '../../src/model/index.js';
import { localParts } from '../../src/core/zone-time.js';
import type { DemoContext } from './context.js';

const DAY = 86_400_000;
const HORIZON_DAYS = 7;
const STORE_ZONE = 'America/Sao_Paulo';

const int = (n: number): string => n.toLocaleString('en-US');

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const marketing = (channel: 'email' | 'whatsapp' | 'sms' | 'push', content: string, fallbackChannels: Array<'email' | 'whatsapp' | 'sms' | 'push'> = []) =>
  ({ kind: 'contact' as const, channel, content, purpose: 'marketing' as const, ...(fallbackChannels.length > 0 ? { fallbackChannels } : {}) });

/** The pet retailer's réguas. */
export const PET_REGUAS: CadenceRule[] = [
  {
    version: 1, id: 'welcome-series', name: 'Welcome series', objective: 'onboarding', priority: 60,
    trigger: { kind: 'event', event: 'Account Created' },
    steps: [
      marketing('email', 'welcome-1-boas-vindas'),
      { kind: 'wait', duration: { amount: 2, unit: 'days' } },
      marketing('push', 'welcome-2-app', ['email']),
      { kind: 'wait_until', localTime: '10:00', weekdays: ['saturday'] },
      marketing('email', 'welcome-3-primeira-compra'),
    ],
    exitGoals: [{ kind: 'purchased' }],
    reEligibility: { kind: 'never' },
  },
  {
    version: 1, id: 'food-replenishment', name: 'Food replenishment reminder', objective: 'replenishment', priority: 70,
    audience: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 3 } },
    trigger: { kind: 'customer_date', date: 'before_replenishment', days: 3, atLocalTime: '09:30' },
    steps: [marketing('whatsapp', 'racao-acabando', ['email'])],
    exitGoals: [{ kind: 'purchased' }],
    reEligibility: { kind: 'after', duration: { amount: 14, unit: 'days' } },
  },
  {
    version: 1, id: 'birthday-delight', name: 'Birthday delight', objective: 'delight', priority: 50,
    trigger: { kind: 'customer_date', date: 'birthday', atLocalTime: '10:00' },
    steps: [marketing('email', 'aniversario-cupom', ['whatsapp'])],
    reEligibility: { kind: 'after', duration: { amount: 300, unit: 'days' } },
    holdoutShare: 0.1,
  },
  {
    version: 1, id: 'dia-das-maes', name: 'Dia das Mães offer', objective: 'commercial_date', priority: 30,
    audience: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } },
    trigger: { kind: 'calendar', occasion: 'br.mothers_day', offsetDays: -7, atLocalTime: '11:00' },
    steps: [marketing('email', 'dia-das-maes-oferta')],
    reEligibility: { kind: 'after', duration: { amount: 300, unit: 'days' } },
    holdoutShare: 0.1,
  },
  {
    version: 1, id: 'win-back-90', name: 'Win-back after 90 days without purchase', objective: 'reactivation', priority: 40,
    audience: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } },
    trigger: { kind: 'inactivity', days: 90, atLocalTime: '10:00' },
    steps: [marketing('email', 'saudades-1'), { kind: 'wait', duration: { amount: 4, unit: 'days' } }, marketing('whatsapp', 'saudades-2-cupom', ['sms'])],
    exitGoals: [{ kind: 'purchased' }],
    reEligibility: { kind: 'after', duration: { amount: 180, unit: 'days' } },
    holdoutShare: 0.1,
  },
  {
    version: 1, id: 'detractor-recovery', name: 'Detractor recovery', objective: 'detractor_recovery', priority: 90,
    trigger: { kind: 'feedback_follow_up', reasons: ['detractor'] },
    steps: [{ kind: 'contact', channel: 'phone', fallbackChannels: ['email'], content: 'ligacao-sac', purpose: 'service' }],
    reEligibility: { kind: 'always' },
  },
];

/** The retailer's contact policy. */
export const PET_POLICY: CadencePolicy = {
  version: 1,
  fallbackTimeZone: STORE_ZONE,
  caps: [
    { id: 'marketing-week', limit: 3, window: { kind: 'calendar', unit: 'week' } },
    { id: 'one-a-day', limit: 1, window: { kind: 'rolling', amount: 24, unit: 'hours' } },
    { id: 'whatsapp-week', limit: 1, channel: 'whatsapp', window: { kind: 'calendar', unit: 'week' } },
  ],
  quietHours: [{ from: '21:00', to: '08:00' }, { channels: ['whatsapp', 'sms', 'phone'], from: '20:00', to: '09:00' }],
  allowedWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  blocked: { kind: 'defer', maxHours: 72 },
  consentRequired: { marketing: true },
  maxConcurrentJourneys: 3,
};

/** Demo section of jornada/cadence: the pet retailer's réguas planned for the next 7 days. */
export function cadenceSection(ctx: DemoContext): string {
  const { customers, orders, interactions, feedback, subscriptions } = ctx.base;
  const since = new Date(ctx.asOf.getTime() - 7 * DAY);
  // Sign-ups of the last week as "Account Created" events (the sample base records creation dates, not events).
  const events: Interaction[] = customers
    .filter((c) => c.createdAt.getTime() >= since.getTime() && c.createdAt.getTime() <= ctx.asOf.getTime())
    .map((c) => ({ id: `signup-${c.id}`, customerId: c.id, event: 'Account Created', direction: 'inbound', timestamp: c.createdAt }));
  const input: PlanContactsInput = {
    rules: PET_REGUAS, policy: PET_POLICY, customers, orders, interactions, feedback, subscriptions, events,
    now: ctx.asOf, horizon: { amount: HORIZON_DAYS, unit: 'days' }, since,
  };
  const plan = planContacts(input);
  const out: string[] = [];
  out.push(`  ${PET_REGUAS.length} réguas, planned for ${HORIZON_DAYS} days from ${ctx.asOf.toISOString()} (a first run: triggers of the last 7 days, since ${since.toISOString().slice(0, 10)}; ${int(events.length)} sign-ups as events)`);
  out.push(...table(['rule', 'objective', 'priority', 'trigger', 'contacts'], PET_REGUAS.map((r) => [r.id, r.objective, String(r.priority), r.trigger.kind, int(plan.contacts.filter((c) => c.ruleId === r.id).length)]), [false, false, true, false, true]));

  // Contacts per local day and channel.
  const channels = [...new Set(plan.contacts.map((c) => c.channel))].sort();
  const byDay = new Map<string, Map<string, number>>();
  for (const c of plan.contacts) {
    const p = localParts(c.at.getTime(), STORE_ZONE);
    const day = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][p.weekday]}`;
    const m = byDay.get(day) ?? new Map<string, number>();
    m.set(c.channel, (m.get(c.channel) ?? 0) + 1);
    byDay.set(day, m);
  }
  out.push('', `  Contacts per day (local day in ${STORE_ZONE}) and channel — ${int(plan.contacts.length)} in all`);
  const days = [...byDay.keys()].sort();
  out.push(...table(['day', ...channels, 'total'], days.map((d) => {
    const m = byDay.get(d) as Map<string, number>;
    return [d, ...channels.map((ch) => int(m.get(ch) ?? 0)), int([...m.values()].reduce((a, b) => a + b, 0))];
  }), [false, ...channels.map(() => true), true]));

  // Suppressions.
  const reasons = new Map<string, number>();
  for (const s of plan.suppressed) {
    const k = s.reason === 'cap' ? `cap ${s.capId ?? ''}` : s.reason;
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
  out.push('', `  Suppressed decisions — ${int(plan.suppressed.length)}; skipped customers (broken data): ${int(plan.skipped.length)}`);
  out.push(...table(['reason', 'decisions'], [...reasons].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, int(n)]), [false, true]));
  const perCustomer = new Map<string, number>();
  for (const c of plan.contacts) perCustomer.set(c.customerId, (perCustomer.get(c.customerId) ?? 0) + 1);
  const max = Math.max(0, ...perCustomer.values());
  out.push(`  Pressure: ${int(perCustomer.size)} customers contacted, at most ${max} contacts each in ${HORIZON_DAYS} days (caps: 3 a week, 1 a day).`);
  out.push(`  Dia das Mães (10 May 2026, next 9 May 2027) has no trigger in these ${HORIZON_DAYS} days: the rule waits for ${'2027-05-02'}.`);

  // One customer's explanation: someone with a planned contact and a suppressed one.
  const suppressedIds = new Set(plan.suppressed.filter((s) => s.reason !== 'not_in_audience').map((s) => s.customerId));
  const chosen = plan.contacts.find((c) => suppressedIds.has(c.customerId))?.customerId ?? plan.contacts[0]?.customerId;
  if (chosen !== undefined) {
    const e = explainCadenceCustomer(input, chosen);
    out.push('', `  Why? Customer ${chosen} (${e.timeZone ?? STORE_ZONE})`);
    for (const r of e.rules) {
      out.push(`    ${r.fired ? '✔' : '·'} ${r.ruleName}`);
      for (const n of r.notes.slice(0, 4)) out.push(`        ${n}`);
      if (r.audience !== undefined && !r.audience.passed) out.push('        audience: the condition does not hold');
    }
  }
  return out.join('\n');
}
