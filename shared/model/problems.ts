/** One thing wrong with a diagram, located by a path such as `nodes[3].latency.p99Ms`. */
export interface Problem {
  path: string;
  message: string;
  /** What kind of problem, for the estimator's diagnostics: e.g. `cycle`, `dangling-edge`. */
  code?: string;
}

/** Joins path segments: numbers become `[i]`, names are dotted. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? String(segment) : `.${String(segment)}`;
  }
  return path;
}

/** `PATH: message`, or the message alone for a problem with the whole file. */
export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}
