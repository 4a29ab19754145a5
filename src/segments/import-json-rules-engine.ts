/**
 * Import of json-rules-engine condition documents into jornada's condition language.
 *
 * @module
 */
import { JornadaError, isJornadaError } from '../core/errors.js';
import { CONDITION_LIMITS, parseConditionDocument, type ConditionDocument, type ConditionNode, type ConditionScalar } from './condition.js';

type Path = (string | number)[];

function unsupported(path: Path, message: string): JornadaError {
  return new JornadaError('UNSUPPORTED', `Cannot import the json-rules-engine condition at ${path.length === 0 ? '(root)' : path.join('.')}: ${message}`, {
    issues: [{ path, message, code: 'unsupported' }],
  });
}

function malformed(path: Path, message: string): JornadaError {
  return new JornadaError('INVALID_RULE', `Invalid json-rules-engine condition at ${path.length === 0 ? '(root)' : path.join('.')}: ${message}`, {
    issues: [{ path, message, code: 'invalid_node' }],
  });
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isScalar(x: unknown): x is ConditionScalar {
  return x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
}

const JSON_PATH_STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^'\\]*)'\]|\["([^"\\]*)"\])/;

/** Reads a simple JSONPath (`$.a.b`, `$.list[0]`, `$['a b']`) into property names; other forms are unsupported. */
function jsonPathSteps(path: string, at: Path): string[] {
  if (!path.startsWith('$')) throw unsupported(at, `only JSONPath expressions starting with "$" are supported, not "${path}"`);
  const steps: string[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = JSON_PATH_STEP.exec(rest);
    if (m === null) throw unsupported(at, `the JSONPath "${path}" uses a form other than .name, [index] or ['name'] (filters, wildcards and recursive descent cannot be mapped)`);
    steps.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
    rest = rest.slice(m[0].length);
  }
  return steps;
}

const OPERATORS: Record<string, 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'notIn' | 'contains' | 'doesNotContain'> = {
  equal: 'eq',
  notEqual: 'ne',
  lessThan: 'lt',
  lessThanInclusive: 'lte',
  greaterThan: 'gt',
  greaterThanInclusive: 'gte',
  in: 'in',
  notIn: 'notIn',
  contains: 'contains',
  doesNotContain: 'doesNotContain',
};

const IGNORED_KEYS = new Set(['name', 'priority']);

function convert(node: unknown, path: Path, depth: number): ConditionNode {
  if (depth > CONDITION_LIMITS.maxDepth) throw malformed(path, `nests deeper than ${CONDITION_LIMITS.maxDepth} levels`);
  if (!isRecord(node)) throw malformed(path, 'a condition is an object');
  for (const group of ['all', 'any'] as const) {
    if (hasOwn(node, group)) {
      const children = node[group];
      if (!Array.isArray(children)) throw malformed([...path, group], `"${group}" holds an array of conditions`);
      const converted = children.map((c, i) => convert(c, [...path, group, i], depth + 1));
      return group === 'all' ? { all: converted } : { any: converted };
    }
  }
  if (hasOwn(node, 'not')) return { not: convert(node.not, [...path, 'not'], depth + 1) };
  if (hasOwn(node, 'condition')) throw unsupported([...path, 'condition'], 'references to shared conditions (engine.setCondition) cannot be imported; inline the shared condition first');
  if (!hasOwn(node, 'fact')) throw malformed(path, 'a condition has "all", "any", "not", "condition" or "fact"');
  for (const key of Object.keys(node)) {
    if (['fact', 'operator', 'value', 'path', 'params'].includes(key) || IGNORED_KEYS.has(key)) continue;
    throw malformed([...path, key], `unknown key "${key}"`);
  }
  if (hasOwn(node, 'params')) throw unsupported([...path, 'params'], 'fact parameters (dynamic facts) cannot be imported');
  const fact = node.fact;
  if (typeof fact !== 'string' || fact.length === 0) throw malformed([...path, 'fact'], 'the fact is a non-empty string');
  const steps = [fact];
  if (hasOwn(node, 'path')) {
    if (typeof node.path !== 'string') throw malformed([...path, 'path'], 'the path is a JSONPath string');
    steps.push(...jsonPathSteps(node.path, [...path, 'path']));
  }
  const factPath: string | string[] = steps.length === 1 && !fact.includes('.') ? fact : steps;
  const rawOperator = node.operator;
  if (typeof rawOperator !== 'string') throw malformed([...path, 'operator'], 'the operator is a string');
  let operator: string = rawOperator;
  let negate = false;
  if (operator.startsWith('not:')) {
    negate = true;
    operator = operator.slice(4);
  }
  if (operator.includes(':')) throw unsupported([...path, 'operator'], `the operator decorator in "${String(node.operator)}" cannot be mapped (only "not:" can)`);
  const op = hasOwn(OPERATORS, operator) ? OPERATORS[operator] : undefined;
  if (op === undefined) throw unsupported([...path, 'operator'], `the operator "${operator}" is not a json-rules-engine default operator jornada knows (custom operators cannot be imported)`);
  const value = node.value;
  if (isRecord(value) && hasOwn(value, 'fact')) throw unsupported([...path, 'value'], 'comparing with another fact ({ fact: … } as value) cannot be imported');
  let out: ConditionNode;
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(value)) throw malformed([...path, 'value'], `"${operator}" takes an array`);
    value.forEach((v, i) => {
      if (!isScalar(v)) throw unsupported([...path, 'value', i], 'only strings, finite numbers, booleans and null can be list elements');
    });
    out = { fact: factPath, op, value: value as ConditionScalar[] };
  } else {
    if (!isScalar(value)) throw unsupported([...path, 'value'], 'only strings, finite numbers, booleans and null can be compared');
    if (op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte') {
      if (typeof value !== 'number' && typeof value !== 'string') throw unsupported([...path, 'value'], `"${operator}" with a boolean or null has no counterpart`);
      out = { fact: factPath, op, value };
    } else if (op === 'doesNotContain') {
      out = { not: { fact: factPath, op: 'contains', value } };
    } else if (op === 'contains') {
      out = { fact: factPath, op, value };
    } else {
      out = { fact: factPath, op, value };
    }
  }
  return negate ? { not: out } : out;
}

