import { describe, expect, it } from 'vitest';
import type { BatchingRun } from '../../shared/estimator/batching';
import { batchingDiagnostics } from '../../shared/estimator/servingFigures';
import type { DiagramNode } from '../../shared/model/schema';
import type { Batching } from '../../shared/model/serving';

/** A batch of b runs 6 + b ms: a full batch of 16 takes 22 ms, one item a sixth of a batch of 3. */
const spec: Batching = { maxBatchSize: 16, maxQueueDelayMs: 4, fixedMs: 6, perItemMs: 1 };
const model: DiagramNode = { id: 'model', kind: 'model', label: 'Ranker', batching: spec } as DiagramNode;

/** A run of `executors` with the given regime, mean batch and utilization. */
function run(executors: number, part: Partial<BatchingRun>): BatchingRun {
  const batchSize = part.batchSize ?? 4;
  return {
    replicas: executors, neededReplicas: executors, executors, batchSize, batchMs: 6 + batchSize, formationMs: 4,
    utilization: 0.5, saturated: false, regime: 'delay', own: null, ...part,
  };
}

const say = (r: BatchingRun, qps = 3000, node = model) => batchingDiagnostics({ nodes: [node] }, new Map([[node.id, r]]), () => qps);

describe('what a batching pool says', () => {
  it('saturated: 2 executors of full batches of 16 at 22 ms serve at most 1,455 QPS, below the 3,000 at peak', () => {
    expect(say(run(2, { saturated: true, utilization: 1 }))).toEqual([{
      severity: 'error', code: 'saturated', node: 'model',
      message:
        '"Ranker" is saturated: 2 executors running full batches of 16 (22 ms each) serve at most 1.45k QPS, below the 3k QPS at peak; ' +
        'its latency and that of everything calling it is unbounded. Add replicas, raise maxBatchSize, or use "auto".',
    }]);
    expect(say(run(1, { saturated: true }))[0]!.message).toContain('1 executor running full batches of 16 (22 ms each) serve at most 727 QPS');
  });

  it('a tail that may be optimistic: batches of 10 on the delay, executors 83% busy, items 56% of a 16 ms run', () => {
    expect(say(run(4, { batchSize: 10, utilization: 0.83 }))).toEqual([{
      severity: 'warning', code: 'batching-tail', node: 'model',
      message:
        '"Ranker" closes its batches on the queue delay with its executors 83% busy, and a batch\'s run time grows with its size ' +
        '(16 ms for 10.0 on average): requests queue behind the larger batches more than the estimate counts, so its p99 may be ' +
        '5-15% optimistic. Check by simulation (mlsd simulate), or add replicas.',
    }]);
  });

  it('no tail warning at 75% busy or below, at full batches, or where items are at most 30% of a run', () => {
    expect(say(run(4, { batchSize: 10, utilization: 0.75 }))).toEqual([]);
    expect(say(run(4, { batchSize: 16, utilization: 0.9 }))).toEqual([]);
    // A batch of one runs 7 ms: items are 1 - 7 / 9.9 = 29% of a 9.9 ms run, 31% of a 10.1 ms one.
    expect(say(run(4, { batchSize: 4, batchMs: 9.9, utilization: 0.9 }))).toEqual([]);
    expect(say(run(4, { batchSize: 4, batchMs: 10.1, utilization: 0.9 }))).toHaveLength(1);
    expect(say(run(4, { batchSize: 4, batchMs: 10.1, utilization: 0.9, regime: 'busy' }))[0]!.code).toBe('batching-busy');
    // A preferred size caps the batch below maxBatchSize: a batch at that cap sends at once.
    const preferred = { ...model, batching: { ...spec, preferredBatchSizes: [8] } };
    expect(say(run(4, { batchSize: 8, utilization: 0.9 }), 3000, preferred)).toEqual([]);
    expect(say(run(4, { batchSize: 7.5, utilization: 0.9 }), 3000, preferred)).toHaveLength(1);
  });

  it('busy: batches that grow with the load, up to 16, and the most the pool can take', () => {
    expect(say(run(4, { regime: 'busy', batchSize: 12.34, batchMs: 18.34, utilization: 0.999 }))).toEqual([{
      severity: 'info', code: 'batching-busy', node: 'model',
      message:
        '"Ranker" keeps its GPUs busy (99.9%): batches grow with the load, 12.3 on average (18.3 ms each), up to 16; ' +
        'it can take up to 2.91k QPS, and its latency grows with the batch.',
    }]);
  });

  it('says nothing of a calm pool, nor of nodes without a run', () => {
    expect(say(run(4, { batchSize: 3, utilization: 0.3 }))).toEqual([]);
    expect(batchingDiagnostics({ nodes: [model] }, new Map(), () => 0)).toEqual([]);
  });
});
