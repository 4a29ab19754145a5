import { canContact, CHANNELS, type Channel } from '../../src/model/index.js';
import type { DemoContext } from './context.js';

const pct = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
const int = (n: number): string => n.toLocaleString('en-US');

/** Counts per entity, channel mix, consent coverage and orders per month of the sample base. */
export function overviewSection({ base, asOf }: DemoContext): string {
  const out: string[] = [];
  const rows: Array<[string, number]> = [
    ['customers (true, one record each)', base.customers.length],
    ['raw source records (with duplicates)', base.customerRecords.length],
    ['injected duplicate records', base.injectedDuplicates.length],
    ['B2B accounts', base.accounts.length],
    ['orders', base.orders.length],
    ['subscriptions', base.subscriptions.length],
    ['interactions (touchpoint events)', base.interactions.length],
    ['feedback responses (NPS/CSAT/CES)', base.feedback.length],
  ];
  out.push('  Entities');
  for (const [label, n] of rows) out.push(`    ${label.padEnd(40)} ${int(n).padStart(10)}`);

  const byCountry = new Map<string, number>();
  for (const c of base.customers) {
    const country = c.addresses?.[0]?.country ?? c.phoneCountry ?? '??';
    byCountry.set(country, (byCountry.get(country) ?? 0) + 1);
  }
  out.push('', '  Customers by country');
  for (const [country, n] of [...byCountry].sort((a, b) => b[1] - a[1])) {
    out.push(`    ${country.padEnd(6)} ${int(n).padStart(8)}  ${pct(n, base.customers.length).padStart(6)}`);
  }

  const channelCount = new Map<Channel, number>();
  for (const i of base.interactions) if (i.channel !== undefined) channelCount.set(i.channel, (channelCount.get(i.channel) ?? 0) + 1);
  out.push('', '  Interactions by channel');
  for (const [ch, n] of [...channelCount].sort((a, b) => b[1] - a[1])) {
    out.push(`    ${ch.padEnd(12)} ${int(n).padStart(8)}  ${pct(n, base.interactions.length).padStart(6)}`);
  }

  out.push('', `  Marketing consent on ${asOf.toISOString().slice(0, 10)} (canContact: latest record wins, revocation beats grant)`);
  for (const channel of CHANNELS.filter((c) => ['email', 'whatsapp', 'sms', 'push'].includes(c))) {
    let allowed = 0;
    let revoked = 0;
    for (const c of base.customers) {
      const answer = canContact(c.consents ?? [], { channel, purpose: 'marketing', at: asOf });
      if (answer.allowed) allowed++;
      else if (answer.reason === 'revoked') revoked++;
    }
    out.push(`    ${channel.padEnd(10)} may contact ${pct(allowed, base.customers.length).padStart(6)}   revoked ${pct(revoked, base.customers.length).padStart(6)}`);
  }

  const perMonth = new Map<string, { orders: number; revenue: number }>();
  for (const o of base.orders) {
    if (o.status === 'cancelled' || o.status === 'refunded') continue;
    const key = o.placedAt.toISOString().slice(0, 7);
    const m = perMonth.get(key) ?? { orders: 0, revenue: 0 };
    m.orders++;
    if (o.currency === 'BRL') m.revenue += o.total;
    perMonth.set(key, m);
  }
  const months = [...perMonth].sort((a, b) => a[0].localeCompare(b[0])).slice(-12);
  const peak = Math.max(...months.map(([, m]) => m.orders));
  out.push('', '  Orders per month, last 12 months (UTC months; revenue in BRL orders only)');
  for (const [month, m] of months) {
    const bar = '█'.repeat(Math.round((30 * m.orders) / peak));
    out.push(`    ${month}  ${int(m.orders).padStart(6)}  R$ ${int(Math.round(m.revenue)).padStart(10)}  ${bar}`);
  }
  return out.join('\n');
}
