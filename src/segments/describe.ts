/**
 * Readable text of a condition, in English or Brazilian Portuguese, for segment lists, audit logs and
 * the explanations owed to data subjects.
 *
 * @module
 */
import { parseConditionDocument, type ConditionNode, type ConditionScalar, type ConditionTimeUnit, type FactPath } from './condition.js';
import { PROFILE_FACT_LABELS, type FactLabel } from './profile.js';

/**
 * Languages of {@link describeCondition}: `en` (English) and `pt-BR` (Brazilian Portuguese).
 *
 * @category Segments
 */
export type ConditionLocale = 'en' | 'pt-BR';

/**
 * Options of {@link describeCondition}.
 *
 * @category Segments
 */
export interface DescribeConditionOptions {
  /** Labels of your own facts (by dotted path), added to and overriding the built-in profile labels. */
  factLabels?: Record<string, FactLabel>;
}

interface Words {
  and: string;
  or: string;
  not: (x: string) => string;
  always: string;
  never: string;
  op: Record<'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'startsWith' | 'endsWith', string>;
  between: (a: string, b: string) => string;
  inList: (xs: string) => string;
  notInList: (xs: string) => string;
  list: (xs: string[]) => string;
  exists: string;
  withinLast: (window: string) => string;
  moreThanAgo: (span: string) => string;
  anniversary: (label: string, withinDays: number, isBirthday: boolean) => string;
  zone: (zone: string) => string;
  lastWindow: (amount: number, unit: ConditionTimeUnit) => string;
  span: (amount: number, unit: ConditionTimeUnit) => string;
  quantity: (op: string, value: number | [number, number]) => string;
  stream: (key: string, label: string, quantity: string, singular: boolean) => string;
  where: (x: string) => string;
  bool: (b: boolean) => string;
  nul: string;
  trait: (name: string) => string;
}

