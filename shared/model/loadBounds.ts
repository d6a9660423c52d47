/**
 * Limits that keep reading a file bounded in time and memory whatever it
 * holds: how deep its JSON may nest, and how many problems are listed.
 */
import type { Problem } from './problems';

/**
 * Deepest nesting of objects and lists a file may have. A diagram needs 4
 * (nodes, a node, its params, a value); 64 leaves room for any format change
 * while keeping every reader's recursion far from the stack's end.
 */
export const MAX_JSON_NESTING = 64;

/** Problems listed one by one; past this many the rest are counted in one line. */
export const MAX_PROBLEMS_LISTED = 200;

/** Code of the last problem of a capped list, the one that counts the rest. */
export const MORE_PROBLEMS = 'more-problems';

/**
 * Where JSON text first nests deeper than `maxDepth` objects and lists (a
 * character offset), or -1. One linear pass that skips strings, so it runs
 * before JSON.parse and anything recursive sees the value.
 */
export function tooDeepAt(text: string, maxDepth = MAX_JSON_NESTING): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i);
      if (i < 0) return -1;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/**
 * The offset of the quote that closes the text opened at `open`, or -1 when
 * none does. The search jumps from quote to quote (most of a file is text);
 * a quote after an odd run of backslashes is escaped and does not close it.
 */
function closingQuote(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at >= 0; at = text.indexOf('"', at + 1)) {
    let before = at - 1;
    while (text.charCodeAt(before) === 0x5c) before--;
    if ((at - 1 - before) % 2 === 0) return at;
  }
  return -1;
}

/** `line L, column C` of a character offset in text. */
export function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/** The located complaint about JSON nested deeper than MAX_JSON_NESTING, or undefined when it is not. */
export function nestingProblem(text: string): string | undefined {
  const at = tooDeepAt(text);
  if (at < 0) return undefined;
  return `${lineAndColumn(text, at)}: nesting deeper than ${MAX_JSON_NESTING} (objects and lists inside each other); a diagram needs 4`;
}

/**
 * The first MAX_PROBLEMS_LISTED problems, then one that says how many more
 * there are (code MORE_PROBLEMS), so a file with a million mistakes is
 * reported as fast, and as readably, as one with ten.
 */
export function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS_LISTED + 1) return problems;
  const more = problems.length - MAX_PROBLEMS_LISTED;
  return [
    ...problems.slice(0, MAX_PROBLEMS_LISTED),
    { path: '', code: MORE_PROBLEMS, message: `and ${more.toLocaleString('en-US')} more problems` },
  ];
}

/** How many problems a list stands for, counting those a capped list summarizes. */
export function problemCount(problems: readonly Problem[]): number {
  const last = problems.at(-1);
  if (last?.code !== MORE_PROBLEMS) return problems.length;
  return problems.length - 1 + Number(last.message.replace(/\D/g, ''));
}

/**
 * Whether a found problem's path is already spoken for by a reported one: the
 * same path, inside it, or a field holding it. Set lookups over each path's
 * prefixes, so thousands of problems are checked in linear time.
 */
export function coveredBy(reported: readonly Problem[]): (path: string) => boolean {
  const paths = new Set(reported.map((r) => r.path));
  const holders = new Set<string>();
  for (const { path } of reported) {
    for (let i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) holders.add(path.slice(0, i));
  }
  return (path) => {
    if (paths.has(path) || holders.has(path)) return true;
    for (let i = 0; i < path.length; i++) {
      const c = path[i];
      if ((c === '.' || c === '[') && paths.has(path.slice(0, i))) return true;
    }
    return false;
  };
}
