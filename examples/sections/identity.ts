import {
  dataQualityReport,
  evaluateDuplicatePairs,
  formatPhone,
  redactCpf,
  resolveIdentities,
  type GoldenRecord,
} from '../../src/identity/index.js';
import type { CustomerRecord } from '../../src/model/index.js';
import type { DemoContext } from './context.js';

const pct = (x: number, digits = 1): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(digits)}%`);
const int = (n: number): string => n.toLocaleString('en-US');

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const shown = (s: string | undefined): string => (s === undefined ? '' : JSON.stringify(s));

function nameOf(r: CustomerRecord): string {
  return r.fullName ?? [r.firstName, r.lastName].filter((x) => x !== undefined).join(' | ');
}

/** Demo section of jornada/identity: raw records before and after, duplicates merged, precision and recall, data quality. */
export function identitySection(ctx: DemoContext): string {
  const { customerRecords, recordOwner, injectedDuplicates } = ctx.base;
  const started = performance.now();
  const resolution = resolveIdentities(customerRecords, { sourcePriority: ['crm_import', 'ecommerce', 'app', 'store'] });
  const ms = performance.now() - started;
  const out: string[] = [];
  const s = resolution.match.stats;

  out.push(
    `  ${int(customerRecords.length)} raw records from ${new Set(customerRecords.map((r) => r.source)).size} sources → ` +
      `${int(resolution.customers.length)} golden customers (${int(s.duplicateRecords)} duplicate records merged) in ${int(Math.round(ms))} ms`,
  );
  out.push('');
  out.push(
    ...table(
      ['how records were linked', 'links'],
      [
        ['same valid CPF', int(s.links.cpf)],
        ['same e-mail (Gmail dots and +tags folded)', int(s.links.email)],
        ['same phone in E.164', int(s.links.phone)],
        ['similar name (Jaro–Winkler) + agreeing fields', int(s.links.fuzzy)],
        ['pairs compared by name within blocks', int(s.pairsCompared)],
        ['pairs left for review / links refused by a guard', `${int(resolution.match.review.length)} / ${int(resolution.match.refused.length)}`],
      ],
      [false, true],
    ),
  );

  // Precision and recall against the generator's ground truth.
  const m = evaluateDuplicatePairs(resolution.assignments, recordOwner);
  out.push('');
  out.push(`  Against the ground truth: ${int(m.truePairs)} true duplicate pairs; precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} (targets ≥ 0.98, ≥ 0.95)`);
  const byChange = new Map<string, { hit: number; total: number }>();
  for (const d of injectedDuplicates) {
    const same = resolution.assignments[d.recordId] === resolution.assignments[d.originalRecordId];
    for (const c of d.changes) {
      const e = byChange.get(c) ?? { hit: 0, total: 0 };
      e.total++;
      if (same) e.hit++;
      byChange.set(c, e);
    }
  }
  out.push(
    ...table(
      ['injected change', 'duplicates', 'found'],
      [...byChange.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, e]) => [c, int(e.total), pct(e.hit / e.total)]),
      [false, true, true],
    ),
  );

  // One merged customer, before and after: the largest cluster (first by id among the largest).
  const byId = new Map(customerRecords.map((r) => [r.recordId, r]));
  let example: GoldenRecord | undefined;
  for (const g of resolution.customers) {
    const fuzzy = resolution.match.links.some((l) => l.reason === 'fuzzy' && g.recordIds.includes(l.a));
    if (example === undefined || g.recordIds.length > example.recordIds.length || (g.recordIds.length === example.recordIds.length && fuzzy && !example.recordIds.some((id) => resolution.match.links.some((l) => l.reason === 'fuzzy' && l.a === id)))) {
      example = g;
    }
  }
  if (example !== undefined) {
    out.push('');
    out.push(`  Before: the ${example.recordIds.length} source records of one person`);
    out.push(
      ...table(
        ['record', 'source', 'updated', 'name (first | last)', 'e-mail', 'phone', 'CPF', 'birthday'],
        example.recordIds.map((id) => {
          const r = byId.get(id) as CustomerRecord;
          return [id, r.source, r.updatedAt.toISOString().slice(0, 10), shown(nameOf(r)), shown(r.email), shown(r.phone), r.cpf === undefined ? '' : '(given)', shown(r.birthday)];
        }),
        [false, false, false, false, false, false, false, false],
      ),
    );
    const c = example.customer;
    const from = (field: string): string => {
      const l = example?.lineage.find((x) => x.field === field);
      return l === undefined ? '' : `${l.recordId} (${l.rule.replace('_', ' ')})`;
    };
    const cpf = c.documents?.find((d) => d.type === 'cpf')?.value;
    out.push('');
    out.push(`  After: golden customer ${c.id}`);
    out.push(
      ...table(
        ['field', 'value', 'from'],
        [
          ['name', c.name ?? '', from('name')],
          ['e-mail', c.email ?? '', from('email')],
          ['phone', c.phone === undefined ? '' : formatPhone(c.phone), from('phone')],
          ['CPF (redacted)', cpf === undefined ? '' : redactCpf(cpf), from('documents.0')],
          ['birthday', c.birthday === undefined ? '' : `${c.birthday.year ?? '----'}-${String(c.birthday.month).padStart(2, '0')}-${String(c.birthday.day).padStart(2, '0')}`, from('birthday')],
          ['address', c.addresses?.[0] === undefined ? '' : `${c.addresses[0].postalCode ?? ''} ${c.addresses[0].city ?? ''}/${c.addresses[0].state ?? ''}`, from('addresses.0')],
          ['other contacts', (c.contactPoints ?? []).map((p) => p.value).join(', '), 'union'],
          ['consent events', int(c.consents?.length ?? 0), 'union of all records'],
        ],
        [false, false, false],
      ),
    );
  }

  // Data quality.
  const q = dataQualityReport(customerRecords, { asOf: ctx.asOf, resolution });
  out.push('');
  out.push(`  Data quality of the raw records (as of ${ctx.asOf.toISOString().slice(0, 10)})`);
  out.push(
    ...table(
      ['field', 'filled', 'completeness', 'validity'],
      q.fields.map((f) => [f.field, int(f.present), pct(f.completeness), pct(f.validity)]),
      [false, true, true, true],
    ),
  );
  const counts = Object.entries(q.findingCounts).sort(([, a], [, b]) => b - a);
  out.push('');
  out.push(`  Findings: ${int(q.findings.length)} (${counts.map(([k, v]) => `${k} ${int(v)}`).join('; ') || 'none'})`);
  const f = q.freshness;
  out.push(
    `  Freshness: median age ${f.medianAgeDays.toFixed(0)} days; ${pct(f.staleShare)} not updated for over a year; ${int(f.futureDated)} dated in the future`,
  );
  if (q.duplicates !== undefined) {
    out.push(`  Duplicates: ${int(q.duplicates.duplicateRecords)} records (${pct(q.duplicates.duplicateShare)}) in ${int(q.duplicates.clustersWithDuplicates)} customers; largest customer has ${q.duplicates.largestCluster} records`);
  }
  return out.join('\n');
}