const EN_UNITS: Record<ConditionTimeUnit, [string, string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

// [singular, plural, feminine?]
const PT_UNITS: Record<ConditionTimeUnit, [string, string, boolean]> = {
  hours: ['hora', 'horas', true],
  days: ['dia', 'dias', false],
  weeks: ['semana', 'semanas', true],
  months: ['mês', 'meses', false],
  years: ['ano', 'anos', false],
};

function joinList(xs: string[], last: string): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} ${last} ${xs[xs.length - 1] as string}`;
}

const en: Words = {
  and: 'and',
  or: 'or',
  not: (x) => `not (${x})`,
  always: 'always',
  never: 'never',
  op: {
    eq: 'is',
    ne: 'is not',
    gt: 'is greater than',
    gte: 'is at least',
    lt: 'is less than',
    lte: 'is at most',
    contains: 'contains',
    startsWith: 'starts with',
    endsWith: 'ends with',
  },
  between: (a, b) => `is between ${a} and ${b}`,
  inList: (xs) => `is one of ${xs}`,
  notInList: (xs) => `is none of ${xs}`,
  list: (xs) => (xs.length === 0 ? '(nothing)' : joinList(xs, 'or')),
  exists: 'is known',
  withinLast: (w) => `is within ${w}`,
  moreThanAgo: (span) => `is more than ${span} ago`,
  anniversary: (label, within, birthday) => {
    const what = birthday ? "the customer's birthday" : `the anniversary of ${label}`;
    if (within === 0) return `today is ${what}`;
    return `${what} falls within the next ${within} ${within === 1 ? 'day' : 'days'}`;
  },
  zone: (z) => ` (calendar days in ${z})`,
  lastWindow: (amount, unit) => {
    const [one, many] = EN_UNITS[unit];
    return amount === 1 ? `the last ${one}` : `the last ${fmt(amount, 'en')} ${many}`;
  },
  span: (amount, unit) => {
    const [one, many] = EN_UNITS[unit];
    return `${fmt(amount, 'en')} ${amount === 1 ? one : many}`;
  },
  quantity: (op, v) => {
    if (Array.isArray(v)) return `between ${fmt(v[0], 'en')} and ${fmt(v[1], 'en')}`;
    const n = fmt(v, 'en');
    switch (op) {
      case 'gte':
        return `${n} or more`;
      case 'gt':
        return `more than ${n}`;
      case 'lt':
        return `fewer than ${n}`;
      case 'lte':
        return `at most ${n}`;
      case 'ne':
        return `a number other than ${n} of`;
      default:
        return `exactly ${n}`;
    }
  },
  stream: (key, label, q, singular) => {
    if (key === 'orders') return `placed ${q} ${singular ? 'order' : 'orders'}`;
    if (key === 'interactions') return `had ${q} ${singular ? 'interaction' : 'interactions'}`;
    if (key === 'feedback') return `answered ${q} ${singular ? 'survey' : 'surveys'}`;
    return `has ${q} ${singular ? 'entry' : 'entries'} in ${label}`;
  },
  where: (x) => ` (where ${x})`,
  bool: (b) => (b ? 'true' : 'false'),
  nul: 'empty',
  trait: (name) => `trait “${name}”`,
};

const pt: Words = {
  and: 'e',
  or: 'ou',
  not: (x) => `não (${x})`,
  always: 'sempre',
  never: 'nunca',
  op: {
    eq: 'é',
    ne: 'não é',
    gt: 'é maior que',
    gte: 'é pelo menos',
    lt: 'é menor que',
    lte: 'é no máximo',
    contains: 'contém',
    startsWith: 'começa com',
    endsWith: 'termina com',
  },
  between: (a, b) => `está entre ${a} e ${b}`,
  inList: (xs) => `é um de ${xs}`,
  notInList: (xs) => `não é nenhum de ${xs}`,
  list: (xs) => (xs.length === 0 ? '(nada)' : joinList(xs, 'ou')),
  exists: 'está preenchido',
  withinLast: (w) => `está ${w}`,
  moreThanAgo: (span) => `foi há mais de ${span}`,
  anniversary: (label, within, birthday) => {
    const what = birthday ? 'aniversário do cliente' : `aniversário de ${label}`;
    if (within === 0) return `hoje é ${what}`;
    return `o ${what} cai nos próximos ${within} ${within === 1 ? 'dia' : 'dias'}`;
  },
  zone: (z) => ` (dias do calendário de ${z})`,
  lastWindow: (amount, unit) => {
    const [one, many, fem] = PT_UNITS[unit];
    if (amount === 1) return fem ? `na última ${one}` : `no último ${one}`;
    return fem ? `nas últimas ${fmt(amount, 'pt-BR')} ${many}` : `nos últimos ${fmt(amount, 'pt-BR')} ${many}`;
  },
  span: (amount, unit) => {
    const [one, many] = PT_UNITS[unit];
    return `${fmt(amount, 'pt-BR')} ${amount === 1 ? one : many}`;
  },
  quantity: (op, v) => {
    if (Array.isArray(v)) return `entre ${fmt(v[0], 'pt-BR')} e ${fmt(v[1], 'pt-BR')}`;
    const n = fmt(v, 'pt-BR');
    switch (op) {
      case 'gte':
        return `${n} ou mais`;
      case 'gt':
        return `mais de ${n}`;
      case 'lt':
        return `menos de ${n}`;
      case 'lte':
        return `no máximo ${n}`;
      case 'ne':
        return `um número diferente de ${n} de`;
      default:
        return `exatamente ${n}`;
    }
  },
  stream: (key, label, q, singular) => {
    if (key === 'orders') return `comprou ${q} ${singular ? 'vez' : 'vezes'}`;
    if (key === 'interactions') return `teve ${q} ${singular ? 'interação' : 'interações'}`;
    if (key === 'feedback') return `respondeu ${q} ${singular ? 'pesquisa' : 'pesquisas'}`;
    return `tem ${q} ${singular ? 'registro' : 'registros'} em ${label}`;
  },
  where: (x) => ` (em que ${x})`,
  bool: (b) => (b ? 'verdadeiro' : 'falso'),
  nul: 'vazio',
  trait: (name) => `atributo “${name}”`,
};

const formatters: Record<ConditionLocale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
  'pt-BR': new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 6 }),
};

function fmt(n: number, locale: ConditionLocale): string {
  return formatters[locale].format(n);
}

function pathKey(path: FactPath): string {
  return typeof path === 'string' ? path : path.join('.');
}

interface Ctx {
  locale: ConditionLocale;
  w: Words;
  labels: Record<string, FactLabel>;
}

function label(path: FactPath, ctx: Ctx): string {
  const key = pathKey(path);
  const known = Object.prototype.hasOwnProperty.call(ctx.labels, key) ? ctx.labels[key] : undefined;
  if (known !== undefined) return known[ctx.locale];
  if (key.startsWith('traits.') && key.length > 7) return ctx.w.trait(key.slice(7));
  return key;
}

function literal(x: ConditionScalar, ctx: Ctx): string {
  if (typeof x === 'string') return `“${x}”`;
  if (typeof x === 'number') return fmt(x, ctx.locale);
  if (typeof x === 'boolean') return ctx.w.bool(x);
  return ctx.w.nul;
}

function isGroup(node: ConditionNode): boolean {
  return ('all' in node && node.all.length > 1) || ('any' in node && node.any.length > 1);
}

function describeNode(node: ConditionNode, ctx: Ctx): string {
  const { w } = ctx;
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    if (children.length === 0) return 'all' in node ? w.always : w.never;
    const parts = children.map((c) => (isGroup(c) ? `(${describeNode(c, ctx)})` : describeNode(c, ctx)));
    return parts.join(` ${'all' in node ? w.and : w.or} `);
  }
  if ('not' in node) return w.not(describeNode(node.not, ctx));
  if ('count' in node) {
    const key = pathKey(node.count);
    const singular = !Array.isArray(node.value) && node.op === 'eq' && node.value === 1;
    let text = w.stream(key, label(node.count, ctx), w.quantity(node.op, node.value), singular);
    if (node.where !== undefined) text += w.where(describeNode(node.where, ctx));
    if (node.within !== undefined) {
      text += ` ${ctx.locale === 'en' ? 'in ' : ''}${w.lastWindow(node.within.amount, node.within.unit)}`;
      if (node.timeZone !== undefined && (node.within.unit === 'months' || node.within.unit === 'years')) text += w.zone(node.timeZone);
    }
    return text;
  }
  const subject = label(node.fact, ctx);
  switch (node.op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'contains':
      return `${subject} ${w.op[node.op]} ${literal(node.value, ctx)}`;
    case 'startsWith':
    case 'endsWith':
      return `${subject} ${w.op[node.op]} ${literal(node.value, ctx)}`;
    case 'between':
      return `${subject} ${w.between(literal(node.value[0], ctx), literal(node.value[1], ctx))}`;
    case 'in':
      return `${subject} ${w.inList(w.list(node.value.map((x) => literal(x, ctx))))}`;
    case 'notIn':
      return `${subject} ${w.notInList(w.list(node.value.map((x) => literal(x, ctx))))}`;
    case 'exists':
      return `${subject} ${w.exists}`;
    case 'withinLast': {
      const zone = node.timeZone !== undefined && (node.unit === 'months' || node.unit === 'years') ? w.zone(node.timeZone) : '';
      return `${subject} ${w.withinLast(w.lastWindow(node.amount, node.unit))}${zone}`;
    }
    case 'moreThanAgo': {
      const zone = node.timeZone !== undefined && (node.unit === 'months' || node.unit === 'years') ? w.zone(node.timeZone) : '';
      return `${subject} ${w.moreThanAgo(w.span(node.amount, node.unit))}${zone}`;
    }
    case 'anniversary': {
      const text = w.anniversary(subject, node.withinDays ?? 0, pathKey(node.fact) === 'birthday');
      return node.timeZone === undefined ? text : text + w.zone(node.timeZone);
    }
  }
}

/**
 * Readable text of a condition document in English (`en`) or Brazilian Portuguese (`pt-BR`).
 *
 * Facts of the {@link CustomerProfile} have built-in labels in both languages; your own facts show
 * their path unless you pass labels. Any locale starting with `pt` gives Portuguese; any other gives
 * English. Groups nested in groups are put in parentheses, so the text keeps the document's logic.
 *
 * @param document - A condition document (validated here).
 * @param locale - `en` or `pt-BR`.
 * @param options - Labels of your own facts.
 * @returns One sentence (no final full stop).
 * @throws {JornadaError} `INVALID_RULE` when the document is invalid (a valid document never throws).
 *
 * @example
 * ```ts
 * const doc = { version: 1, condition: { count: 'orders', within: { amount: 90, unit: 'days' }, op: 'gte', value: 2 } };
 * describeCondition(doc, 'pt-BR'); //=> 'comprou 2 ou mais vezes nos últimos 90 dias'
 * describeCondition(doc, 'en'); //=> 'placed 2 or more orders in the last 90 days'
 * ```
 * @category Segments
 */
export function describeCondition(document: unknown, locale: ConditionLocale | (string & {}), options: DescribeConditionOptions = {}): string {
  const doc = parseConditionDocument(document);
  const loc: ConditionLocale = typeof locale === 'string' && locale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
  const labels: Record<string, FactLabel> = { ...PROFILE_FACT_LABELS };
  for (const [k, v] of Object.entries(options.factLabels ?? {})) {
    if (k === '__proto__') continue;
    labels[k] = v;
  }
  return describeNode(doc.condition, { locale: loc, w: loc === 'en' ? en : pt, labels });
}
