/**
 * Back-of-envelope arithmetic as data: a tree of numbers (each with its unit
 * and what it stands for), operators and a few functions. One tree is both
 * evaluated (exactly, to check it against the estimator's figure) and
 * rendered in worksheet notation ("100M DAU x 5 req/day / 86,400 s x 2 peak").
 */
import { formatBytes, formatMs, formatQps, formatUsd, significant } from '../units';
import type { FigureRef } from './figures';

/** How a number is written: its scale and unit symbol. */
export type Unit = 'qps' | 'ms' | 'bytes' | 'usd' | 'count' | 'percent' | 'number';

/** One number of a derivation: an input from the file, a constant, or a figure derived elsewhere. */
export interface ValueTerm {
  kind: 'value';
  value: number;
  unit: Unit;
  /** Words after the number: "DAU", "req/day", "peak:avg", "replication". */
  label?: string;
  /** Where an input comes from in the file: "nodes[2].traffic.dau". */
  path?: string;
  /** The figure this number is, when it is derived elsewhere (a caller's peak, a callee's p99). */
  figure?: FigureRef;
}

export type Operator = '+' | '-' | 'x' | '/';
/** Functions a derivation may use; `ceil` forgives 1e-9 as the estimator does, so 3.0000000001 servers stay 3. */
export type FunctionName = 'ceil' | 'max' | 'exp' | 'ln' | 'sq';

export interface OperationTerm {
  kind: 'op';
  op: Operator;
  /** Two or more terms, combined left to right. */
  terms: Term[];
}

export interface CallTerm {
  kind: 'fn';
  fn: FunctionName;
  args: Term[];
}

export type Term = ValueTerm | OperationTerm | CallTerm;

/** A number with its unit and label. */
export function num(value: number, unit: Unit, label?: string, more: Pick<ValueTerm, 'path' | 'figure'> = {}): ValueTerm {
  return { kind: 'value', value, unit, ...(label ? { label } : {}), ...more };
}

/** Terms joined by one operator; a single term stands alone. */
export function op(operator: Operator, ...terms: Term[]): Term {
  return terms.length === 1 ? terms[0]! : { kind: 'op', op: operator, terms };
}

/** A function applied to its arguments. */
export function call(fn: FunctionName, ...args: Term[]): CallTerm {
  return { kind: 'fn', fn, args };
}

const APPLY: Record<Operator, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  x: (a, b) => a * b,
  '/': (a, b) => a / b,
};

const FUNCTIONS: Record<FunctionName, (args: number[]) => number> = {
  ceil: ([x]) => Math.ceil(x! - 1e-9),
  max: (args) => Math.max(...args),
  exp: ([x]) => Math.exp(x!),
  ln: ([x]) => Math.log(x!),
  sq: ([x]) => x! * x!,
};

/** The value of a term, computed exactly from the numbers it holds. */
export function evaluate(term: Term): number {
  switch (term.kind) {
    case 'value':
      return term.value;
    case 'op':
      return term.terms.slice(1).reduce((acc, t) => APPLY[term.op](acc, evaluate(t)), evaluate(term.terms[0]!));
    case 'fn':
      return FUNCTIONS[term.fn](term.args.map(evaluate));
  }
}

/** Every number a term holds, left to right as rendered. */
export function valuesOf(term: Term): ValueTerm[] {
  if (term.kind === 'value') return [term];
  return (term.kind === 'op' ? term.terms : term.args).flatMap(valuesOf);
}

/** Scales by 1000s: 45e9 -> "45B", 11_574 -> "11.6k". */
function scaled(value: number, prefixes: readonly string[]): string {
  let v = value;
  let step = 0;
  while (Math.abs(v) >= 999.5 && step < prefixes.length - 1) {
    v /= 1000;
    step++;
  }
  return `${significant(v)}${prefixes[step]}`;
}

/** A plain number: whole numbers below ten million in full with separators (86,400), powers of ten above as 1e9, others to 3 significant digits. */
function plain(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return value.toLocaleString('en-US');
  const power = Math.log10(Math.abs(value));
  if (Number.isInteger(power)) return `${value < 0 ? '-' : ''}1e${power}`;
  return significant(value);
}

/** A number as a worksheet writes it, without its label: "11.6k QPS", "4.2 ms", "1.2 TB", "$0.529", "45B", "0.6". */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'qps':
      return formatQps(value);
    case 'ms':
      return formatMs(value);
    case 'bytes':
      return formatBytes(value);
    case 'usd':
      return formatUsd(value);
    case 'percent':
      return `${significant(value * 100)}%`;
    case 'count':
      return scaled(value, ['', 'k', 'M', 'B', 'T', 'P']);
    case 'number':
      return plain(value);
  }
}

/** A number with its label: "100M DAU". */
export function renderValue(term: ValueTerm): string {
  const text = formatValue(term.value, term.unit);
  return term.label ? `${text} ${term.label}` : text;
}

const PRECEDENCE: Record<Operator, number> = { '+': 1, '-': 1, x: 2, '/': 2 };

/**
 * A term in worksheet notation. Operators are written with a space each side
 * ("a x b / c"), parentheses only where precedence needs them.
 */
export function render(term: Term): string {
  switch (term.kind) {
    case 'value':
      return renderValue(term);
    case 'fn':
      return `${term.fn}(${term.args.map(render).join(', ')})`;
    case 'op': {
      const mine = PRECEDENCE[term.op];
      return term.terms
        .map((t, i) => {
          const inner = render(t);
          if (t.kind !== 'op') return inner;
          const theirs = PRECEDENCE[t.op];
          // The right side of - and / binds as a whole, so an operation there at the same level needs parentheses too.
          const needs = theirs < mine || (i > 0 && theirs === mine && (term.op === '-' || term.op === '/'));
          return needs ? `(${inner})` : inner;
        })
        .join(` ${term.op} `);
    }
  }
}
