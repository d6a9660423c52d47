/**
 * Reads worksheet arithmetic back into a number: "100M DAU x 5 req/user/day /
 * 86,400 s/day x 2 peak:avg" -> 11574.07. Numbers take a scale suffix (k, M,
 * B, T, P), a unit after a space (ms, s, B, kB ... ZB, QPS), a "$" before or
 * a "%" after; words after a number are its label and are skipped. Operators
 * are x, /, +, - with a space each side; functions ceil, max, exp, ln.
 * Quoted names (“Ranker”) are skipped whatever they hold.
 */
import { call, num, op, evaluate, type FunctionName, type Operator, type Term } from './expression';

const SCALE: Record<string, number> = { '': 1, k: 1e3, M: 1e6, B: 1e9, T: 1e12, P: 1e15 };
const UNITS: Record<string, number> = {
  ms: 1, s: 1000, QPS: 1, B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15, EB: 1e18, ZB: 1e21,
};
const FUNCTION_NAMES: readonly FunctionName[] = ['ceil', 'max', 'exp', 'ln'];
const NUMBER = /^(-?)(\$?)(\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?)(k|M|B|T|P)?(%)?(?: (ms|s|QPS|B|kB|MB|GB|TB|PB|EB|ZB)(?=[\s),]|$))?/;

type Token = { kind: 'number'; value: number } | { kind: 'op'; op: Operator } | { kind: 'fn'; fn: FunctionName } | { kind: '(' | ')' | ',' };

/** Splits worksheet text into numbers, operators, functions and brackets, or says where it cannot. */
function tokenize(text: string): Token[] | string {
  const source = text.replace(/“[^”]*”/g, '');
  const tokens: Token[] = [];
  let i = 0;
  let afterOperand = false;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      const operator = /^\s([x/+-])\s/.exec(rest);
      if (operator && afterOperand) {
        tokens.push({ kind: 'op', op: operator[1] as Operator });
        afterOperand = false;
        i += 2;
        continue;
      }
      if (afterOperand && !/^\s*[),]/.test(rest) && tokens.at(-1)?.kind === 'number') {
        // A label after a number: skip to the next operator, bracket or comma.
        const end = /\s[x/+-]\s|[),]/.exec(rest);
        i += end ? end.index : rest.length;
        continue;
      }
      i += space[0].length;
      continue;
    }
    const fn = FUNCTION_NAMES.find((f) => rest.startsWith(`${f}(`));
    if (fn && !afterOperand) {
      tokens.push({ kind: 'fn', fn }, { kind: '(' });
      i += fn.length + 1;
      continue;
    }
    const c = rest[0]!;
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c });
      afterOperand = c === ')';
      i++;
      continue;
    }
    const match = afterOperand ? null : NUMBER.exec(rest);
    if (match) {
      const [whole, sign, , digits, scale, percent, unit] = match;
      let value = Number(digits!.replace(/,/g, '')) * SCALE[scale ?? '']! * (unit ? UNITS[unit]! : 1);
      if (percent) value /= 100;
      tokens.push({ kind: 'number', value: sign ? -value : value });
      afterOperand = true;
      i += whole.length;
      continue;
    }
    if (afterOperand) {
      // A label glued to its number or bracket ("peak:avg"): skip to the next boundary.
      const end = /\s[x/+-]\s|[),]/.exec(rest);
      i += end ? end.index : rest.length;
      continue;
    }
    return `cannot read "${rest.slice(0, 20)}" at character ${i + 1}`;
  }
  return tokens;
}

/** Builds the term of a token list by precedence: functions and brackets, then x and /, then + and -. */
function parseTokens(tokens: Token[]): Term | string {
  let at = 0;
  const peek = () => tokens[at];
  function primary(): Term | string {
    const t = tokens[at++];
    if (!t) return 'ends too early';
    if (t.kind === 'number') return num(t.value, 'number');
    if (t.kind === '(') {
      const inner = sum();
      if (typeof inner === 'string') return inner;
      return tokens[at++]?.kind === ')' ? inner : 'a bracket is not closed';
    }
    if (t.kind === 'fn') {
      at++; // the "(" that follows a function name
      const args: Term[] = [];
      for (;;) {
        const arg = sum();
        if (typeof arg === 'string') return arg;
        args.push(arg);
        const next = tokens[at++];
        if (next?.kind === ')') return call(t.fn, ...args);
        if (next?.kind !== ',') return `${t.fn}( is not closed`;
      }
    }
    return `unexpected ${t.kind === 'op' ? t.op : t.kind}`;
  }
  function chain(operators: readonly Operator[], next: () => Term | string): () => Term | string {
    return () => {
      let left = next();
      if (typeof left === 'string') return left;
      for (let t = peek(); t?.kind === 'op' && operators.includes(t.op); t = peek()) {
        at++;
        const right = next();
        if (typeof right === 'string') return right;
        left = op(t.op, left, right);
      }
      return left;
    };
  }
  const product = chain(['x', '/'], primary);
  const sum = chain(['+', '-'], product);
  const result = sum();
  if (typeof result !== 'string' && at < tokens.length) return 'more after the end of the arithmetic';
  return result;
}

/**
 * The value of worksheet arithmetic, in base units (ms, bytes, QPS, dollars,
 * plain numbers; a percentage as a share), or what is wrong with it.
 */
export function parseWorksheet(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  if (tokens.length === 0) return { ok: false, message: 'no numbers' };
  const term = parseTokens(tokens);
  if (typeof term === 'string') return { ok: false, message: term };
  return { ok: true, value: evaluate(term) };
}
