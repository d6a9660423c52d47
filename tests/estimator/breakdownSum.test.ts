import { describe, expect, it } from 'vitest';
import { BLUEPRINT_SLUGS, blueprint } from '../../shared/blueprints';
import type { Diagram } from '../../shared/model/schema';
import { call, diagramOf, svc, users } from './build';
import { entryTails, sumGap } from './tail';

/** Per entry with a latency: how far its breakdown's sum is from the mean of its requests at or above p99, relative. */
function sumGaps(diagram: Diagram): Map<string, number> {
  return new Map([...entryTails(diagram)].map(([entry, tail]) => [entry, sumGap(tail)]));
}

describe('the p99 breakdown adds up to the mean latency of the requests at or above p99', () => {
  it('in every blueprint, hedged fan-outs included', () => {
    const off: string[] = [];
    for (const slug of BLUEPRINT_SLUGS) {
      for (const [entry, gap] of sumGaps(blueprint(slug)!)) if (!(Math.abs(gap) < 0.02)) off.push(`${slug}/${entry}: ${(100 * gap).toFixed(1)}%`);
    }
    expect(off).toEqual([]);
  });

  it('through hedged and retried calls, which take less or more than the callee alone', () => {
    const parts = [users(300), svc('api', 2, 8, { capacity: { replicas: 'auto', concurrency: 8 } }), svc('shard', 3, 30, { kind: 'vectorIndex' }), svc('db', 4, 20)];
    const hedged = diagramOf(parts, [call('users', 'api'), call('api', 'shard', { calls: 16, hedge: { afterPercentile: 0.95 } }), call('api', 'db', { stage: 1 })]);
    const retried = diagramOf(parts, [call('users', 'api'), call('api', 'shard', { retry: { failureProbability: 0.05, retries: 2, timeoutMs: 40 } }), call('api', 'db', { stage: 1 })]);
    for (const diagram of [hedged, retried]) expect(Math.abs(sumGaps(diagram).get('users')!)).toBeLessThan(0.02);
  });
});