/**
 * Converts a json-rules-engine condition (or a whole rule: its `conditions` are read) into a jornada
 * condition document.
 *
 * Maps `all` / `any` / `not`, the default operators (`equal` → `eq`, `notEqual` → `ne`, `lessThan` →
 * `lt`, `lessThanInclusive` → `lte`, `greaterThan` → `gt`, `greaterThanInclusive` → `gte`, `in`,
 * `notIn`, `contains`, `doesNotContain` → `not contains`), the `not:` operator decorator, and `path`
 * in simple JSONPath form (`$.a.b`, `$.a[0]`, `$['a b']`), appended to the fact. `name` and `priority`
 * are dropped (priority only orders evaluation). Semantics differ where json-rules-engine throws
 * on an undefined fact: jornada treats a missing fact as not meeting a comparison (and meeting `ne`
 * and `notIn`); jornada's `contains` also matches substrings of text facts.
 *
 * @param input - A json-rules-engine `TopLevelCondition`, or a rule `{ conditions, event }`.
 * @returns The equivalent condition document (validated).
 * @throws {JornadaError} `UNSUPPORTED` with the path of the construct that cannot be mapped (shared
 *   condition references, fact parameters, fact-valued `value`, custom operators and decorators other
 *   than `not:`, JSONPath filters and wildcards); `INVALID_RULE` for input that is not a
 *   json-rules-engine condition, or that maps to an invalid document (a forbidden property name).
 *
 * @example
 * ```ts
 * importJsonRulesEngineConditions({ all: [
 *   { fact: 'account', path: '$.tier', operator: 'equal', value: 'gold' },
 *   { fact: 'orders', operator: 'greaterThanInclusive', value: 3 },
 * ] });
 * //=> { version: 1, condition: { all: [
 * //     { fact: ['account', 'tier'], op: 'eq', value: 'gold' },
 * //     { fact: 'orders', op: 'gte', value: 3 } ] } }
 * ```
 * @category Segments
 */
export function importJsonRulesEngineConditions(input: unknown): ConditionDocument {
  let condition: ConditionNode;
  let rootPath: Path = [];
  try {
    let root = input;
    if (isRecord(input) && hasOwn(input, 'conditions')) {
      root = input.conditions;
      rootPath = ['conditions'];
    }
    // json-rules-engine requires all, any, not or a condition reference at the top; a bare fact
    // condition is accepted here too.
    condition = convert(root, rootPath, 1);
  } catch (cause) {
    if (isJornadaError(cause)) throw cause;
    throw new JornadaError('INVALID_RULE', 'Invalid json-rules-engine condition: the input could not be read', {
      issues: [{ path: rootPath, message: cause instanceof Error ? cause.message : String(cause), code: 'unreadable' }],
      cause,
    });
  }
  return parseConditionDocument({ version: 1, condition });
}
