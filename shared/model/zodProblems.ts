import type { z } from 'zod';
import { didYouMean } from './didYouMean';
import { formatPath, type Problem } from './problems';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** The value found at a path inside parsed JSON, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The sub-schema that validates the value at a path, following objects, arrays and optionals. */
function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (let i = 0; i <= path.length && current; ) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      current = def.innerType as AnySchema;
      continue;
    }
    if (i === path.length) break;
    const key = path[i++]!;
    if (def.type === 'object') current = (def.shape as Record<string, AnySchema>)[String(key)];
    else if (def.type === 'array') current = def.element as AnySchema;
    else if (def.type === 'record') current = def.valueType as AnySchema;
    else current = undefined;
  }
  return current;
}

function knownKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const target = schemaAt(schema, path);
  const def = target?._zod.def as { type?: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

function messageFor(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'is required';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.expected === 'number' && typeof input === 'number') return 'must be a finite number';
      return `must be ${expected}, not ${describe(input)}`;
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
      if (issue.origin === 'array') return `must hold at least ${minimum} items`;
      return `must be ${issue.inclusive ? '>=' : '>'} ${minimum}, not ${String(input)}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${maximum} characters`;
      if (issue.origin === 'array') return `must hold at most ${maximum} items`;
      return `must be ${issue.inclusive ? '<=' : '<'} ${maximum}, not ${String(input)}`;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof input === 'string' ? didYouMean(input, issue.values.map(String)) : '';
      if (options.length === 1) return `must be ${options[0]}, not ${describe(input)}`;
      return `${JSON.stringify(input)} is not one of ${options.join(', ')}${hint}`;
    }
    case 'invalid_union': {
      const alternatives = issue.errors.map((branch) => (branch[0] ? messageFor(branch[0], input) : ''));
      const wanted = alternatives.map((m) => m.replace(/^must be /, '').replace(/, not .*$/, ''));
      return `must be ${[...new Set(wanted)].join(' or ')}, not ${describe(input)}`;
    }
    default:
      return issue.message;
  }
}

/** Turns a schema's issues into `PATH: message` problems a person can act on. */
export function problemsFromIssues(schema: AnySchema, issues: readonly Issue[], input: unknown, prefix: readonly PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...path, key]), message: `unknown field${didYouMean(key, known)}` });
      }
      continue;
    }
    if (path.at(-1) === 'kind' && issue.code === 'invalid_value') {
      const kind = valueAt(input, issue.path);
      problems.push({
        path: formatPath(path),
        message: `unknown kind ${JSON.stringify(kind)}${typeof kind === 'string' ? didYouMean(kind, issue.values.map(String)) : ''}`,
      });
      continue;
    }
    problems.push({ path: formatPath(path), message: messageFor(issue, valueAt(input, issue.path)) });
  }
  return problems;
}
