import type { DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { diagramOf } from '../helpers';

/** A service node with a log-normal service time and optional extra blocks. */
export function svc(id: string, p50Ms: number, p99Ms: number, extra: Partial<DiagramNode> = {}): DiagramNode {
  return { id, kind: 'service', label: id.toUpperCase(), latency: { p50Ms, p99Ms }, ...extra };
}

/** A traffic entry at a peak rate. */
export function users(qps: number, id = 'users'): DiagramNode {
  return { id, kind: 'traffic', label: 'Users', traffic: { qps } };
}

/** Shorthand for an edge. */
export function call(source: string, target: string, extra: Partial<DiagramEdge> = {}): Partial<DiagramEdge> {
  return { source, target, ...extra };
}

export { diagramOf };

/** Expects `actual` within a relative tolerance of `expected`. */
export function near(actual: number | null | undefined, expected: number, relative: number): void {
  if (actual === null || actual === undefined || Math.abs(actual - expected) > Math.abs(expected) * relative) {
    throw new Error(`expected ${actual} within ${relative * 100}% of ${expected}`);
  }
}
